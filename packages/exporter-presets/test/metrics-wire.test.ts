import { GRPC_PATHS, type ReceivedRequest } from "@genai-otel-internal/otlp-receiver";
import { setupTracing } from "@genai-otel/exporter-presets";
import { metrics } from "@opentelemetry/api";
import { describe, expect, it, vi } from "vitest";
import { CUMULATIVE, DELTA, expectChatMetrics, recordChat } from "./metrics-helpers";
import { basicAuth, type ExpectedRequest, expectRequest, PROTOBUF, selectionOf, useReceiver } from "./receiver-fixture";

const KEY = "fake-metrics-key-0123456789";
const SECRET = "fake-metrics-secret-9876543210";

const fx = useReceiver({ secrets: [KEY, SECRET], proxy: true });

interface MetricsCase extends ExpectedRequest {
  temporality: number;
}

const cases: Record<string, MetricsCase> = {
  "otlp http/protobuf (metrics URL derived from the endpoint option)": {
    selection: (u) => ({ name: "otlp", options: { endpoint: `${u.http}/collector/v1/traces`, headers: { "x-test": "1" } } }),
    transport: "http",
    path: "/collector/v1/metrics",
    contentType: PROTOBUF,
    headers: { "x-test": "1" },
    temporality: CUMULATIVE,
  },
  "otlp http/json, configured by the OTEL_EXPORTER_OTLP_METRICS_* variables": {
    selection: () => "otlp",
    env: (u) => ({
      OTEL_EXPORTER_OTLP_ENDPOINT: u.http,
      OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: "http/json",
      OTEL_EXPORTER_OTLP_METRICS_HEADERS: `x-metrics-key=${KEY}`,
      OTEL_EXPORTER_OTLP_METRICS_COMPRESSION: "gzip",
      OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: "delta",
    }),
    transport: "http",
    path: "/v1/metrics",
    contentType: "application/json",
    contentEncoding: "gzip",
    headers: { "x-metrics-key": KEY },
    temporality: DELTA,
  },
  "otlp grpc": {
    selection: (u) => ({ name: "otlp", options: { protocol: "grpc", endpoint: u.grpc, headers: { "x-test": "1" } } }),
    transport: "grpc",
    path: GRPC_PATHS.metrics,
    contentType: "application/grpc",
    headers: { "x-test": "1" },
    temporality: CUMULATIVE,
  },
  "datadog agent http (OTEL_EXPORTER_OTLP_METRICS_ENDPOINT), delta": {
    selection: () => "datadog",
    env: (u) => ({ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${u.http}/v1/metrics` }),
    transport: "http",
    path: "/v1/metrics",
    contentType: PROTOBUF,
    headers: {},
    temporality: DELTA,
  },
  "datadog agent grpc, delta": {
    selection: (u) => ({ name: "datadog", options: { protocol: "grpc", endpoint: u.grpc } }),
    transport: "grpc",
    path: GRPC_PATHS.metrics,
    contentType: "application/grpc",
    headers: {},
    temporality: DELTA,
  },
  "newrelic: api-key, gzip, delta": {
    selection: (u) => ({ name: "newrelic", options: { licenseKey: KEY, endpoint: `${u.http}/v1/traces` } }),
    transport: "http",
    path: "/v1/metrics",
    contentType: PROTOBUF,
    contentEncoding: "gzip",
    headers: { "api-key": KEY },
    temporality: DELTA,
  },
  "newrelic grpc": {
    selection: (u) => ({ name: "newrelic", options: { licenseKey: KEY, protocol: "grpc", endpoint: u.grpc } }),
    transport: "grpc",
    path: GRPC_PATHS.metrics,
    contentType: "application/grpc",
    contentEncoding: "gzip",
    headers: { "api-key": KEY },
    temporality: DELTA,
  },
  "grafana: <baseUrl>/v1/metrics with Basic auth, cumulative": {
    selection: () => "grafana",
    env: (u) => ({ GRAFANA_CLOUD_OTLP_ENDPOINT: `${u.http}/otlp`, GRAFANA_CLOUD_INSTANCE_ID: "123456", GRAFANA_CLOUD_API_KEY: SECRET }),
    transport: "http",
    path: "/otlp/v1/metrics",
    contentType: PROTOBUF,
    headers: { authorization: basicAuth("123456", SECRET) },
    temporality: CUMULATIVE,
  },
  "honeycomb http: team key and HONEYCOMB_METRICS_DATASET": {
    selection: () => "honeycomb",
    env: (u) => ({ HONEYCOMB_API_KEY: KEY, HONEYCOMB_API_ENDPOINT: u.http, HONEYCOMB_METRICS_DATASET: "llm-metrics" }),
    transport: "http",
    path: "/v1/metrics",
    contentType: PROTOBUF,
    headers: { "x-honeycomb-team": KEY, "x-honeycomb-dataset": "llm-metrics" },
    temporality: CUMULATIVE,
  },
  "honeycomb grpc: the default metrics dataset": {
    selection: (u) => ({ name: "honeycomb", options: { apiKey: KEY, protocol: "grpc", baseUrl: u.grpc } }),
    transport: "grpc",
    path: GRPC_PATHS.metrics,
    contentType: "application/grpc",
    headers: { "x-honeycomb-team": KEY, "x-honeycomb-dataset": "genai-metrics" },
    temporality: CUMULATIVE,
  },
};

describe("GenAI metrics on the wire, per preset", () => {
  it.each(Object.entries(cases))("%s", async (_label, c) => {
    // Registered globally (the default): GenAIMetrics records through the global meter provider.
    const tracing = setupTracing({ serviceName: "metrics-test", presets: [selectionOf(c, fx.urls())], resourceAttributes: { "test.run": "metrics" } });
    try {
      expect(metrics.getMeterProvider()).toBe(tracing.meterProvider);
      recordChat();
      await tracing.forceFlush();

      const received = await fx.receiver.waitForMetrics(3);
      const requests = fx.receiver.requests.filter((request) => request.signal === "metrics");
      expect(requests).toHaveLength(1);
      expectRequest(requests[0] as ReceivedRequest, c);
      expectChatMetrics(received, c.temporality, { "service.name": "metrics-test", "test.run": "metrics" });
      expect(tracing.stats()[0]?.metrics).toMatchObject({ exportedPoints: 4, failedPoints: 0, failedExports: 0 });
    } finally {
      await tracing.shutdown();
    }
    expect(metrics.getMeterProvider()).not.toBe(tracing.meterProvider);
  });
});

describe("metrics beside spans", () => {
  it("the metrics-specific variables leave the spans alone, and the Classic dataset stays on spans", async () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "http/json");
    vi.stubEnv("OTEL_EXPORTER_OTLP_METRICS_HEADERS", "x-only-metrics=1");
    vi.stubEnv("HONEYCOMB_DATASET", "llm-traces");
    const tracing = setupTracing({ presets: [{ name: "honeycomb", options: { apiKey: KEY, baseUrl: fx.proxy.url } }], registerGlobal: false });
    tracing.tracerProvider.getTracer("t").startSpan("chat m").end();
    recordChat(tracing.meterProvider);
    await tracing.forceFlush();
    await fx.receiver.waitForSpans(1);
    await fx.receiver.waitForMetrics(3);
    await tracing.shutdown();

    const traces = fx.receiver.requests.find((request) => request.signal === "traces")!;
    const metricsRequest = fx.receiver.requests.find((request) => request.signal === "metrics")!;
    expect(traces).toMatchObject({ contentType: PROTOBUF, headers: { "x-original-path": "/v1/traces", "x-honeycomb-dataset": "llm-traces" } });
    expect(traces.headers["x-only-metrics"]).toBeUndefined();
    expect(metricsRequest).toMatchObject({
      contentType: "application/json",
      headers: { "x-original-path": "/v1/metrics", "x-honeycomb-dataset": "genai-metrics", "x-only-metrics": "1" },
    });
  });

  it("each destination gets its own reader and its backend's temporality", async () => {
    const tracing = setupTracing({
      presets: [
        { name: "newrelic", options: { licenseKey: KEY, endpoint: `${fx.proxy.url}/newrelic/v1/traces` } },
        { name: "otlp", options: { endpoint: `${fx.proxy.url}/collector/v1/traces` } },
      ],
      registerGlobal: false,
    });
    recordChat(tracing.meterProvider);
    await tracing.forceFlush();
    await tracing.shutdown();
    const sent = (prefix: string) =>
      fx.receiver.requests.filter((request) => request.headers["x-original-path"]?.startsWith(prefix)).flatMap((request) => request.metrics);
    expectChatMetrics(sent("/newrelic/v1/metrics"), DELTA);
    // Cumulative: the final export at shutdown repeats the points; the first export is what was recorded.
    expectChatMetrics(sent("/collector/v1/metrics").slice(0, 3), CUMULATIVE);
    expect(tracing.stats().map((stats) => stats.metrics?.temporality)).toEqual(["delta", "cumulative"]);
  });

  it("exports on its own every metricsExportIntervalMillis (and OTEL_METRIC_EXPORT_INTERVAL)", async () => {
    const tracing = setupTracing({
      presets: [{ name: "otlp", options: { endpoint: `${fx.receiver.httpUrl}/v1/traces` } }],
      registerGlobal: false,
      metricsExportIntervalMillis: 50,
    });
    recordChat(tracing.meterProvider);
    expectChatMetrics((await fx.receiver.waitForMetrics(3, 2000)).slice(0, 3), CUMULATIVE);
    await tracing.shutdown();

    fx.receiver.reset();
    vi.stubEnv("OTEL_METRIC_EXPORT_INTERVAL", "50");
    const fromEnv = setupTracing({ presets: [{ name: "otlp", options: { endpoint: `${fx.receiver.httpUrl}/v1/traces` } }], registerGlobal: false });
    recordChat(fromEnv.meterProvider);
    await fx.receiver.waitForMetrics(3, 2000);
    await fromEnv.shutdown();
  });
});
