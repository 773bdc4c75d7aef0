import { ATTR_GEN_AI_REQUEST_STREAM } from "@genai-otel/core-semconv";
import { type Context, type Span, diag, trace } from "@opentelemetry/api";
import type { ResultHooks } from "@genai-otel/core-semconv/internal";
import { describeModelCall } from "../llm/describe";
import { instrumentLLM, isLLM } from "../llm/instrument-llm";
import { type Dependent, type Outcome, endWithParent, finishSpan, guard, releaseFromParent } from "@genai-otel/core-semconv/internal";
import type { OperationTracer } from "../operation-tracer";
import { type FailureSink, watchChatFailures } from "../providers/chat-failures";

/** A chat span made from LLM events, waiting for its `llm-end`. */
interface OpenEventSpan extends Dependent {
  span: Span;
  hooks: ResultHooks;
  parent?: Span;
  chunks: number;
}

/**
 * Most event spans open at once; past it the oldest is ended, marked `genai_otel.incomplete`.
 * LlamaIndex sends no `llm-end` when a call fails, so a failed call whose parent is not one of
 * ours would otherwise stay open.
 */
const MAX_OPEN = 1000;

/** How far up LlamaIndex's event-caller chain a failed request is matched to its call (a guard against cycles). */
const MAX_CALLER_DEPTH = 16;

/**
 * `chat {model}` spans made from the `llm-start` / `llm-stream` / `llm-end` events LlamaIndex's
 * `@wrapLLMEvent` dispatches, for LLM calls no wrapper traced (an LLM class or instance this
 * package never met). The span starts as a child of the context active where the call was made,
 * and ends on `llm-end`. There is no end event on errors: a failed request of an OpenAI-style
 * client ends it with the error ({@link watchChatFailures}); otherwise it ends when its parent (one
 * of our spans) ends — then marked with the parent's error, or incomplete — or when swept.
 */
export class EventSpans {
  private readonly open = new Map<string, OpenEventSpan>();
  /** The `llm-start` id of each call, by LlamaIndex's event caller of that call (one object per call). */
  private readonly byCall = new WeakMap<object, string>();
  private readonly sink: FailureSink;

  /**
   * @param currentCall - LlamaIndex's `getEventCaller` (of the copy dispatching the events)
   * @param tracing - starts the spans (the installation's)
   */
  constructor(
    currentCall: () => object | null,
    private readonly tracing: OperationTracer,
  ) {
    this.sink = {
      currentCall,
      isWaiting: (call) => {
        const id = this.idOf(call);
        return id !== undefined && this.open.has(id);
      },
      failed: (call, error) => this.fail(call, error),
    };
  }

  /** How many spans wait for their `llm-end` event. */
  get openCount(): number {
    return this.open.size;
  }

  /**
   * `llm-start`: a span for call `id` made by `call` (LlamaIndex's event caller, whose `caller` is
   * the LLM when it is one).
   */
  start(id: string, messages: unknown, call: { caller?: unknown } | null, ctx: Context): void {
    if (this.open.has(id)) return;
    const tracing = this.tracing;
    const caller = call?.caller;
    const llm = isLLM(caller) ? caller : undefined;
    const start = describeModelCall("chat", llm, { messages }, tracing, false);
    const { span } = tracing.startSpan(start, ctx);
    const parent = trace.getSpan(ctx);
    const entry: OpenEventSpan = { span, hooks: start.hooks ?? {}, parent, chunks: 0, close: (outcome) => this.finish(id, outcome) };
    this.open.set(id, entry);
    if (parent) endWithParent(parent, entry);
    if (this.open.size > MAX_OPEN) this.sweepOldest();
    if (call) {
      this.byCall.set(call, id);
      watchChatFailures(llm, this.sink);
    }
    // Later calls of this LLM go through a wrapper (exact timing, errors, streams) instead.
    instrumentLLM(llm);
  }

  /** `llm-stream`: one chunk of call `id`. */
  chunk(id: string, chunk: unknown): void {
    const entry = this.open.get(id);
    if (!entry) return;
    if (entry.chunks++ === 0) guard("marking a stream", () => entry.span.setAttribute(ATTR_GEN_AI_REQUEST_STREAM, true));
    guard("reading a chunk", () => entry.hooks.chunk?.(entry.span, chunk));
  }

  /** `llm-end`: call `id` finished with `response` (for a stream, after its last chunk). */
  end(id: string, response: unknown): void {
    const entry = this.open.get(id);
    if (!entry) return;
    if (entry.chunks > 0) guard("reading a stream's end", () => entry.hooks.streamEnd?.(entry.span));
    else guard("reading a result", () => entry.hooks.result?.(entry.span, response));
    this.finish(id, "done");
  }

  /**
   * The request of `call` failed with `error`: its span (if still open) ends with the error. A
   * streaming `chat` sends its request from `streamChat`, which runs under an event caller of its
   * own whose `parent` is the `chat` call's: the nearest call up that chain with a span is the one.
   */
  fail(call: object, error: unknown): void {
    const id = this.idOf(call);
    const entry = id === undefined ? undefined : this.open.get(id);
    if (!entry || id === undefined) return;
    this.finish(id, { error });
    guard("reading an error", () => entry.hooks.failed?.(entry.span, error));
  }

  /** The `llm-start` id of `call` or of the nearest call up its `parent` chain (LlamaIndex's `EventCaller`). */
  private idOf(call: object): string | undefined {
    let current: unknown = call;
    for (let depth = 0; depth < MAX_CALLER_DEPTH && current != null && typeof current === "object"; depth++) {
      const id = this.byCall.get(current);
      if (id !== undefined) return id;
      current = (current as { parent?: unknown }).parent;
    }
    return undefined;
  }

  /** Ends every open event span, marked incomplete (on uninstrument). */
  closeAll(): void {
    for (const id of [...this.open.keys()]) this.finish(id, "incomplete");
  }

  private finish(id: string, outcome: Outcome): void {
    const entry = this.open.get(id);
    if (!entry) return;
    this.open.delete(id);
    releaseFromParent(entry.parent, entry);
    finishSpan(entry.span, outcome);
  }

  private sweepOldest(): void {
    const oldest = this.open.keys().next().value;
    if (oldest === undefined) return;
    diag.warn(`genai-otel: more than ${MAX_OPEN} LLM calls without an end event; ending the oldest as incomplete`);
    this.finish(oldest, "incomplete");
  }
}
