import { guard } from "@genai-otel/core-semconv/internal";
import { diag } from "@opentelemetry/api";
import { activeInstallation } from "../installation";
import { ownerOf } from "../traced";

/** What the event spans need to end a failed call's span: which call is running, and where to report it. */
export interface FailureSink {
  /** LlamaIndex's event caller of the running call (`getEventCaller()`: one object per call). */
  currentCall(): object | null;
  /** True when `call` (or a call it runs under) has a span waiting for its end. */
  isWaiting(call: object): boolean;
  /** The call `call` failed with `error`. */
  failed(call: object, error: unknown): void;
}

/**
 * Reports the failure of a chat call that started as an `llm-start` event: LlamaIndex sends no end
 * event when a call fails, so a chat span made from events would stay open. `OpenAI` (and the LLM
 * classes built on it) keeps its SDK client as a promise in `session`; once that client is known,
 * its `chat.completions.create` is wrapped (on its prototype, restored on uninstrument) and, for a
 * LlamaIndex call with a span waiting, a rejected request is reported, and so is a stream that
 * fails while it is read (the connection breaks after the response started). Called from the `llm-start` of the
 * call itself, whose request resolves the same `session` promise after this does. LLM classes
 * without such a client keep their span open until its parent ends or it is swept. Never throws.
 */
export function watchChatFailures(llm: unknown, sink: FailureSink): void {
  try {
    const installation = activeInstallation();
    if (!installation || llm == null || typeof llm !== "object") return;
    const session = (llm as { session?: unknown }).session;
    if (!session || typeof (session as PromiseLike<unknown>).then !== "function") return;
    (session as PromiseLike<unknown>).then(
      (client) => wrapCreate(client, sink),
      () => {},
    );
  } catch (err) {
    diag.debug("genai-otel: could not watch chat failures", err);
  }
}

function wrapCreate(client: unknown, sink: FailureSink): void {
  const installation = activeInstallation();
  const completions = (client as { chat?: { completions?: object } } | null)?.chat?.completions;
  if (!installation || !completions || typeof completions !== "object") return;
  const owner = ownerOf(completions, "create");
  if (!owner) return;
  // Once per class and installation (a new instrumentation watches them again).
  if (installation.watchedChatClients.has(owner)) return;
  installation.watchedChatClients.add(owner);
  installation.patcher.wrapMethod(
    owner,
    "create",
    (original) =>
      function create(this: unknown, ...args: unknown[]) {
        const result = original.apply(this, args);
        try {
          const call = sink.currentCall();
          if (call && result && typeof (result as PromiseLike<unknown>).then === "function" && sink.isWaiting(call)) {
            (result as PromiseLike<unknown>).then(
              (value) => guard("watching a stream", () => watchStream(value, call, sink)),
              (error: unknown) => guard("reporting a failed call", () => sink.failed(call, error)),
            );
          }
        } catch (err) {
          diag.debug("genai-otel: could not watch a chat request", err);
        }
        return result;
      },
  );
}

/**
 * When `value` is a stream (the SDK's `Stream`: async iterable), reports an error thrown while it is
 * read for `call`. Only this object's iteration is wrapped (an own `Symbol.asyncIterator`); values,
 * early `return()` and `throw()` pass through unchanged.
 */
function watchStream(value: unknown, call: object, sink: FailureSink): void {
  if (value == null || typeof value !== "object") return;
  const iterate = (value as AsyncIterable<unknown>)[Symbol.asyncIterator];
  if (typeof iterate !== "function") return;
  const report = (error: unknown): never => {
    guard("reporting a failed stream", () => sink.failed(call, error));
    throw error;
  };
  Object.defineProperty(value, Symbol.asyncIterator, {
    configurable: true,
    writable: true,
    value: function watchedIterator(this: unknown): AsyncIterator<unknown> {
      const iterator = iterate.call(this);
      const watched: AsyncIterator<unknown> & AsyncIterable<unknown> = {
        next: (...args: [] | [unknown]) => iterator.next(...args).then(undefined, report),
        [Symbol.asyncIterator]: () => watched,
      };
      if (iterator.return) watched.return = (v?: unknown) => iterator.return!(v);
      if (iterator.throw) watched.throw = (e?: unknown) => iterator.throw!(e);
      return watched;
    },
  });
}
