import { type Dependent, type Outcome, endWithParent, finishSpan, releaseFromParent } from "@genai-otel/core-semconv/internal";
import { createTestTracing } from "@genai-otel/core-semconv/testing";
import { type Span, SpanStatusCode, diag, trace } from "@opentelemetry/api";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

// Dependents: spans that must end no later than another span (LlamaIndex's event spans, which may
// get no end event). finishSpan ends them first, with what the parent's outcome means for them.

const tracing = createTestTracing();
afterEach(() => {
  tracing.reset();
  vi.restoreAllMocks();
});
afterAll(() => tracing.shutdown());
const tracer = trace.getTracer("lifecycle-dependents");

/** A dependent span that logs how it was closed, and ends through finishSpan as adapters do. */
function dependent(name: string, log: string[], parent?: Span): Dependent & { span: Span } {
  const span = tracer.startSpan(name);
  const child = {
    span,
    close(outcome: Outcome) {
      log.push(`${name} closed ${typeof outcome === "object" ? `error ${(outcome.error as Error).message}` : outcome}`);
      finishSpan(span, outcome);
    },
  };
  if (parent) endWithParent(parent, child);
  return child;
}

const ended = () => tracing.spans().map((s) => s.name);
const finished = (name: string) => tracing.spans().find((s) => s.name === name)!;

describe("a span with dependents", () => {
  it("ends only after its open dependents ended, which are marked incomplete when it is done", () => {
    const log: string[] = [];
    const parent = tracer.startSpan("parent");
    dependent("a", log, parent);
    dependent("b", log, parent);
    finishSpan(parent, "done");
    expect(log).toEqual(["a closed incomplete", "b closed incomplete"]);
    expect(ended()).toEqual(["a", "b", "parent"]);
    expect(finished("a").attributes["genai_otel.incomplete"]).toBe(true);
    expect(finished("parent").attributes["genai_otel.incomplete"]).toBeUndefined();
  });

  it("passes its error on: a failed parent ends its dependents with the same error", () => {
    const log: string[] = [];
    const parent = tracer.startSpan("parent");
    dependent("child", log, parent);
    finishSpan(parent, { error: new TypeError("parent failed") });
    expect(log).toEqual(["child closed error parent failed"]);
    expect(finished("child").status).toEqual({ code: SpanStatusCode.ERROR, message: "parent failed" });
    expect(finished("child").attributes["error.type"]).toBe("TypeError");
    expect(ended()).toEqual(["child", "parent"]);
  });

  it("passes incomplete on: an abandoned parent ends its dependents incomplete", () => {
    const log: string[] = [];
    const parent = tracer.startSpan("parent");
    dependent("child", log, parent);
    finishSpan(parent, "incomplete");
    expect(log).toEqual(["child closed incomplete"]);
    expect(finished("parent").attributes["genai_otel.incomplete"]).toBe(true);
  });

  it("leaves alone a dependent that ended on its own and was released", () => {
    const log: string[] = [];
    const parent = tracer.startSpan("parent");
    const child = dependent("child", log, parent);
    finishSpan(child.span, "done");
    releaseFromParent(parent, child);
    finishSpan(parent, "done");
    expect(log).toEqual([]);
    expect(ended()).toEqual(["child", "parent"]);
    expect(finished("child").attributes["genai_otel.incomplete"]).toBeUndefined();
  });

  it("ends dependents of dependents, innermost first", () => {
    const log: string[] = [];
    const parent = tracer.startSpan("parent");
    const child = dependent("child", log, parent);
    dependent("grandchild", log, child.span);
    finishSpan(parent, "done");
    expect(log).toEqual(["child closed incomplete", "grandchild closed incomplete"]);
    expect(ended()).toEqual(["grandchild", "child", "parent"]);
  });

  it("still ends when a dependent's close throws (reported through diag, never to the host)", () => {
    const warn = vi.spyOn(diag, "warn").mockImplementation(() => {});
    const parent = tracer.startSpan("parent");
    endWithParent(parent, {
      close() {
        throw new Error("close broke");
      },
    });
    expect(() => finishSpan(parent, "done")).not.toThrow();
    expect(ended()).toEqual(["parent"]);
    expect(warn).toHaveBeenCalledWith("genai-otel: ending a dependent span failed", expect.any(Error));
  });

  it("closes each dependent once, and ends once: a second finishSpan is ignored", () => {
    const log: string[] = [];
    const parent = tracer.startSpan("parent");
    dependent("child", log, parent);
    finishSpan(parent, "done");
    finishSpan(parent, { error: new Error("late") });
    expect(log).toEqual(["child closed incomplete"]);
    expect(ended()).toEqual(["child", "parent"]);
    expect(finished("parent").status.code).toBe(SpanStatusCode.UNSET);
  });

  it("releaseFromParent without a parent, or for a dependent never added, does nothing", () => {
    const parent = tracer.startSpan("parent");
    expect(() => releaseFromParent(undefined, { close() {} })).not.toThrow();
    expect(() => releaseFromParent(parent, { close() {} })).not.toThrow();
    finishSpan(parent, "done");
    expect(ended()).toEqual(["parent"]);
  });
});
