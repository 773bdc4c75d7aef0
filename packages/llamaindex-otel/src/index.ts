/**
 * @genai-otel/llamaindex-otel: OpenTelemetry tracing for LlamaIndex.TS, named and attributed by
 * the OpenTelemetry GenAI semantic conventions.
 * @packageDocumentation
 */
export { instrumentLlamaIndex } from "./instrument";
export type { LlamaIndexInstrumentation, LlamaIndexInstrumentationOptions } from "./types";
