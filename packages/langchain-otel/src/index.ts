/**
 * @genai-otel/langchain-otel: OpenTelemetry tracing for LangChain.js and LangGraph, named and
 * attributed by the OpenTelemetry GenAI semantic conventions.
 * @packageDocumentation
 */
export { OpenTelemetryCallbackHandler } from "./handler";
export type { LangChainInstrumentationOptions } from "./options";
export { GLOBAL_HANDLER_CONTEXT_VAR, type GlobalHandlerRegistration, registerOpenTelemetryHandler } from "./global";
