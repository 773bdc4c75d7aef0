import { SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import type { SpanTreeNode } from "../span-tree";

/** A span as a nested `{ name, children }` object: easy to compare with `toEqual`. */
export interface SpanShape {
  name: string;
  /** Only the attributes asked for, when asked. */
  attributes?: Record<string, unknown>;
  children: SpanShape[];
}

function hrToMs(t: readonly [number, number]): number {
  return t[0] * 1e3 + t[1] / 1e6;
}

/** Converts SDK spans to the neutral nodes `formatSpanTree` prints. */
export function toSpanTreeNodes(spans: readonly ReadableSpan[]): SpanTreeNode[] {
  return spans.map((s) => ({
    traceId: s.spanContext().traceId,
    spanId: s.spanContext().spanId,
    parentSpanId: s.parentSpanContext?.spanId,
    name: s.name,
    startTimeMs: hrToMs(s.startTime),
    durationMs: hrToMs(s.duration),
    attributes: { ...s.attributes },
    error: s.status.code === SpanStatusCode.ERROR,
  }));
}

/**
 * Nests finished spans by parent id. Roots are spans whose parent is not among `spans`; children
 * are ordered by start time.
 *
 * @param attributes - attribute keys to copy into each shape (absent keys are left out)
 */
export function spanShape(spans: readonly ReadableSpan[], attributes?: readonly string[]): SpanShape[] {
  const ids = new Set(spans.map((s) => s.spanContext().spanId));
  const byParent = new Map<string | undefined, ReadableSpan[]>();
  for (const s of spans) {
    const p = s.parentSpanContext?.spanId;
    const key = p && ids.has(p) ? p : undefined;
    const list = byParent.get(key) ?? [];
    list.push(s);
    byParent.set(key, list);
  }
  const build = (s: ReadableSpan): SpanShape => {
    const shape: SpanShape = { name: s.name, children: [] };
    if (attributes) {
      const picked: Record<string, unknown> = {};
      for (const k of attributes) if (k in s.attributes) picked[k] = s.attributes[k];
      shape.attributes = picked;
    }
    const kids = (byParent.get(s.spanContext().spanId) ?? []).sort((a, b) => hrToMs(a.startTime) - hrToMs(b.startTime));
    shape.children = kids.map(build);
    return shape;
  };
  return (byParent.get(undefined) ?? []).sort((a, b) => hrToMs(a.startTime) - hrToMs(b.startTime)).map(build);
}
