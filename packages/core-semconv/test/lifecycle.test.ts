import { trace } from "@opentelemetry/api";
import { endOpenStreams, endWhenDone } from "@genai-otel/core-semconv/internal";
import { createTestTracing } from "@genai-otel/core-semconv/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const tracing = createTestTracing();
afterEach(() => tracing.reset());
afterAll(() => tracing.shutdown());

async function* numbers() {
  yield 1;
  yield 2;
}

describe("endWhenDone", () => {
  it("keeps a stream's span open until it is read, and endOpenStreams ends only its owner's", async () => {
    const tracer = trace.getTracer("t");
    const ownerA = {};
    const ownerB = {};
    const a = endWhenDone(tracer.startSpan("a"), numbers(), {}, undefined, ownerA);
    const b = endWhenDone(tracer.startSpan("b"), numbers(), {}, undefined, ownerB);
    expect(tracing.spans()).toHaveLength(0);
    endOpenStreams(ownerA);
    expect(tracing.spans().map((s) => [s.name, s.attributes["genai_otel.incomplete"]])).toEqual([["a", true]]);
    const read: number[] = [];
    for await (const n of b) read.push(n);
    expect(read).toEqual([1, 2]);
    expect(tracing.spans().map((s) => s.name)).toEqual(["a", "b"]);
    expect(tracing.spans()[1]!.attributes["genai_otel.incomplete"]).toBeUndefined();
    void a;
  });

  it("ends a span when a promise settles, recording a rejection", async () => {
    const tracer = trace.getTracer("t");
    await expect(endWhenDone(tracer.startSpan("ok"), Promise.resolve(7))).resolves.toBe(7);
    await expect(endWhenDone(tracer.startSpan("bad"), Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(tracing.spans().map((s) => [s.name, s.status.code])).toEqual([
      ["ok", 0],
      ["bad", 2],
    ]);
  });
});
