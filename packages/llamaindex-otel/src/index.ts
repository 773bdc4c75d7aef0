/**
 * @genai-otel/llamaindex-otel: OpenTelemetry tracing for LlamaIndex.TS, named and attributed by
 * the OpenTelemetry GenAI semantic conventions.
 * @packageDocumentation
 */
export { instrumentLlamaIndex } from "./instrument";
export { instrumentObject } from "./instrument-object";
export { LlamaIndexInstrumentation } from "./instrumentation";
export type {
  LlamaIndexInstrumentationConfig,
  LlamaIndexInstrumentationHandle,
  LlamaIndexInstrumentationOptions,
  LlamaIndexInstrumentationStats,
} from "./types";
