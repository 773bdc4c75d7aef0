import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from "@genai-otel-internal/otlp-receiver";
import { type PresetSelection, setupTracing } from "@genai-otel/exporter-presets";
import { context, trace } from "@opentelemetry/api";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useCleanEnv } from "./helpers";
import { startPathProxy } from "./path-proxy";

const KEY = "test-fake-key";
const GRPC_PATH = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
let receiver: OtlpReceiver;

// A receiver per test: a late export of an earlier test (a retry, a timed-out request) never reaches this one.
beforeEach(async () => {
  receiver = await startOtlpReceiver();
});
afterEach(() => receiver.close());
useCleanEnv();

/** Sets up tracing with the given presets, records a parent and a child span, flushes, shuts down. */
async function exportParentAndChild(presets: PresetSelection[], attributes: Record<string, string> = {}) {
  const tracing = setupTracing({ serviceName: "wire-test", presets, registerGlobal: false, resourceAttributes: { "test.run": "wire" } });
  const tracer = tracing.tracerProvider.getTracer("wire");
  const parent = tracer.startSpan("invoke_agent a");
  const child = tracer.startSpan("chat gpt-4o-mini", { attributes: { "gen_ai.usage.input_tokens": 10, ...attributes } }, trace.setSpan(context.active(), parent));
  child.end();
  parent.end();
  await tracing.shutdown();
  return { traceId: parent.spanContext().traceId, parentId: parent.spanContext().spanId, childId: child.spanContext().spanId };
}

function expectTree(spans: readonly ReceivedSpan[], ids: Awaited<ReturnType<typeof exportParentAndChild>>) {
  const parent = spans.find((span) => span.spanId === ids.parentId);
  const child = spans.find((span) => span.spanId === ids.childId);
  expect(parent).toMatchObject({ name: "invoke_agent a", traceId: ids.traceId });
  expect(parent!.parentSpanId).toBeUndefined();
  expect(child).toMatchObject({ name: "chat gpt-4o-mini", parentSpanId: ids.parentId, attributes: { "gen_ai.usage.input_tokens": 10 } });
  expect(child!.resource).toMatchObject({ "service.name": "wire-test", "test.run": "wire" });
}

describe("otlp preset on the wire", () => {
  it.each([
    ["http/protobuf", "application/x-protobuf"],
    ["http/json", "application/json"],
  ] as const)("%s", async (protocol, contentType) => {
    const ids = await exportParentAndChild([
      { name: "otlp", options: { protocol, endpoint: `${receiver.httpUrl}/v1/traces`, headers: { "x-test": "1" } } },
    ]);
    expectTree(await receiver.waitForSpans(2), ids);
    expect(receiver.requests[0]).toMatchObject({ transport: "http", path: "/v1/traces", contentType });
    expect(receiver.requests[0]!.headers["x-test"]).toBe("1");
  });

  it("grpc, with headers from the option and from OTEL_EXPORTER_OTLP_HEADERS as metadata", async () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_HEADERS", "x-from-env=env%20value");
    const ids = await exportParentAndChild([{ name: "otlp", options: { protocol: "grpc", endpoint: receiver.grpcUrl, headers: { "X-Test": "1" } } }]);
    expectTree(await receiver.waitForSpans(2), ids);
    expect(receiver.requests[0]).toMatchObject({ transport: "grpc", path: GRPC_PATH });
    expect(receiver.requests[0]!.headers).toMatchObject({ "x-test": "1", "x-from-env": "env value" });
  });

  it("configured by the environment alone (GENAI_OTEL_PRESET + OTEL_EXPORTER_OTLP_*)", async () => {
    vi.stubEnv("GENAI_OTEL_PRESET", "otlp");
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.httpUrl);
    vi.stubEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");
    vi.stubEnv("OTEL_EXPORTER_OTLP_HEADERS", `api-key=${KEY}`);
    vi.stubEnv("OTEL_EXPORTER_OTLP_COMPRESSION", "gzip");
    const ids = await exportParentAndChild(undefined as never);
    expectTree(await receiver.waitForSpans(2), ids);
    expect(receiver.requests[0]).toMatchObject({ path: "/v1/traces", contentType: "application/json", contentEncoding: "gzip" });
    expect(receiver.requests[0]!.headers["api-key"]).toBe(KEY);
  });
});

describe("vendor presets on the wire", () => {
  it("traceloop over HTTP: Bearer key, protobuf, <base>/v1/traces", async () => {
    vi.stubEnv("TRACELOOP_API_KEY", KEY);
    vi.stubEnv("TRACELOOP_BASE_URL", receiver.httpUrl);
    const ids = await exportParentAndChild(["traceloop"]);
    expectTree(await receiver.waitForSpans(2), ids);
    expect(receiver.requests[0]).toMatchObject({ transport: "http", path: "/v1/traces", contentType: "application/x-protobuf" });
    expect(receiver.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("traceloop over gRPC for a base URL without scheme", async () => {
    const ids = await exportParentAndChild([{ name: "traceloop", options: { apiKey: KEY, baseUrl: receiver.grpcUrl.replace("http://", "") } }]);
    expectTree(await receiver.waitForSpans(2), ids);
    expect(receiver.requests[0]).toMatchObject({ transport: "grpc", path: GRPC_PATH });
    expect(receiver.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("weave: key and project headers, routing resource attributes only on Weave's copy", async () => {
    vi.stubEnv("WANDB_API_KEY", KEY);
    vi.stubEnv("WANDB_ENTITY", "my-team");
    vi.stubEnv("WANDB_PROJECT", "my-project");
    const proxy = await startPathProxy(receiver.httpUrl);
    const ids = await exportParentAndChild([
      { name: "weave", options: { baseUrl: proxy.url } },
      { name: "otlp", options: { endpoint: `${receiver.httpUrl}/v1/traces` } },
    ]).finally(() => proxy.close());
    await receiver.waitForSpans(4);
    const weave = receiver.requests.filter((request) => request.headers["x-original-path"] === "/traces/otel/v1/traces");
    const plain = receiver.requests.filter((request) => request.headers["x-original-path"] === undefined);
    expect(weave.length).toBeGreaterThan(0);
    expect(weave[0]).toMatchObject({ contentType: "application/x-protobuf" });
    expect(weave[0]!.headers).toMatchObject({ "wandb-api-key": KEY, project_id: "my-team/my-project" });
    const weaveSpans = weave.flatMap((request) => request.spans);
    expectTree(weaveSpans, ids);
    expect(weaveSpans[0]!.resource).toMatchObject({ "wandb.entity": "my-team", "wandb.project": "my-project", "service.name": "wire-test" });
    const plainSpans = plain.flatMap((request) => request.spans);
    expectTree(plainSpans, ids);
    expect(plainSpans[0]!.resource["wandb.entity"]).toBeUndefined();
  });

  it("datadog: OTLP/HTTP and gRPC to the Agent, no auth header", async () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", `${receiver.httpUrl}/v1/traces`);
    let ids = await exportParentAndChild(["datadog"]);
    expectTree(await receiver.waitForSpans(2), ids);
    expect(receiver.requests[0]).toMatchObject({ transport: "http", path: "/v1/traces", contentType: "application/x-protobuf" });
    expect(Object.keys(receiver.requests[0]!.headers)).not.toContain("authorization");

    receiver.reset();
    ids = await exportParentAndChild([{ name: "datadog", options: { protocol: "grpc", endpoint: receiver.grpcUrl } }]);
    expectTree(await receiver.waitForSpans(2), ids);
    expect(receiver.requests[0]).toMatchObject({ transport: "grpc", path: GRPC_PATH });
  });

  it("newrelic: api-key header, gzip, values cut to 4095 chars only in New Relic's copy", async () => {
    const long = "x".repeat(5000);
    const ids = await exportParentAndChild(
      [
        { name: "newrelic", options: { licenseKey: KEY, endpoint: `${receiver.httpUrl}/v1/traces` } },
        { name: "otlp", options: { endpoint: `${receiver.httpUrl}/v1/traces` } },
      ],
      { "gen_ai.input.messages": long },
    );
    await receiver.waitForSpans(4);
    const nr = receiver.requests.filter((request) => request.headers["api-key"] !== undefined);
    expect(nr[0]).toMatchObject({ contentType: "application/x-protobuf", contentEncoding: "gzip" });
    expect(nr[0]!.headers["api-key"]).toBe(KEY);
    const nrSpans = nr.flatMap((request) => request.spans);
    expectTree(nrSpans, ids);
    expect(nrSpans.find((span) => span.spanId === ids.childId)!.attributes["gen_ai.input.messages"]).toBe("x".repeat(4095));
    const plain = receiver.requests.filter((request) => request.headers["api-key"] === undefined).flatMap((request) => request.spans);
    expect(plain.find((span) => span.spanId === ids.childId)!.attributes["gen_ai.input.messages"]).toBe(long);
  });
});

describe("backend limits on the wire", () => {
  it("newrelic: arrays cut to 64 items, and a batch over 1 MB sent as several requests", async () => {
    const tracing = setupTracing({
      presets: [{ name: "newrelic", options: { licenseKey: KEY, endpoint: `${receiver.httpUrl}/v1/traces` } }],
      registerGlobal: false,
    });
    const tracer = tracing.tracerProvider.getTracer("limits");
    const ids = Array.from({ length: 100 }, (_, i) => `id-${i}`);
    for (let i = 0; i < 300; i++) tracer.startSpan(`span ${i}`, { attributes: { "gen_ai.output.messages": "y".repeat(4000), ids } }).end();
    await tracing.shutdown();
    const spans = await receiver.waitForSpans(300);
    expect(spans[0]!.attributes.ids).toEqual(ids.slice(0, 64));
    // 300 spans of ~4 KB: over 1 MB, so split; each request stays under it.
    expect(receiver.requests.length).toBeGreaterThan(1);
    expect(tracing.stats()[0]).toMatchObject({ exportedSpans: 300, failedSpans: 0 });
  });
});

describe("isolation", () => {
  it("a destination that hangs does not hold back the others", async () => {
    const sockets = new Set<Socket>();
    // Accepts requests and answers none until the test is over.
    const held: ServerResponse[] = [];
    let answering = false;
    const hanging = createServer((_req, res) => (answering ? res.writeHead(200).end() : held.push(res)));
    hanging.on("connection", (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/v1/traces`;
    const tracing = setupTracing({
      presets: [
        { name: "otlp", options: { endpoint: hangingUrl, timeoutMillis: 60_000 } },
        { name: "otlp", options: { endpoint: `${receiver.httpUrl}/v1/traces` } },
      ],
      registerGlobal: false,
      batch: { scheduledDelayMillis: 20 },
    });
    try {
      const connected = new Promise((resolve) => hanging.once("request", resolve));
      tracing.tracerProvider.getTracer("wire").startSpan("first").end();
      await connected; // the hanging export is now in flight
      tracing.tracerProvider.getTracer("wire").startSpan("second").end();
      const spans = await receiver.waitForSpans((span) => span.name === "second", 10_000);
      expect(spans).toHaveLength(1);
      // ...while the first destination's export is still pending (its timeout is a minute away).
      expect(tracing.stats()[0]).toMatchObject({ exportedSpans: 0, failedSpans: 0, failedExports: 0 });
    } finally {
      answering = true;
      for (const res of held) res.writeHead(200).end();
      await tracing.shutdown();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => hanging.close(resolve));
    }
  });
});
