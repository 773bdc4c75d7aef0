import type { OpenTelemetryCallbackHandler } from "./handler";

/** The LangChain context variable that holds the globally registered handler. */
export const GLOBAL_HANDLER_CONTEXT_VAR = "genai_otel_langchain_handler";

/** What `registerOpenTelemetryHandler` returns. */
export interface GlobalHandlerRegistration {
  /** The handler every run now gets (on the edge build: the handler to pass per call). */
  handler: OpenTelemetryCallbackHandler;
  /** Stops adding the handler to new runs and ends its open spans. Idempotent. */
  unregister(): void;
}
