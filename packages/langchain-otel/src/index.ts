/**
 * @genai-otel/langchain-otel: OpenTelemetry tracing for LangChain.js and LangGraph, named and
 * attributed by the OpenTelemetry GenAI semantic conventions.
 * @packageDocumentation
 */
export { OpenTelemetryCallbackHandler } from "./handler";
export type { LangChainInstrumentationOptions } from "./options";
export { GLOBAL_HANDLER_CONTEXT_VAR, type GlobalHandlerRegistration, registerOpenTelemetryHandler } from "./global";
/**
 * Re-exported from `@genai-otel/core-semconv` for convenience: runs a function in a scope whose
 * conversation, user, tags, metadata and prompt go on every span started in it. See its TSDoc there.
 */
export { type PromptReference, type TraceAttributes, withTraceAttributes } from "@genai-otel/core-semconv";
