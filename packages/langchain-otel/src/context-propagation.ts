import { type Context, ROOT_CONTEXT, context, createContextKey, diag, trace } from "@opentelemetry/api";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { BaseLLM } from "@langchain/core/language_models/llms";
import { AsyncLocalStorageProviderSingleton } from "@langchain/core/singletons";
import { DeferredSpan, type SpanSlot } from "./deferred-span";
import { contextOf } from "./run-registry";
import { trackerOf } from "./tracker";

const SLOT_KEY = createContextKey("genai-otel.langchain.span-slot");
const PROBE_KEY = createContextKey("genai-otel.langchain.probe");

/**
 * Whether an OpenTelemetry context manager is registered, i.e. whether `context.with` makes a
 * context active (the default no-op manager does not; Workers without `nodejs_compat` and Vercel's
 * edge runtime have no AsyncLocalStorage to build one on).
 */
export function hasContextManager(): boolean {
  return context.with(ROOT_CONTEXT.setValue(PROBE_KEY, true), () => context.active().getValue(PROBE_KEY) === true);
}

/** The slot a model call opened for its run's span, if the current code runs inside one. */
export function currentSpanSlot(): SpanSlot | undefined {
  if (!active) return undefined; // no patches, no slots: skip the context read on the hot path
  return context.active().getValue(SLOT_KEY) as SpanSlot | undefined;
}

function withSlot(): Context {
  const parent = context.active();
  const slot: SpanSlot = {};
  return trace.setSpan(parent, new DeferredSpan(slot, trace.getSpan(parent))).setValue(SLOT_KEY, slot);
}

type AnyFn = (this: unknown, ...args: unknown[]) => unknown;

function bindIterator<T>(iterator: AsyncIterator<T>, ctx: Context): AsyncGenerator<T> {
  const wrapped = {
    next: (...args: [] | [unknown]) => context.with(ctx, () => iterator.next(...args)),
    return: (value?: unknown) => context.with(ctx, () => iterator.return?.(value) ?? Promise.resolve({ done: true as const, value: undefined })),
    throw: (err?: unknown) => context.with(ctx, () => iterator.throw?.(err) ?? Promise.reject(err)),
    [Symbol.asyncIterator]() {
      return wrapped;
    },
  };
  return wrapped as unknown as AsyncGenerator<T>;
}

interface Patch {
  target: Record<string, unknown>;
  key: string;
  original: unknown;
}

function patch(target: object, key: string, make: (original: AnyFn) => AnyFn, patches: Patch[]): void {
  const t = target as Record<string, unknown>;
  const original = t[key];
  if (typeof original !== "function") {
    diag.warn(`genai-otel: cannot propagate context through ${key}: not found in this @langchain/core version`);
    return;
  }
  t[key] = make(original as AnyFn);
  patches.push({ target: t, key, original });
}

let active: { count: number; patches: Patch[] } | undefined;

/**
 * Makes each run's span the active OpenTelemetry context for the work the run does, so spans made
 * inside it (an HTTP client span from an instrumented fetch/undici/http, a manual span) become its
 * children: inside tools, RunnableLambdas and LangGraph nodes (through LangChain's
 * `AsyncLocalStorageProviderSingleton.runWithConfig`), and inside chat models and LLMs (their
 * `generate` and `_streamIterator`). Patches are process-wide, installed once, reference-counted,
 * and inert for calls that carry no OpenTelemetryCallbackHandler.
 *
 * @returns a function that undoes this call's share of the patches
 */
export function enableContextPropagation(): () => void {
  if (!active) {
    const patches: Patch[] = [];
    const provider = AsyncLocalStorageProviderSingleton as unknown as Record<string, unknown>;
    patch(provider, "runWithConfig", (original) =>
      function (this: unknown, ...args: unknown[]) {
        const ctx = runContext(args[0]);
        return ctx ? context.with(ctx, () => original.apply(this, args)) : original.apply(this, args);
      },
    patches);
    for (const proto of [BaseChatModel.prototype, BaseLLM.prototype]) {
      patch(proto, "generate", (original) =>
        function (this: unknown, ...args: unknown[]) {
          return context.with(withSlot(), () => original.apply(this, args));
        },
      patches);
      patch(proto, "_streamIterator", (original) =>
        function (this: unknown, ...args: unknown[]) {
          const ctx = withSlot();
          return bindIterator(context.with(ctx, () => original.apply(this, args)) as AsyncIterator<unknown>, ctx);
        },
      patches);
    }
    active = { count: 0, patches };
  }
  active.count++;
  let undone = false;
  return () => {
    if (undone || !active) return;
    undone = true;
    if (--active.count > 0) return;
    for (const p of active.patches.reverse()) p.target[p.key] = p.original;
    active = undefined;
  };
}

/** The context of the run a child config belongs to, when one of our handlers tracks that run. */
function runContext(config: unknown): Context | undefined {
  try {
    const callbacks = (config as { callbacks?: unknown } | undefined)?.callbacks as
      | { getParentRunId?: () => string | undefined; handlers?: unknown[] }
      | undefined;
    const parentRunId = callbacks?.getParentRunId?.();
    if (!parentRunId || !Array.isArray(callbacks?.handlers)) return undefined;
    for (const handler of callbacks.handlers) {
      const tracker = trackerOf(handler);
      if (!tracker?.propagate) continue; // a handler with propagateContext off stays off while another has it on
      const entry = tracker.registry.get(parentRunId);
      if (entry) return contextOf(entry);
    }
  } catch (err) {
    diag.warn("genai-otel: LangChain context lookup failed", err);
  }
  return undefined;
}
