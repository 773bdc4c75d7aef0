import { endWhenDone, openStreamCount } from "@genai-otel/core-semconv/internal";
import { createTestTracing } from "@genai-otel/core-semconv/testing";
import { context, trace } from "@opentelemetry/api";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

// The finalization registry of the lifecycle: a traced stream the app drops unread (so nothing will
// ever read it to its end or break it off) ends its span, marked incomplete, once it is garbage
// collected. This suite runs with --expose-gc (vitest.config.ts) so that collection can be forced.

const tracing = createTestTracing();
afterEach(() => tracing.reset());
afterAll(() => tracing.shutdown());
const tracer = trace.getTracer("lifecycle-registry");

const gc = (globalThis as { gc?: () => void }).gc;

async function* endless() {
  for (let n = 0; ; n++) yield n;
}

const letters = () =>
  new ReadableStream<string>({
    pull(controller) {
      controller.enqueue("x");
    },
  });

/** Traces `make()` under a span named `name` and keeps nothing of it: the caller cannot reach the stream. */
function traceAndDrop(name: string, make: () => unknown, owner: object): void {
  const span = tracer.startSpan(name);
  endWhenDone(span, make(), {}, context.active(), owner);
}

/** Collects garbage until `name` has ended (finalization callbacks run after a collection, on a later task). */
async function collectUntilEnded(name: string): Promise<void> {
  await vi.waitFor(
    async () => {
      gc!();
      await new Promise((resolve) => setImmediate(resolve));
      expect(tracing.spans().map((s) => s.name)).toContain(name);
    },
    { timeout: 20_000, interval: 20 },
  );
}

describe.runIf(gc)("a traced stream the app drops", () => {
  it("an async generator read part way, then dropped: its span ends incomplete once collected", async () => {
    const owner = {};
    (() => {
      const span = tracer.startSpan("dropped-generator");
      const stream = endWhenDone(span, endless(), {}, context.active(), owner);
      void stream.next();
    })();
    expect(openStreamCount(owner)).toBe(1);
    await collectUntilEnded("dropped-generator");
    const span = tracing.spans().find((s) => s.name === "dropped-generator")!;
    expect(span.attributes["genai_otel.incomplete"]).toBe(true);
    expect(openStreamCount(owner)).toBe(0);
  });

  it("a ReadableStream never read: its span ends incomplete once collected", async () => {
    const owner = {};
    traceAndDrop("dropped-readable", letters, owner);
    await collectUntilEnded("dropped-readable");
    expect(tracing.spans()[0]!.attributes["genai_otel.incomplete"]).toBe(true);
    expect(openStreamCount(owner)).toBe(0);
  });

  it("a stream still held stays open through collections; one read to its end is not ended again", async () => {
    const owner = {};
    const held = endWhenDone(tracer.startSpan("held"), endless(), {}, context.active(), owner);
    (() => {
      async function* two() {
        yield 1;
        yield 2;
      }
      const stream = endWhenDone(tracer.startSpan("read"), two(), {}, context.active(), owner);
      return (async () => {
        for await (const _ of stream);
      })();
    })();
    traceAndDrop("marker", endless, owner); // ends once collected: then the others were looked at too
    await collectUntilEnded("marker");
    expect(tracing.spans().map((s) => [s.name, s.attributes["genai_otel.incomplete"] ?? false])).toEqual([
      ["read", false],
      ["marker", true],
    ]);
    expect(openStreamCount(owner)).toBe(1);
    await held.return(undefined);
    expect(openStreamCount(owner)).toBe(0);
  });
});

it("runs with --expose-gc (else the suite above is skipped)", () => {
  expect(typeof gc).toBe("function");
});
