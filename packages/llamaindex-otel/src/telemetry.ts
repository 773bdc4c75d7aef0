import {
  type Attributes,
  type Context,
  type SpanKind,
  type Tracer,
  type TracerProvider,
  context,
  createContextKey,
  diag,
  trace,
} from "@opentelemetry/api";
import { ContentPolicy, getGenAITracer } from "@genai-otel/core-semconv";
import { name as SCOPE_NAME, version as SCOPE_VERSION } from "../package.json";
import { type ResultHooks, endWhenDone, failSpan } from "./end-when-done";
import type { LlamaIndexInstrumentationOptions } from "./types";

/** How to start the span of one operation, and what to read from its result. */
export interface SpanStart {
  name: string;
  kind: SpanKind;
  /** Attributes known at start (samplers see them). */
  attributes: Attributes;
  hooks?: ResultHooks;
  /**
   * The object doing the operation. While its span is active, calls on the same owner that would
   * describe the same operation again (`getQueryEmbedding` calling `getTextEmbedding`) check
   * {@link isActiveOwner} and add no span.
   */
  owner?: object;
}

const OWNER = createContextKey("@genai-otel/llamaindex-otel owner");

/** True when the active span was started by an operation of `owner`. */
export function isActiveOwner(owner: unknown): boolean {
  return owner != null && context.active().getValue(OWNER) === owner;
}

/** The resolved options of one {@link instrumentLlamaIndex} call: content policy and tracer. */
export class Telemetry {
  readonly policy: ContentPolicy;
  private readonly tracerProvider?: TracerProvider;
  private cached?: { provider: TracerProvider; tracer: Tracer };

  constructor(options: LlamaIndexInstrumentationOptions) {
    this.policy = new ContentPolicy(options);
    this.tracerProvider = options.tracerProvider;
  }

  private tracer(): Tracer {
    const provider = this.tracerProvider ?? trace.getTracerProvider();
    if (this.cached?.provider !== provider) this.cached = { provider, tracer: getGenAITracer(SCOPE_NAME, SCOPE_VERSION, provider) };
    return this.cached.tracer;
  }

  /**
   * Runs `fn` (the original operation) inside a new span made active, and ends the span when the
   * operation is over (see {@link endWhenDone}). Errors are recorded on the span and rethrown
   * unchanged; if the span cannot be started, `fn` simply runs.
   */
  run<T>(start: SpanStart, fn: () => T): T {
    let span: ReturnType<Tracer["startSpan"]>;
    let ctx: Context;
    try {
      const parent = context.active();
      span = this.tracer().startSpan(start.name, { kind: start.kind, attributes: start.attributes }, parent);
      ctx = trace.setSpan(parent, span);
      if (start.owner) ctx = ctx.setValue(OWNER, start.owner);
    } catch (err) {
      diag.warn("genai-otel llamaindex: could not start a span", err);
      return fn();
    }
    let called = false;
    let result: T;
    try {
      result = context.with(ctx, () => {
        called = true;
        return fn();
      });
    } catch (err) {
      if (called) {
        failSpan(span, err);
        throw err;
      }
      diag.warn("genai-otel llamaindex: could not activate a span", err);
      span.end();
      return fn();
    }
    return endWhenDone(span, result, start.hooks, ctx);
  }
}

let active: Telemetry | undefined;

/** The telemetry of the current instrumentation, or `undefined` when not instrumented. */
export function activeTelemetry(): Telemetry | undefined {
  return active;
}

/** Sets (or clears) the telemetry every installed wrapper reads on each call. */
export function setActiveTelemetry(telemetry: Telemetry | undefined): void {
  active = telemetry;
}
