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
/**
 * Re-exported from `@genai-otel/core-semconv` for convenience: runs a function in a scope whose
 * conversation, user, tags, metadata and prompt go on every span started in it (wrap `query`,
 * `chat`, `agent.run` in it). See its TSDoc there.
 */
export { type PromptReference, type TraceAttributes, withTraceAttributes } from "@genai-otel/core-semconv";
