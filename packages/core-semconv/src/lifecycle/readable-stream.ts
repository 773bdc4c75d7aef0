import { type Context, context } from "@opentelemetry/api";
import type { Outcome } from "./span-end";

/** A web `ReadableStream` (or a subclass such as a workflow's `WorkflowStream`). */
interface ReadableLike {
  getReader(): ReadableStreamDefaultReader<unknown>;
  constructor?: { fromReadableStream?: (stream: ReadableStream<unknown>) => unknown };
}

/**
 * True for a web `ReadableStream`, whatever realm or subclass it comes from.
 *
 * @internal
 */
export function isReadableStream(value: unknown): value is ReadableLike {
  return value != null && typeof value === "object" && typeof (value as ReadableLike).getReader === "function" && typeof (value as { pipeTo?: unknown }).pipeTo === "function";
}

/**
 * A stream that reads `source` on demand and reports each chunk and the way reading ended: done,
 * cancelled by the consumer (`incomplete`) or failed. Every way of consuming a ReadableStream
 * (`for await`, `getReader()`, `pipeTo`, `toArray()`) goes through its `pull`, which a wrapped
 * `Symbol.asyncIterator` would not see. A subclass with a static `fromReadableStream` (a
 * `WorkflowStream`) is rebuilt with it, so the caller keeps its methods.
 */
export function traceReadableStream(source: ReadableLike, ctx: Context, onChunk: (chunk: unknown) => void, finish: (outcome: Outcome) => void): unknown {
  const reader = source.getReader();
  const traced = new ReadableStream<unknown>(
    {
      async pull(controller) {
        let step: Awaited<ReturnType<ReadableStreamDefaultReader<unknown>["read"]>>;
        try {
          step = await context.with(ctx, () => reader.read());
        } catch (err) {
          finish({ error: err });
          controller.error(err);
          return;
        }
        if (step.done) {
          finish("done");
          controller.close();
          return;
        }
        onChunk(step.value);
        controller.enqueue(step.value);
      },
      cancel(reason) {
        finish("incomplete");
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  const rebuild = source.constructor?.fromReadableStream;
  return typeof rebuild === "function" ? rebuild.call(source.constructor, traced) : traced;
}
