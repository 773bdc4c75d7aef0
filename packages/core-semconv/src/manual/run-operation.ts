import { type Attributes, type Span, type SpanKind, context, trace } from "@opentelemetry/api";
import { endWhenDone, type ResultHooks } from "../lifecycle/end-when-done";
import { finishSpan, guard } from "../lifecycle/span-end";
import { ATTR_GEN_AI_OPERATION_NAME } from "../attributes";
import { activeTraceContext } from "../trace-context/scope";
import { addTraceAttributes } from "../trace-context/stamp";

const SCOPE = "@genai-otel/core-semconv";

/** What a manual operation's span looks like. */
export interface OperationSpan {
  name: string;
  kind: SpanKind;
  attributes: Attributes;
  hooks?: ResultHooks;
  /** Called once the span exists, before `fn` runs (e.g. to record input content). Guarded. */
  onStart?: (span: Span) => void;
}

/**
 * Runs `fn` inside a new span made active for it, and ends the span when the work is really over:
 * when `fn` returns (sync), when its promise settles, or when its async iterator is consumed or
 * broken off (see `endWhenDone`). Errors are recorded and rethrown unchanged. If the span cannot
 * be started, `fn` still runs. The trace context of an enclosing `withTraceAttributes` scope is
 * added to the start attributes (`op.attributes` is extended in place: pass a fresh object).
 */
export function runOperation<R>(op: OperationSpan, fn: () => R): R {
  let span: Span;
  const active = context.active();
  try {
    const traceContext = activeTraceContext(active);
    if (traceContext) addTraceAttributes(op.attributes, traceContext, op.attributes[ATTR_GEN_AI_OPERATION_NAME] as string | undefined);
    span = trace.getTracer(SCOPE).startSpan(op.name, { kind: op.kind, attributes: op.attributes }, active);
  } catch {
    return fn();
  }
  if (op.onStart) guard("recording an operation's start", () => op.onStart?.(span));
  const ctx = trace.setSpan(active, span);
  let result: R;
  try {
    result = context.with(ctx, fn);
  } catch (err) {
    finishSpan(span, { error: err });
    throw err;
  }
  return endWhenDone(span, result, op.hooks, ctx);
}
