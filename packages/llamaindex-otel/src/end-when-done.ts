import { type Context, type Span, context, diag } from "@opentelemetry/api";
import { ATTR_GENAI_OTEL_INCOMPLETE, recordSpanError } from "@genai-otel/core-semconv";

/**
 * What a traced operation reads from its result. Every hook is guarded: a throw is reported
 * through `diag` and ignored, so a telemetry bug never reaches the host.
 */
export interface ResultHooks {
  /** A plain (not streamed) result, just before the span ends. */
  result?(span: Span, value: unknown): void;
  /** Each chunk of a streamed result, as the consumer pulls it. */
  chunk?(span: Span, chunk: unknown): void;
  /** The stream is over (consumed, broken off or failed), just before the span ends. */
  streamEnd?(span: Span): void;
}

type Outcome = "done" | "incomplete" | { error: unknown };

function guard(what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    diag.warn(`genai-otel llamaindex: ${what} failed`, err);
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value != null && (typeof value === "object" || typeof value === "function") && typeof (value as PromiseLike<unknown>).then === "function";
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value != null && (typeof value === "object" || typeof value === "function") && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";
}

/** Records `error` on `span` and ends it. */
export function failSpan(span: Span, error: unknown): void {
  recordSpanError(span, error);
  guard("ending a span", () => span.end());
}

/**
 * Ends `span` when the operation that returned `result` is really over, and returns what the caller
 * should get instead of `result`:
 * - a Promise: the span ends when it settles (a rejection is recorded and passed on unchanged);
 *   what it resolves to is handled as below;
 * - an AsyncIterable (a stream): the span stays open until the consumer finishes iterating, stops
 *   early (then marked `genai_otel.incomplete`) or the stream throws; each pull runs in `ctx`, so
 *   work done lazily while streaming nests under the span;
 * - anything else: the span ends now.
 *
 * @param ctx - the context holding `span`, restored around each pull of a stream
 */
export function endWhenDone<T>(span: Span, result: T, hooks: ResultHooks = {}, ctx: Context = context.active()): T {
  if (isPromiseLike(result)) {
    return result.then(
      (value) => settle(span, value, hooks, ctx),
      (err: unknown) => {
        failSpan(span, err);
        throw err;
      },
    ) as T;
  }
  return settle(span, result, hooks, ctx);
}

function settle<T>(span: Span, value: T, hooks: ResultHooks, ctx: Context): T {
  if (isAsyncIterable(value)) return traceStream(span, value, hooks, ctx) as T;
  guard("reading a result", () => hooks.result?.(span, value));
  guard("ending a span", () => span.end());
  return value;
}

/**
 * An async generator (anything with `next`) is replaced by a traced iterator, so direct `next()`
 * calls are seen too. Any other async iterable (a ReadableStream, an SDK stream object) keeps its
 * identity and members: only its `Symbol.asyncIterator` is wrapped, as LlamaIndex's own
 * `wrapLLMEvent` does.
 */
function traceStream(span: Span, source: AsyncIterable<unknown>, hooks: ResultHooks, ctx: Context): AsyncIterable<unknown> {
  let open = true;
  const finish = (outcome: Outcome): void => {
    if (!open) return;
    open = false;
    guard("reading a stream's end", () => hooks.streamEnd?.(span));
    if (outcome === "incomplete") guard("marking a span incomplete", () => span.setAttribute(ATTR_GENAI_OTEL_INCOMPLETE, true));
    if (typeof outcome === "object") failSpan(span, outcome.error);
    else guard("ending a span", () => span.end());
  };
  const iterateSource = (): AsyncIterator<unknown> => source[Symbol.asyncIterator]();
  if (typeof (source as Partial<AsyncIterator<unknown>>).next === "function") {
    const traced = tracedIterator(iterateSource, span, hooks, ctx, finish);
    return Object.assign(traced, { [Symbol.asyncIterator]: () => traced });
  }
  const wrapped = { [Symbol.asyncIterator]: () => tracedIterator(iterateSource, span, hooks, ctx, finish) };
  try {
    Object.defineProperty(source, Symbol.asyncIterator, { value: wrapped[Symbol.asyncIterator], configurable: true, writable: true });
    return source;
  } catch {
    return wrapped; // a frozen stream object: hand back a wrapper instead
  }
}

function tracedIterator(
  iterateSource: () => AsyncIterator<unknown>,
  span: Span,
  hooks: ResultHooks,
  ctx: Context,
  finish: (outcome: Outcome) => void,
): AsyncIterator<unknown> {
  let inner: AsyncIterator<unknown> | undefined;
  const source = (): AsyncIterator<unknown> => {
    inner ??= context.with(ctx, iterateSource);
    return inner;
  };
  return {
    async next(...args: [] | [unknown]) {
      let step: IteratorResult<unknown>;
      try {
        step = await context.with(ctx, () => source().next(...args));
      } catch (err) {
        finish({ error: err });
        throw err;
      }
      if (step.done) finish("done");
      else guard("reading a chunk", () => hooks.chunk?.(span, step.value));
      return step;
    },
    async return(value?: unknown) {
      try {
        const it = inner; // never pulled: nothing to stop below us
        if (it?.return) return await context.with(ctx, () => it.return!(value));
        return { done: true, value } as IteratorResult<unknown>;
      } catch (err) {
        finish({ error: err });
        throw err;
      } finally {
        finish("incomplete");
      }
    },
    async throw(error?: unknown) {
      try {
        const it = source();
        if (!it.throw) throw error;
        const step = await context.with(ctx, () => it.throw!(error));
        if (step.done) finish("incomplete");
        return step;
      } catch (err) {
        finish({ error: err });
        throw err;
      }
    },
  };
}
