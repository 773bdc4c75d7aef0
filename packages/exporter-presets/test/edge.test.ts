import { ROOT_CONTEXT, trace } from "@opentelemetry/api";
import { PresetConfigurationError, setupTracing } from "@genai-otel/exporter-presets/edge";
import { describe, expect, it } from "vitest";
import { useReceiver } from "./receiver-fixture";

const fx = useReceiver({ secrets: ["edge-secret-key"] });

describe("@genai-otel/exporter-presets/edge", () => {
  it("exports over fetch (OTLP/protobuf and OTLP/JSON) with a BasicTracerProvider, flushes and shuts down", async () => {
    for (const protocol of ["http/protobuf", "http/json"] as const) {
      const service = `edge-${protocol.replace("/", "-")}`;
      const tracing = setupTracing({
        serviceName: service,
        presets: [{ name: "otlp", options: { endpoint: `${fx.urls().http}/v1/traces`, protocol, headers: { authorization: "Bearer edge-secret-key" } } }],
        registerGlobal: false,
      });
      const tracer = tracing.tracerProvider.getTracer("edge-test");
      const parent = tracer.startSpan("parent");
      tracer.startSpan("child", {}, trace.setSpan(ROOT_CONTEXT, parent)).end();
      parent.end();
      await expect(tracing.flush()).resolves.toBeUndefined();
      const spans = await fx.receiver.waitForSpans((span) => span.resource["service.name"] === service && span.name === "parent");
      const all = fx.receiver.spans().filter((span) => span.resource["service.name"] === service);
      const child = all.find((span) => span.name === "child");
      expect(child?.parentSpanId).toBe(spans[0]?.spanId);
      const request = fx.receiver.requests.find((r) => r.headers.authorization === "Bearer edge-secret-key" && r.headers["content-type"]?.includes(protocol === "http/json" ? "json" : "protobuf"));
      expect(request).toBeDefined();
      expect(tracing.stats()[0]).toMatchObject({ preset: "otlp" });
      await expect(tracing.shutdown()).resolves.toBeUndefined();
      await expect(tracing.shutdown()).resolves.toBeUndefined();
    }
  });

  it("says that the file preset and gRPC need Node", () => {
    expect(() => setupTracing({ presets: ["file"], registerGlobal: false })).toThrow(PresetConfigurationError);
    expect(() => setupTracing({ presets: ["file"], registerGlobal: false })).toThrow(/needs Node's file system/);
    expect(() => setupTracing({ presets: [{ name: "otlp", options: { protocol: "grpc" } }], registerGlobal: false })).toThrow(/"grpc", which needs Node/);
  });

  it("registers the tracer provider globally and unregisters it on shutdown, without a context manager", async () => {
    const tracing = setupTracing({ presets: [{ name: "otlp", options: { endpoint: `${fx.urls().http}/v1/traces` } }] });
    expect(trace.getTracerProvider().getTracer("x").startSpan("s").spanContext().traceId).not.toBe("00000000000000000000000000000000");
    await expect(tracing.shutdown()).resolves.toBeUndefined();
    expect(trace.getTracerProvider().getTracer("x").startSpan("s").spanContext().traceId).toBe("00000000000000000000000000000000");
  });
});
