import { OTLPTraceExporter as GrpcExporter } from "@opentelemetry/exporter-trace-otlp-grpc";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type OtlpReceiver, startOtlpReceiver } from "../src/index";

const SUCCESS = 0;
const FAILED = 1;

let receiver: OtlpReceiver;
let spans: ReadableSpan[];
const exporters: SpanExporter[] = [];

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] });
  provider.getTracer("faults").startSpan("fault-span").end();
  spans = memory.getFinishedSpans();
  await provider.shutdown();
});
afterEach(async () => {
  receiver.reset();
  await Promise.all(exporters.splice(0).map((exporter) => exporter.shutdown()));
});
afterAll(() => receiver.close());

function proto(timeoutMillis = 10_000) {
  const exporter = new ProtoExporter({ url: `${receiver.httpUrl}/v1/traces`, timeoutMillis });
  exporters.push(exporter);
  return exporter;
}

function grpc(timeoutMillis = 10_000) {
  const exporter = new GrpcExporter({ url: receiver.grpcUrl, timeoutMillis });
  exporters.push(exporter);
  return exporter;
}

function exportWith(exporter: SpanExporter) {
  return new Promise<{ code: number; error?: Error }>((resolve) => exporter.export(spans, resolve));
}

describe("fault modes", () => {
  it("throttle-429 with Retry-After 0: the HTTP exporter retries 5 times, then fails; nothing is accepted", async () => {
    receiver.setMode("throttle-429", { retryAfterSeconds: 0 });
    const result = await exportWith(proto());
    expect(result.code).toBe(FAILED);
    expect(receiver.requests).toHaveLength(6);
    expect(receiver.requests.every((request) => request.outcome === "refused" && request.statusCode === 429)).toBe(true);
    expect(receiver.requests[0]!.spans.map((span) => span.name)).toEqual(["fault-span"]);
    expect(receiver.spans()).toEqual([]);

    receiver.setMode("ok");
    expect((await exportWith(proto())).code).toBe(SUCCESS);
    expect(receiver.spans().map((span) => span.name)).toEqual(["fault-span"]);
  });

  it("refuse-503 answers HTTP 503 and gRPC UNAVAILABLE (the gRPC exporter does not retry)", async () => {
    receiver.setMode("refuse-503");
    const response = await fetch(`${receiver.httpUrl}/v1/traces`, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 14 });

    const result = await exportWith(grpc());
    expect(result.code).toBe(FAILED);
    expect(result.error?.message).toMatch(/UNAVAILABLE/);
    expect(receiver.requests.map((request) => [request.transport, request.outcome, request.statusCode])).toEqual([
      ["http", "refused", 503],
      ["grpc", "refused", 14],
    ]);
  });

  it("throttle-429 answers gRPC RESOURCE_EXHAUSTED", async () => {
    receiver.setMode("throttle-429");
    expect((await exportWith(grpc())).code).toBe(FAILED);
    expect(receiver.requests.map((request) => request.statusCode)).toEqual([8]);
  });

  it("hang never answers: the exporter times out and the request stays pending", async () => {
    receiver.setMode("hang");
    const result = await exportWith(proto(300));
    expect(result.code).toBe(FAILED);
    expect(receiver.requests.length).toBeGreaterThanOrEqual(1);
    expect(receiver.requests.every((request) => request.outcome === "pending")).toBe(true);
    expect(receiver.spans()).toEqual([]);
  });

  it("slow accepts after the delay; waitForSpans resolves when the spans arrive", async () => {
    receiver.setMode("slow", { slowDelayMs: 300 });
    const started = Date.now();
    const waiting = receiver.waitForSpans((span) => span.name === "fault-span");
    const result = await exportWith(grpc());
    expect(result.code).toBe(SUCCESS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect((await waiting).map((span) => span.name)).toEqual(["fault-span"]);
    expect(receiver.requests[0]).toMatchObject({ outcome: "accepted", statusCode: 0 });
  });

  it("waitForSpans rejects after its timeout, naming what arrived; reset() restores mode ok", async () => {
    await expect(receiver.waitForSpans(1, 50)).rejects.toThrow(/timed out after 50ms waiting for spans .*got 0/);
    receiver.setMode("refuse-503");
    receiver.reset();
    expect((await exportWith(proto())).code).toBe(SUCCESS);
    await expect(receiver.waitForSpans(2, 50)).rejects.toThrow(/got 1: \[fault-span\]/);
  });
});
