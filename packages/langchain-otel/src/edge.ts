/**
 * @genai-otel/langchain-otel, edge build (export conditions `workerd`, `edge-light`, `browser`):
 * the same API for Cloudflare Workers and Vercel's edge runtime, without the one Node-only import
 * (`@langchain/core/context`, which needs `node:async_hooks`). `registerOpenTelemetryHandler`
 * registers nothing there and says so; pass the handler per call.
 * @packageDocumentation
 */
export { OpenTelemetryCallbackHandler } from "./handler";
export type { LangChainInstrumentationOptions } from "./options";
export { GLOBAL_HANDLER_CONTEXT_VAR, type GlobalHandlerRegistration, registerOpenTelemetryHandler } from "./global-edge";
