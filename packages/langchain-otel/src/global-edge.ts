import { diag } from "@opentelemetry/api";
import type { GlobalHandlerRegistration } from "./global";
import { OpenTelemetryCallbackHandler } from "./handler";
import type { LangChainInstrumentationOptions } from "./options";

export { GLOBAL_HANDLER_CONTEXT_VAR, type GlobalHandlerRegistration } from "./global-types";

/**
 * The edge build's `registerOpenTelemetryHandler` (conditions `workerd`, `edge-light`, `browser`):
 * LangChain keeps globally registered handlers in its AsyncLocalStorage, which only
 * `@langchain/core/context` sets up (it imports `node:async_hooks`, absent from Workers without
 * `nodejs_compat` and from Vercel's edge runtime). So here it registers nothing: it says so through
 * `diag.warn` and returns the handler, to pass per call as `{ callbacks: [handler] }`.
 *
 * @param options - handler options (see {@link LangChainInstrumentationOptions})
 * @returns the handler and an `unregister()` that ends its open spans
 */
export function registerOpenTelemetryHandler(options: LangChainInstrumentationOptions = {}): GlobalHandlerRegistration {
  const handler = new OpenTelemetryCallbackHandler(options);
  diag.warn(
    "genai-otel/langchain: registerOpenTelemetryHandler is unavailable in this runtime (edge build: LangChain's global handlers need " +
      "node:async_hooks through @langchain/core/context); nothing is registered. Pass the returned handler per call: { callbacks: [handler] }.",
  );
  let done = false;
  return {
    handler,
    unregister() {
      if (done) return;
      done = true;
      handler.shutdown();
    },
  };
}
