import { type Context, type Span, context } from "@opentelemetry/api";
import { isReadableStream, traceReadableStream } from "./readable-stream";
import { type Outcome, finishSpan, guard } from "./span-end";

/**
 * What a traced operation reads from its result. Every hook is guarded: a throw is reported
 * through `diag` and ignored, so a telemetry bug never reaches the host.
 *
 * @internal
 */
export interface ResultHooks {
  /** A plain (not streamed) result, just before the span ends. */
  result?(span: Span, value: unknown): void;
  /** Each chunk of a streamed result, as the consumer pulls it. */
  chunk?(span: Span, chunk: unknown): void;
  /** The stream is over (consumed, broken off or failed), just before the span ends. */
  streamEnd?(span: Span): void;
  /** The span was just started (before the operation runs). */
  started?(span: Span): void;
  /** The operation failed with `error` (thrown, rejected, or from its stream); called once its span ended. */
  failed?(span: Span, error: unknown): void;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value != null && (typeof value === "object" || typeof value === "function") && typeof (value as PromiseLike<unknown>).then === "function";
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value != null && (typeof value === "object" || typeof value === "function") && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";
}

/**
 * Ends `span` when the operation that returned `result` is really over, and returns what the caller
 * should get instead of `result`:
 * - a Promise: the span ends when it settles (a rejection is recorded and passed on unchanged);
 *   what it resolves to is handled as below; any other thenable is returned as is and ends the
 *   span when it settles;
 * - a stream (an AsyncIterable, or a web ReadableStream such as a workflow's event stream): the
 *   span stays open until the consumer finishes reading, stops early (then marked
 *   `genai_otel.incomplete`) or the stream fails; each pull runs in `ctx`, so work done lazily
 *   while streaming nests under the span;
 * - anything else: the span ends now.
 *
 * @param ctx - the context holding `span`, restored around each pull of a stream
 * @param owner - who traced it (an instrumentation), for {@link endOpenStreams}
 *
 * @internal
 */
export function endWhenDone<T>(span: Span, result: T, hooks: ResultHooks = {}, ctx: Context = context.active(), owner?: object): T {
  if (isPromiseLike(result) && Object.getPrototypeOf(result) !== Promise.prototype) {
    // A thenable with more to it (a Promise subclass, a handler that is also iterable): the caller
    // keeps it unchanged; the span ends when it settles.
    result.then(
      (value) => settle(span, value, hooks, ctx, owner, false),
      (err: unknown) => failWith(span, hooks, err),
    );
    return result;
  }
  if (isPromiseLike(result)) {
    return result.then(
      (value) => settle(span, value, hooks, ctx, owner),
      (err: unknown) => {
        failWith(span, hooks, err);
        throw err;
      },
    ) as T;
  }
  return settle(span, result, hooks, ctx, owner);
}

/**
 * Ends `span` with `error`, then tells the `failed` hook.
 *
 * @internal
 */
export function failWith(span: Span, hooks: ResultHooks | undefined, error: unknown): void {
  finishSpan(span, { error });
  guard("reading an error", () => hooks?.failed?.(span, error));
}

function settle<T>(span: Span, value: T, hooks: ResultHooks, ctx: Context, owner: object | undefined, traceStreams = true): T {
  if (!traceStreams || (!isAsyncIterable(value) && !isReadableStream(value))) {
    guard("reading a result", () => hooks.result?.(span, value));
    finishSpan(span, "done");
    return value;
  }
  let open = true;
  const finish = (outcome: Outcome): void => {
    if (!open) return;
    open = false;
    openStreams.delete(finish);
    guard("reading a stream's end", () => hooks.streamEnd?.(span));
    if (typeof outcome === "object") failWith(span, hooks, outcome.error);
    else finishSpan(span, outcome);
  };
  const onChunk = (chunk: unknown) => guard("reading a chunk", () => hooks.chunk?.(span, chunk));
  const traced = isReadableStream(value) ? traceReadableStream(value, ctx, onChunk, finish) : traceStream(value as AsyncIterable<unknown>, ctx, onChunk, finish);
  openStreams.set(finish, owner);
  if (traced && typeof traced === "object") dropped.register(traced, finish);
  return traced as T;
}

/** How each stream still being read ends, with who traced it (see {@link endOpenStreams}). */
const openStreams = new Map<(outcome: Outcome) => void, object | undefined>();

/** A stream the app dropped unread (garbage-collected) ends its span, marked incomplete. */
const dropped = new FinalizationRegistry<(outcome: Outcome) => void>((finish) => finish("incomplete"));

/**
 * Ends the spans of the streams `owner` traced that are not read to their end yet, marked
 * incomplete (an instrumentation's uninstrument). Streams traced by others are left alone.
 *
 * @internal
 */
export function endOpenStreams(owner: object): void {
  for (const [finish, by] of [...openStreams]) if (by === owner) finish("incomplete");
}

/**
 * How many traced streams are still being read (their spans open), all of them or those `owner`
 * traced: 0 when the app is idle, unless it holds a stream it has not finished reading. For an
 * instrumentation's `stats()` and leak checks.
 *
 * @internal
 */
export function openStreamCount(owner?: object): number {
  if (owner === undefined) return openStreams.size;
  let n = 0;
  for (const by of openStreams.values()) if (by === owner) n++;
  return n;
}

/**
 * An async generator (anything with `next`) is replaced by a traced iterator, so direct `next()`
 * calls are seen too. Any other async iterable (an SDK stream object) keeps its identity and
 * members: only its `Symbol.asyncIterator` is wrapped.
 */
function traceStream(source: AsyncIterable<unknown>, ctx: Context, onChunk: (chunk: unknown) => void, finish: (outcome: Outcome) => void): AsyncIterable<unknown> {
  // The method as it is now: the one below replaces it on `source`, and must not call itself.
  const iterate = source[Symbol.asyncIterator];
  const iterateSource = (): AsyncIterator<unknown> => iterate.call(source);
  if (typeof (source as Partial<AsyncIterator<unknown>>).next === "function") {
    const traced = tracedIterator(iterateSource, ctx, onChunk, finish);
    return Object.assign(traced, { [Symbol.asyncIterator]: () => traced });
  }
  const wrapped = { [Symbol.asyncIterator]: () => tracedIterator(iterateSource, ctx, onChunk, finish) };
  try {
    Object.defineProperty(source, Symbol.asyncIterator, { value: wrapped[Symbol.asyncIterator], configurable: true, writable: true });
    return source;
  } catch {
    return wrapped; // a frozen stream object: hand back a wrapper instead
  }
}

function tracedIterator(
  iterateSource: () => AsyncIterator<unknown>,
  ctx: Context,
  onChunk: (chunk: unknown) => void,
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
      else onChunk(step.value);
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
