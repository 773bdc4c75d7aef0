import { type Attributes, type SpanKind, context, trace } from "@opentelemetry/api";
import type { BenchConfig, SpanShape } from "../runner";
import { tracerProvider } from "../otel";

/**
 * The floor: `count` bare spans (no attributes) through the same provider and batch processor, as
 * one root with `count - 1` children started and ended inside it (the shape of a chain run: root,
 * then its steps one after another), each child started under the root's context.
 */
export function spanFloorConfig(count: number, key = `floor-${count}`): BenchConfig {
  const tracer = tracerProvider().getTracer("bench-floor");
  return {
    name: `floor: ${count} bare spans`,
    key,
    invoke() {
      const root = tracer.startSpan("root", undefined, context.active());
      const ctx = trace.setSpan(context.active(), root);
      for (let i = 1; i < count; i++) tracer.startSpan("child", undefined, ctx).end();
      root.end();
      return Promise.resolve();
    },
    expectedSpans: count,
  };
}

/**
 * Diagnostic: the spans ours produced for one invocation (same names, kinds and final attribute
 * sets), replayed with bare API calls: a root, the others as its children, every attribute given at
 * start. What the OTel SDK charges for the attributes the conventions ask for, with none of our logic.
 */
export function spanReplayConfig(shapes: readonly SpanShape[], key = "floor-attrs"): BenchConfig {
  const tracer = tracerProvider().getTracer("bench-floor");
  const spans = shapes.map((s) => ({ name: s.name, options: { kind: s.kind as SpanKind, attributes: s.attributes as Attributes } }));
  return {
    name: `${shapes.length} spans with ours' attributes (diagnostic)`,
    key,
    invoke() {
      if (spans.length === 0) return Promise.resolve();
      const [first, ...rest] = spans;
      const root = tracer.startSpan(first!.name, first!.options, context.active());
      const ctx = trace.setSpan(context.active(), root);
      for (const s of rest) tracer.startSpan(s.name, s.options, ctx).end();
      root.end();
      return Promise.resolve();
    },
    note: "ours' spans of one invocation (names, kinds, final attributes) replayed with bare API calls: the SDK's price for the attributes, none of our logic",
    diagnostic: true,
  };
}
