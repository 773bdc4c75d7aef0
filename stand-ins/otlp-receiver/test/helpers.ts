import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { expect } from "vitest";
import { formatSpanTree, type ReceivedSpan } from "../src/index";

/** The custom header every exporter in the tests sends. */
export const API_KEY = { "api-key": "test-fake-key" };

/** Child-span attributes, one of each OTLP value type. */
export const CHILD_ATTRIBUTES = {
  "test.string": "hello",
  "test.int": 42,
  "test.large_int": 2 ** 40,
  "test.double": 1.5,
  "test.bool": false,
  "test.string_array": ["a", "b"],
  "test.int_array": [1, 2, 3],
};

/**
 * Exports a `parent` (server) span with a `child` (client) span through `exporter`: child attributes of
 * every type, an event and an error status. Resolves with the ids the SDK gave them.
 */
export async function exportParentAndChild(exporter: SpanExporter) {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "receiver-test", "deployment.environment": "test" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("receiver-test-scope", "1.2.3");
  const parent = tracer.startSpan("parent", { kind: SpanKind.SERVER, attributes: { "test.role": "parent" } });
  const child = tracer.startSpan(
    "child",
    { kind: SpanKind.CLIENT, attributes: CHILD_ATTRIBUTES },
    trace.setSpan(context.active(), parent),
  );
  child.addEvent("something happened", { "event.count": 7, "event.ok": true });
  child.setStatus({ code: SpanStatusCode.ERROR, message: "boom" });
  child.end();
  parent.end();
  await provider.forceFlush();
  await provider.shutdown();
  return { parent: parent.spanContext(), child: child.spanContext() };
}

/** Asserts the decoded spans are exactly the tree {@link exportParentAndChild} produced. */
export function expectParentAndChild(spans: ReceivedSpan[], ids: Awaited<ReturnType<typeof exportParentAndChild>>) {
  expect(formatSpanTree(spans)).toBe("parent [server]\n  child [client] ERROR: boom");
  const parent = spans.find((span) => span.name === "parent")!;
  const child = spans.find((span) => span.name === "child")!;
  expect(parent.traceId).toBe(ids.parent.traceId);
  expect(parent.spanId).toBe(ids.parent.spanId);
  expect(parent.parentSpanId).toBeUndefined();
  expect(parent.kind).toBe(2);
  expect(parent.status).toEqual({ code: 0 });
  expect(parent.attributes).toEqual({ "test.role": "parent" });
  expect(child.traceId).toBe(ids.parent.traceId);
  expect(child.spanId).toBe(ids.child.spanId);
  expect(child.parentSpanId).toBe(ids.parent.spanId);
  expect(child.kind).toBe(3);
  expect(child.attributes).toEqual(CHILD_ATTRIBUTES);
  expect(child.status).toEqual({ code: 2, message: "boom" });
  expect(child.events).toHaveLength(1);
  expect(child.events[0]).toMatchObject({ name: "something happened", attributes: { "event.count": 7, "event.ok": true } });
  expect(typeof child.events[0]!.timeUnixNano).toBe("bigint");
  expect(child.events[0]!.timeUnixNano).toBeGreaterThanOrEqual(child.startTimeUnixNano);
  expect(child.startTimeUnixNano).toBeGreaterThan(1_600_000_000_000_000_000n);
  expect(child.endTimeUnixNano).toBeGreaterThanOrEqual(child.startTimeUnixNano);
  expect(child.durationMs).toBe(Number(child.endTimeUnixNano - child.startTimeUnixNano) / 1e6);
  for (const span of [parent, child]) {
    expect(span.resource).toEqual({ "service.name": "receiver-test", "deployment.environment": "test" });
    expect(span.scope).toEqual({ name: "receiver-test-scope", version: "1.2.3" });
  }
}
