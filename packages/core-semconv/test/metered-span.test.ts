import { SpanStatusCode, context, trace } from "@opentelemetry/api";
import { AdapterTelemetry, finishSpan } from "@genai-otel/core-semconv/internal";
import { createTestMetrics, createTestTracing } from "@genai-otel/core-semconv/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const tracing = createTestTracing();
afterEach(() => tracing.reset());
afterAll(() => tracing.shutdown());

const SCOPE = { name: "metered-span-test", version: "1.0.0" };
const START = { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o-mini" };

/** A telemetry with its own meter provider (histograms are cumulative: one provider per test). */
function metered() {
  const testMetrics = createTestMetrics({ registerGlobal: false });
  const telemetry = new AdapterTelemetry(SCOPE, { meterProvider: testMetrics.provider });
  const start = () => telemetry.metered(telemetry.tracer().startSpan("chat gpt-4o-mini", { attributes: START }), START);
  return { testMetrics, start };
}

describe("AdapterTelemetry.metered / MeteredSpan", () => {
  it("leaves the span as it is while no meter provider is registered", () => {
    const telemetry = new AdapterTelemetry(SCOPE, {});
    const span = telemetry.tracer().startSpan("chat");
    expect(telemetry.metered(span, START)).toBe(span);
    span.end();
  });

  it("records duration and usage once from the start and later attributes, however often the span is finished", async () => {
    const { testMetrics, start } = metered();
    const span = start();
    span.setAttributes({ "gen_ai.response.model": "gpt-4o-mini-2024", "gen_ai.usage.input_tokens": 12 });
    span.setAttribute("gen_ai.usage.output_tokens", 5);
    span.setAttribute("gen_ai.response.time_to_first_chunk", 0.25);
    finishSpan(span, "done");
    finishSpan(span, { error: new Error("late") });
    const h = await testMetrics.histograms();
    const duration = h.get("gen_ai.client.operation.duration")!.points;
    expect(duration).toHaveLength(1);
    expect(duration[0]!.count).toBe(1);
    expect(duration[0]!.attributes).toEqual({ ...START, "gen_ai.response.model": "gpt-4o-mini-2024" });
    const tokens = Object.fromEntries(h.get("gen_ai.client.token.usage")!.points.map((p) => [p.attributes["gen_ai.token.type"], p.sum]));
    expect(tokens).toEqual({ input: 12, output: 5 });
    expect(h.get("gen_ai.client.operation.time_to_first_chunk")!.points[0]!.sum).toBe(0.25);
    const [ended] = tracing.spans();
    expect(tracing.spans()).toHaveLength(1);
    expect(ended!.status.code).toBe(SpanStatusCode.UNSET);
    expect(ended!.attributes["gen_ai.usage.output_tokens"]).toBe(5);
    await testMetrics.shutdown();
  });

  it("records a failed operation with the error's class as error.type, on the span and the metric", async () => {
    const { testMetrics, start } = metered();
    finishSpan(start(), { error: new RangeError("too long") });
    const [point] = (await testMetrics.histograms()).get("gen_ai.client.operation.duration")!.points;
    expect(point!.attributes["error.type"]).toBe("RangeError");
    const [ended] = tracing.spans();
    expect(ended!.status).toEqual({ code: SpanStatusCode.ERROR, message: "too long" });
    expect(ended!.attributes["error.type"]).toBe("RangeError");
    await testMetrics.shutdown();
  });

  it("records an abandoned operation's duration without usage, its span marked incomplete", async () => {
    const { testMetrics, start } = metered();
    finishSpan(start(), "incomplete");
    const h = await testMetrics.histograms();
    expect(h.get("gen_ai.client.operation.duration")!.points).toHaveLength(1);
    expect(h.get("gen_ai.client.token.usage")?.points ?? []).toHaveLength(0);
    expect(tracing.spans()[0]!.attributes["genai_otel.incomplete"]).toBe(true);
    await testMetrics.shutdown();
  });

  it("is the span of its context, so children nest under the real span", () => {
    const { start } = metered();
    const span = start();
    const child = trace.getTracer("t").startSpan("child", {}, trace.setSpan(context.active(), span));
    child.end();
    finishSpan(span, "done");
    const [c, p] = tracing.spans();
    expect(c!.parentSpanContext?.spanId).toBe(p!.spanContext().spanId);
  });
});
