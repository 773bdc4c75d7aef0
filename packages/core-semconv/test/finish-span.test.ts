import { SpanStatusCode, trace } from "@opentelemetry/api";
import { failWith, finishSpan } from "@genai-otel/core-semconv/internal";
import { createTestTracing } from "@genai-otel/core-semconv/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const tracing = createTestTracing();
afterEach(() => tracing.reset());
afterAll(() => tracing.shutdown());

const tracer = () => trace.getTracer("finish-span-test");

/** finishSpan's dependents are tested in lifecycle-dependents.test.ts. */
describe("finishSpan", () => {
  it("ends a span once: a later end, even with an error, changes nothing", () => {
    const span = tracer().startSpan("once");
    finishSpan(span, "done");
    finishSpan(span, { error: new Error("late") });
    finishSpan(span, "incomplete");
    expect(tracing.spans()).toHaveLength(1);
    const [ended] = tracing.spans();
    expect(ended!.status.code).toBe(SpanStatusCode.UNSET);
    expect(ended!.events).toHaveLength(0);
    expect(ended!.attributes["genai_otel.incomplete"]).toBeUndefined();
  });

  it("records an error as exception event, status ERROR and error.type", () => {
    finishSpan(tracer().startSpan("failed"), { error: new TypeError("bad input") });
    const [ended] = tracing.spans();
    expect(ended!.status).toEqual({ code: SpanStatusCode.ERROR, message: "bad input" });
    expect(ended!.attributes["error.type"]).toBe("TypeError");
    expect(ended!.events.map((e) => [e.name, e.attributes?.["exception.type"]])).toEqual([["exception", "TypeError"]]);
  });

  it("marks an abandoned operation incomplete, without an error status", () => {
    finishSpan(tracer().startSpan("abandoned"), "incomplete");
    const [ended] = tracing.spans();
    expect(ended!.attributes["genai_otel.incomplete"]).toBe(true);
    expect(ended!.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("never throws when the span itself throws", () => {
    const span = tracer().startSpan("broken");
    span.end = () => {
      throw new Error("exporter bug");
    };
    span.setAttribute = () => {
      throw new Error("attribute bug");
    };
    expect(() => finishSpan(span, "incomplete")).not.toThrow();
  });
});

describe("failWith", () => {
  it("ends the span with the error, then tells the failed hook (whose throw is swallowed)", () => {
    const span = tracer().startSpan("op");
    const seen: unknown[] = [];
    const error = new Error("no");
    failWith(
      span,
      {
        failed(_s, err) {
          seen.push(err, tracing.spans().length);
          throw new Error("hook bug");
        },
      },
      error,
    );
    expect(seen).toEqual([error, 1]);
    expect(tracing.spans()[0]!.status.code).toBe(SpanStatusCode.ERROR);
  });
});
