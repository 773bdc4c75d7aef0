/**
 * @genai-otel/core-semconv: the OpenTelemetry GenAI semantic conventions in one place, with the
 * content-capture policy and a serialiser that never throws. Both genai-otel adapters get every
 * name and every privacy decision from here.
 * @packageDocumentation
 */
export * from "./attributes";
export * from "./operations";
export * from "./content-capture";
export * from "./content-policy";
export * from "./description";
export * from "./build-attributes";
export * from "./errors";
export * from "./serialize";
export * from "./tracer";
export * from "./span-tree";
export * from "./metrics";
export * from "./lifecycle/index";
export * from "./manual/index";
export * from "./translate/index";
