import { getEventCaller } from "@llamaindex/core/global";
import { context, diag } from "@opentelemetry/api";
import type { CoreCopy } from "../core-copy";
import { type LlamaIndexInstallation, activeInstallation } from "../installation";
import { isInModelCall } from "../operation-tracer";
import { announceToolCall } from "../patches/tools";

/** The `detail` fields of the events read here. */
interface EventDetail {
  id?: unknown;
  messages?: unknown;
  chunk?: unknown;
  response?: unknown;
  toolCall?: { name?: unknown; id?: unknown };
}

/**
 * Observes every event LlamaIndex dispatches, on any `CallbackManager` (the global one, one that
 * replaced it through `Settings.callbackManager = ...`, or one scoped with
 * `Settings.withCallbackManager`), by wrapping `CallbackManager.prototype.dispatchEvent`. Nothing
 * is registered with `on()`, so replacing the manager loses nothing and uninstrumenting leaves no
 * handler behind. Dispatch is observed synchronously, in the caller's context, before LlamaIndex
 * defers its handlers to a microtask: start times and parents are those of the call itself.
 *
 * - `llm-start` / `llm-stream` / `llm-end`: chat spans for LLM calls no wrapper traced (the
 *   installation's `EventSpans`, one for every copy of `CallbackManager`); ignored inside a traced
 *   model call.
 * - `llm-tool-call`: the model's call id, for the span of the tool about to be called.
 */
export function patchCallbackManager({ patcher }: LlamaIndexInstallation, { CallbackManager }: CoreCopy): void {
  if (!CallbackManager) return;
  patcher.wrapMethod(
    CallbackManager.prototype,
    "dispatchEvent",
    (original) =>
      function dispatchEvent(this: unknown, ...args: unknown[]) {
        const installation = activeInstallation();
        if (installation) {
          try {
            observe(installation, args[0], (args[1] ?? {}) as EventDetail);
          } catch (err) {
            diag.warn("genai-otel: could not read a LlamaIndex event", err);
          }
        }
        return original.apply(this, args);
      },
  );
}

function observe(installation: LlamaIndexInstallation, event: unknown, detail: EventDetail): void {
  const spans = installation.eventSpans;
  switch (event) {
    case "llm-start": {
      const ctx = context.active();
      if (typeof detail.id === "string" && !isInModelCall(ctx)) spans.start(detail.id, detail.messages, getEventCaller(), ctx);
      return;
    }
    case "llm-stream":
      if (typeof detail.id === "string") spans.chunk(detail.id, detail.chunk);
      return;
    case "llm-end":
      if (typeof detail.id === "string") spans.end(detail.id, detail.response);
      return;
    case "llm-tool-call":
      announceToolCall(installation, detail.toolCall);
      return;
  }
}
