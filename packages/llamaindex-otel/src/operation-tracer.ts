import {
  type Attributes,
  type Context,
  type Span,
  type SpanKind,
  context,
  createContextKey,
  diag,
  trace,
} from "@opentelemetry/api";
import { activeTraceContext } from "@genai-otel/core-semconv";
import {
  AdapterTelemetry,
  type ResultHooks,
  endWhenDone,
  failWith,
  finishSpan,
  guard,
  isPromptOperation,
  promptContentAttributes,
} from "@genai-otel/core-semconv/internal";
import { name as SCOPE_NAME, version as SCOPE_VERSION } from "../package.json";
import type { LlamaIndexInstrumentationOptions } from "./types";

export { SCOPE_NAME, SCOPE_VERSION };

/** How to start the span of one operation, and what to read from its result. */
export interface SpanStart {
  name: string;
  kind: SpanKind;
  /** Attributes known at start (samplers see them). */
  attributes: Attributes;
  /** Content known at start (`ContentPolicy` attributes), recorded where the content mode says. */
  content?: Attributes;
  hooks?: ResultHooks;
  /**
   * The model operation this span traces: LLM events dispatched inside a `chat` /
   * `text_completion` call are then ignored (see `events/`), and the usage an embeddings client
   * returns inside an `embeddings` call is added to it (see `providers/embedding-usage.ts`).
   */
  modelCall?: "chat" | "text_completion" | "embeddings";
}

const OWNER = createContextKey("@genai-otel/llamaindex-otel owner");
const MODEL_CALL = createContextKey("@genai-otel/llamaindex-otel model call");

/**
 * True when the active span was started by an operation of `owner` (the object a traced call was
 * made on). The traced call checks it (`traced.ts`): while an operation's span is active, calls on
 * the same object (`getQueryEmbedding` calling `getTextEmbedding`, `complete` calling `chat`, `run`
 * calling `runStream`, a wrapped method reached through a second wrapper) add no span.
 */
export function isActiveOwner(owner: unknown): boolean {
  return owner != null && context.active().getValue(OWNER) === owner;
}

/**
 * True when no LlamaIndex operation (query, chat engine call, agent run, model call) is active:
 * the operation about to start is the root of the app's LlamaIndex work.
 */
export function isOutermostOperation(): boolean {
  return context.active().getValue(OWNER) === undefined;
}

/** True when `ctx` is inside an LLM call traced by a wrapper (so its LLM events need no span). */
export function isInModelCall(ctx: Context): boolean {
  const operation = ctx.getValue(MODEL_CALL);
  return operation === "chat" || operation === "text_completion";
}

/** The span of the embeddings call traced in the active context, if any. */
export function activeEmbeddingsSpan(): Span | undefined {
  const ctx = context.active();
  return ctx.getValue(MODEL_CALL) === "embeddings" ? trace.getSpan(ctx) : undefined;
}

/**
 * Starts and ends the spans of LlamaIndex operations for one installation, with the options it
 * resolved once (content policy, tracer, GenAI client metrics: see `AdapterTelemetry`).
 */
export class OperationTracer extends AdapterTelemetry {
  constructor(options: LlamaIndexInstrumentationOptions) {
    super({ name: SCOPE_NAME, version: SCOPE_VERSION }, options);
  }

  /**
   * Starts the span `start` describes as a child of `parent`, records its start content, and for a
   * model call the GenAI client metrics when it ends (`AdapterTelemetry.metered`). The trace context of a
   * `withTraceAttributes` scope in `parent` goes on the span (prompt name/version on model calls,
   * and the prompt template/variables there when content is captured).
   * @param owner - the object doing the operation (see {@link isActiveOwner}), marked in the context
   * @returns the span and the context holding it (with the owner / model-call marks)
   */
  startSpan(start: SpanStart, parent: Context, owner?: unknown): { span: Span; ctx: Context } {
    const traceContext = activeTraceContext(parent);
    let attributes = start.attributes;
    let content = start.content;
    if (traceContext) {
      const prompt = isPromptOperation(start.modelCall);
      attributes = prompt ? { ...attributes, ...traceContext.spanAttributes, ...traceContext.promptAttributes } : { ...attributes, ...traceContext.spanAttributes };
      if (prompt && this.policy.enabled && traceContext.prompt) content = { ...content, ...promptContentAttributes(this.policy, traceContext.prompt) };
    }
    let span = this.tracer().startSpan(start.name, { kind: start.kind, attributes }, parent);
    if (start.modelCall) span = this.metered(span, start.attributes);
    if (content) this.policy.emit(span, content);
    let ctx = trace.setSpan(parent, span);
    if (owner != null) ctx = ctx.setValue(OWNER, owner);
    if (start.modelCall) ctx = ctx.setValue(MODEL_CALL, start.modelCall);
    return { span, ctx };
  }

  /**
   * Runs `fn` (the original operation) inside a new span made active, and ends the span when the
   * operation is over (see {@link endWhenDone}). Errors are recorded on the span and rethrown
   * unchanged; if the span cannot be started, `fn` simply runs.
   * @param owner - the object doing the operation (see {@link isActiveOwner})
   */
  run<T>(start: SpanStart, fn: () => T, owner?: unknown): T {
    let span: Span;
    let ctx: Context;
    try {
      ({ span, ctx } = this.startSpan(start, context.active(), owner));
    } catch (err) {
      diag.warn("genai-otel: could not start a span", err);
      return fn();
    }
    guard("reading a span start", () => start.hooks?.started?.(span));
    let called = false;
    let result: T;
    try {
      result = context.with(ctx, () => {
        called = true;
        return fn();
      });
    } catch (err) {
      if (called) {
        failWith(span, start.hooks, err);
        throw err;
      }
      diag.warn("genai-otel: could not activate a span", err);
      finishSpan(span, "done");
      return fn();
    }
    return endWhenDone(span, result, start.hooks, ctx, this);
  }
}
