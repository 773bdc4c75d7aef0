import { type Context, context, createContextKey, diag, propagation } from "@opentelemetry/api";
import { ATTR_GEN_AI_CONVERSATION_ID, ATTR_USER_ID } from "../attributes";
import { mergeTraceContext } from "./resolve";
import type { TraceAttributes, TraceContext } from "./types";

/**
 * The context key under which {@link withTraceAttributes} keeps the {@link TraceContext} of a scope.
 * One key for every copy of this package in the process (a registered symbol), so an adapter and
 * the app may load different copies.
 */
export const TRACE_CONTEXT_KEY: symbol = createContextKey("@genai-otel/core-semconv trace context");

/**
 * The trace context in effect in `ctx` (default: the active context), or `undefined` when no
 * {@link withTraceAttributes} scope is open. One context read; this is what adapters call at each
 * span start, so code that sets nothing pays only that read.
 */
export function activeTraceContext(ctx: Context = context.active()): TraceContext | undefined {
  return ctx.getValue(TRACE_CONTEXT_KEY) as TraceContext | undefined;
}

/**
 * `ctx` with `attributes` merged into the trace context it carries (as {@link withTraceAttributes}
 * does, for code that manages contexts itself). With `asBaggage: true`, the conversation and user
 * ids are also set as W3C baggage entries `gen_ai.conversation.id` / `user.id`.
 */
export function contextWithTraceAttributes(ctx: Context, attributes: TraceAttributes): Context {
  const merged = mergeTraceContext(activeTraceContext(ctx), attributes);
  let next = merged === undefined ? ctx : ctx.setValue(TRACE_CONTEXT_KEY, merged);
  if (attributes.asBaggage === true && merged) {
    let baggage = propagation.getBaggage(next) ?? propagation.createBaggage();
    if (merged.conversationId !== undefined) baggage = baggage.setEntry(ATTR_GEN_AI_CONVERSATION_ID, { value: merged.conversationId });
    if (merged.userId !== undefined) baggage = baggage.setEntry(ATTR_USER_ID, { value: merged.userId });
    next = propagation.setBaggage(next, baggage);
  }
  return next;
}

function isGenerator(value: unknown): value is Generator {
  return Object.prototype.toString.call(value) === "[object Generator]";
}

function isAsyncGenerator(value: unknown): value is AsyncGenerator {
  return Object.prototype.toString.call(value) === "[object AsyncGenerator]";
}

/**
 * `source` with every step run in `ctx` (a generator's body runs at each `next`, not when it is
 * created). `return()` and `throw()` from the consumer reach the source, also in `ctx`.
 */
function inContext<G extends Generator | AsyncGenerator>(ctx: Context, source: G): G {
  const s = source as Generator & AsyncGenerator;
  const wrapped = {
    next: (...args: [] | [unknown]) => context.with(ctx, () => s.next(...args)),
    return: (value: unknown) => context.with(ctx, () => s.return(value)),
    throw: (error: unknown) => context.with(ctx, () => s.throw(error)),
  };
  const self = () => wrapped;
  Object.defineProperty(wrapped, isGenerator(source) ? Symbol.iterator : Symbol.asyncIterator, { value: self });
  Object.defineProperty(wrapped, Symbol.toStringTag, { value: isGenerator(source) ? "Generator" : "AsyncGenerator" });
  return wrapped as unknown as G;
}

/**
 * Runs `fn` in a scope that carries trace context: every span genai-otel starts inside it (the
 * LangChain and LlamaIndex adapters, and the manual API: `withWorkflow`, `withTool`, the
 * decorators, ...) gets `gen_ai.conversation.id`, `user.id`, `genai_otel.tags` and
 * `genai_otel.metadata.<key>` at start, whatever tracer provider is in use; chat and
 * text_completion spans also get `genai_otel.prompt.name` / `.version`, and, only when content
 * capture is on, `genai_otel.prompt.template` / `.variables`. Spans of other instrumentations
 * (HTTP, databases) get the same attributes through {@link TraceAttributesSpanProcessor}
 * (`setupTracing` adds it).
 *
 * Nested scopes merge: inner ids and prompt fields win, tags are a union, metadata keys merge
 * (inner wins). Values are bounded and secret-looking metadata keys dropped (see
 * {@link TraceAttributes}). With `asBaggage: true` the conversation and user ids also go into W3C
 * baggage, which leaves the process with every outgoing request.
 *
 * Works with sync and async functions (the scope follows `await` through the context manager, e.g.
 * AsyncLocalStorage on Node) and with generator and async generator functions (each step of the
 * returned generator runs in the scope). A stream returned inside a promise (LangChain's
 * `await chain.stream()`) is read outside the scope: read it inside `fn`.
 *
 * @param attributes - the trace context to add, see {@link TraceAttributes}; `{}` adds nothing
 * @param fn - the work; called once, with no arguments
 * @returns what `fn` returns (the same promise; a generator is returned as a generator that runs in the scope)
 * @throws whatever `fn` throws, unchanged; never throws itself (bad attributes are dropped and reported through `diag`)
 * @example
 * ```ts
 * const answer = await withTraceAttributes(
 *   { conversationId: "c-42", userId: "u-7", tags: ["beta"], metadata: { plan: "pro" } },
 *   () => chain.invoke({ question }, { callbacks: [handler] }),
 * );
 * ```
 */
export function withTraceAttributes<R>(attributes: TraceAttributes, fn: () => R): R {
  let ctx: Context;
  try {
    ctx = contextWithTraceAttributes(context.active(), attributes ?? {});
  } catch (err) {
    diag.warn("genai-otel: withTraceAttributes could not read its attributes; running fn without them", err);
    return fn();
  }
  const result = context.with(ctx, fn);
  if (isGenerator(result) || isAsyncGenerator(result)) return inContext(ctx, result) as R;
  return result;
}
