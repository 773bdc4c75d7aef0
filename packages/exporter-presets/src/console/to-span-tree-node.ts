import { SpanStatusCode } from "@opentelemetry/api";
import { hrTimeToMilliseconds } from "@opentelemetry/core";
import type { SpanTreeNode } from "@genai-otel/core-semconv";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";

/** The formatter's neutral view of an SDK span. */
export function toSpanTreeNode(span: ReadableSpan): SpanTreeNode {
  const context = span.spanContext();
  return {
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    traceId: context.traceId,
    name: span.name,
    durationMs: hrTimeToMilliseconds(span.duration),
    startTimeMs: hrTimeToMilliseconds(span.startTime),
    attributes: span.attributes,
    error: span.status.code === SpanStatusCode.ERROR,
  };
}

/** A local root: no parent, or a parent in another process (remote). Its end completes the local trace. */
export function isLocalRoot(span: ReadableSpan): boolean {
  return span.parentSpanContext === undefined || span.parentSpanContext.isRemote === true;
}
