import { diag } from "@opentelemetry/api";
import { registerConfigureHook, setContextVariable } from "@langchain/core/context";
import { OpenTelemetryCallbackHandler } from "./handler";
import type { LangChainInstrumentationOptions } from "./options";

/** The LangChain context variable that holds the globally registered handler. */
export const GLOBAL_HANDLER_CONTEXT_VAR = "genai_otel_langchain_handler";

/** What {@link registerOpenTelemetryHandler} returns. */
export interface GlobalHandlerRegistration {
  /** The handler every run now gets. */
  handler: OpenTelemetryCallbackHandler;
  /** Stops adding the handler to new runs and ends its open spans. Idempotent. */
  unregister(): void;
}

/**
 * Adds one OpenTelemetryCallbackHandler to every LangChain run, with no `callbacks` option needed,
 * through LangChain's `registerConfigureHook` and a context variable. LangChain keeps hooks in its
 * async-local context: call this once at start-up, at the top level of your entry module, before
 * handling requests (a call inside an async function only covers that function's work).
 *
 * @param options - handler options (see {@link LangChainInstrumentationOptions})
 * @returns the handler and an `unregister()` that undoes the registration
 */
export function registerOpenTelemetryHandler(options: LangChainInstrumentationOptions = {}): GlobalHandlerRegistration {
  const handler = new OpenTelemetryCallbackHandler(options);
  registerConfigureHook({ contextVar: GLOBAL_HANDLER_CONTEXT_VAR, inheritable: true });
  setContextVariable(GLOBAL_HANDLER_CONTEXT_VAR, handler);
  let done = false;
  return {
    handler,
    unregister() {
      if (done) return;
      done = true;
      try {
        setContextVariable(GLOBAL_HANDLER_CONTEXT_VAR, undefined);
        handler.shutdown();
      } catch (err) {
        diag.warn("genai-otel: unregister failed", err);
      }
    },
  };
}
