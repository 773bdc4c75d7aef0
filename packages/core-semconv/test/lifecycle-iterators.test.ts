import { type ResultHooks, endWhenDone, openStreamCount } from "@genai-otel/core-semconv/internal";
import { createTestTracing } from "@genai-otel/core-semconv/testing";
import { SpanStatusCode, context, trace } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, describe, expect, it } from "vitest";

// The return and throw paths of streams traced by endWhenDone: how each way of consuming or
// abandoning a stream ends its span (done, incomplete, or with the error), what the hooks see,
// and that each pull runs inside the span.

const tracing = createTestTracing();
afterEach(() => tracing.reset());
afterAll(() => tracing.shutdown());
const tracer = trace.getTracer("lifecycle-iterators");

/** Hooks that log what they are told, in order. */
function recordingHooks(log: string[]): ResultHooks {
  return {
    result: (_span, value) => log.push(`result ${String(value)}`),
    chunk: (_span, chunk) => log.push(`chunk ${String(chunk)}`),
    streamEnd: () => log.push("streamEnd"),
    failed: (_span, error) => log.push(`failed ${(error as Error).message}`),
  };
}

/** How the one finished span ended: `open`, `done`, `incomplete` or `error <message>`. */
function outcome(name: string): string {
  const span: ReadableSpan | undefined = tracing.spans().find((s) => s.name === name);
  if (!span) return "open";
  if (span.status.code === SpanStatusCode.ERROR) return `error ${span.status.message}`;
  return span.attributes["genai_otel.incomplete"] === true ? "incomplete" : "done";
}

/** A generator of 1, 2, 3 that logs its own life: each value handed out, its `finally`, and the active span at each step. */
async function* counted(log: string[], fail?: Error) {
  try {
    for (const n of [1, 2, 3]) {
      log.push(`yield ${n} in ${(trace.getActiveSpan() as unknown as ReadableSpan | undefined)?.name ?? "none"}`);
      yield n;
      if (fail && n === 2) throw fail;
    }
  } finally {
    log.push("generator finally");
  }
}

function traced<T>(name: string, value: T, hooks: ResultHooks = {}): T {
  const span = tracer.startSpan(name);
  return endWhenDone(span, value, hooks, trace.setSpan(context.active(), span));
}

describe("an async generator", () => {
  it("read to its end: every chunk seen, the span ends done after streamEnd, each pull inside the span", async () => {
    const log: string[] = [];
    const stream = traced("full", counted(log), recordingHooks(log));
    expect(outcome("full")).toBe("open");
    const read: number[] = [];
    for await (const n of stream) read.push(n);
    expect(read).toEqual([1, 2, 3]);
    expect(outcome("full")).toBe("done");
    expect(log).toEqual([
      "yield 1 in full",
      "chunk 1",
      "yield 2 in full",
      "chunk 2",
      "yield 3 in full",
      "chunk 3",
      "generator finally",
      "streamEnd",
    ]);
  });

  it("broken off (break): the generator is stopped, the span ends incomplete", async () => {
    const log: string[] = [];
    const stream = traced("break", counted(log), recordingHooks(log));
    for await (const n of stream) if (n === 2) break;
    expect(outcome("break")).toBe("incomplete");
    expect(log.slice(-2)).toEqual(["generator finally", "streamEnd"]);
  });

  it("return() before the first pull: the generator never starts, the span ends incomplete", async () => {
    const log: string[] = [];
    const stream = traced("unread", counted(log), recordingHooks(log));
    await expect(stream.return(undefined)).resolves.toEqual({ done: true, value: undefined });
    expect(outcome("unread")).toBe("incomplete");
    expect(log).toEqual(["streamEnd"]);
  });

  it("a second return() or next() after the end changes nothing", async () => {
    const stream = traced("twice", counted([]));
    for await (const _ of stream);
    await stream.return(undefined);
    await stream.next();
    expect(tracing.spans().map((s) => s.name)).toEqual(["twice"]);
    expect(outcome("twice")).toBe("done");
  });

  it("the producer throws: the consumer gets the same error, the span ends with it and failed is told", async () => {
    const log: string[] = [];
    const boom = new TypeError("producer broke");
    const stream = traced("producer", counted(log, boom), recordingHooks(log));
    const read: number[] = [];
    const error = await (async () => {
      try {
        for await (const n of stream) read.push(n);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBe(boom);
    expect(read).toEqual([1, 2]);
    expect(outcome("producer")).toBe("error producer broke");
    expect(tracing.spans()[0]!.attributes["error.type"]).toBe("TypeError");
    expect(log.slice(-3)).toEqual(["generator finally", "streamEnd", "failed producer broke"]);
  });

  it("the consumer throws into it (throw()) and the generator does not catch: the span ends with that error", async () => {
    const log: string[] = [];
    const stream = traced("consumer", counted(log), recordingHooks(log));
    await stream.next();
    const stop = new RangeError("consumer gave up");
    await expect(stream.throw(stop)).rejects.toBe(stop);
    expect(outcome("consumer")).toBe("error consumer gave up");
    expect(log.slice(-3)).toEqual(["generator finally", "streamEnd", "failed consumer gave up"]);
  });

  it("throw() before the first pull: the error comes back and ends the span", async () => {
    const stream = traced("early-throw", counted([]));
    const stop = new Error("not wanted");
    await expect(stream.throw(stop)).rejects.toBe(stop);
    expect(outcome("early-throw")).toBe("error not wanted");
  });

  it("the generator catches a throw() and goes on: the span stays open until it ends", async () => {
    async function* forgiving() {
      try {
        yield 1;
      } catch {
        yield "recovered";
      }
      yield 2;
    }
    const stream = traced("forgiving", forgiving());
    await stream.next();
    await expect(stream.throw(new Error("hiccup"))).resolves.toEqual({ done: false, value: "recovered" });
    expect(outcome("forgiving")).toBe("open");
    await expect(stream.next()).resolves.toEqual({ done: false, value: 2 });
    await expect(stream.next()).resolves.toEqual({ done: true, value: undefined });
    expect(outcome("forgiving")).toBe("done");
  });

  it("the generator catches a throw() and returns: the span ends incomplete (the stream did not run its course)", async () => {
    async function* quitting() {
      try {
        yield 1;
        yield 2;
      } catch {
        return "quit";
      }
    }
    const stream = traced("quitting", quitting());
    await stream.next();
    await expect(stream.throw(new Error("stop"))).resolves.toEqual({ done: true, value: "quit" });
    expect(outcome("quitting")).toBe("incomplete");
  });

  it("its finally throws on return(): the consumer gets that error, the span ends with it", async () => {
    async function* badCleanup() {
      try {
        yield 1;
        yield 2;
      } finally {
        // biome-ignore lint/correctness/noUnsafeFinally: the point of the test
        throw new Error("cleanup failed");
      }
    }
    const stream = traced("cleanup", badCleanup());
    await stream.next();
    await expect(stream.return(undefined)).rejects.toThrow("cleanup failed");
    expect(outcome("cleanup")).toBe("error cleanup failed");
  });

  it("behind a promise (what `await llm.chat({ stream: true })` gives): traced once the promise resolves", async () => {
    const log: string[] = [];
    const stream = await traced("promised", Promise.resolve(counted(log)), recordingHooks(log));
    expect(outcome("promised")).toBe("open");
    for await (const n of stream) if (n === 1) break;
    expect(outcome("promised")).toBe("incomplete");
    expect(log.at(0)).toBe("yield 1 in promised");
  });

  it("counts as open until it ends (openStreamCount)", async () => {
    const owner = {};
    const span = tracer.startSpan("counted");
    const before = openStreamCount(owner);
    const stream = endWhenDone(span, counted([]), {}, context.active(), owner);
    expect(openStreamCount(owner)).toBe(before + 1);
    await stream.return(undefined);
    expect(openStreamCount(owner)).toBe(before);
  });
});

describe("an async iterable that is not a generator (an SDK stream object)", () => {
  class SdkStream {
    readonly controller = "kept";
    async *[Symbol.asyncIterator]() {
      yield "a";
      yield "b";
    }
  }

  it("keeps its identity and members; each for-await is traced, and breaking off ends the span incomplete", async () => {
    const source = new SdkStream();
    const stream = traced("sdk", source);
    expect(stream).toBe(source);
    expect(stream.controller).toBe("kept");
    for await (const _ of stream) break;
    expect(outcome("sdk")).toBe("incomplete");
  });

  it("frozen: a wrapper is returned instead, and reading it to the end ends the span done", async () => {
    const source = Object.freeze(new SdkStream());
    const stream = traced("frozen", source);
    expect(stream).not.toBe(source);
    const read: string[] = [];
    for await (const s of stream) read.push(s);
    expect(read).toEqual(["a", "b"]);
    expect(outcome("frozen")).toBe("done");
  });
});

describe("a sync generator", () => {
  it("is not a stream to the lifecycle: the span ends at once and the generator is returned unread", () => {
    const log: string[] = [];
    function* sync() {
      log.push("started");
      yield 1;
    }
    const generator = sync();
    const result = traced("sync", generator, recordingHooks(log));
    expect(result).toBe(generator);
    expect(outcome("sync")).toBe("done");
    expect(log).toEqual(["result [object Generator]"]);
  });
});

describe("a web ReadableStream", () => {
  const letters = () =>
    new ReadableStream<string>({
      start(controller) {
        controller.enqueue("x");
        controller.enqueue("y");
        controller.close();
      },
    });

  it("read to its end: chunks seen, the span ends done", async () => {
    const log: string[] = [];
    const stream = traced("readable", letters(), recordingHooks(log));
    const read: string[] = [];
    for await (const s of stream as unknown as AsyncIterable<string>) read.push(s);
    expect(read).toEqual(["x", "y"]);
    expect(outcome("readable")).toBe("done");
    expect(log).toEqual(["chunk x", "chunk y", "streamEnd"]);
  });

  it("cancelled by the consumer: the span ends incomplete", async () => {
    const stream = traced("cancelled", letters());
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel("enough");
    expect(outcome("cancelled")).toBe("incomplete");
  });

  it("erroring: the reader gets the error, the span ends with it", async () => {
    const broken = new ReadableStream<string>({
      pull(controller) {
        controller.error(new Error("source broke"));
      },
    });
    const stream = traced("erroring", broken);
    await expect(stream.getReader().read()).rejects.toThrow("source broke");
    expect(outcome("erroring")).toBe("error source broke");
  });
});
