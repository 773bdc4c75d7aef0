import { type OtlpReceiver, startOtlpReceiver } from "@genai-otel-internal/otlp-receiver";
import { createMetricExporter, METRICS_PRESET_NAMES, PRESET_NAMES, type PresetSelection, PresetConfigurationError, setupTracing } from "@genai-otel/exporter-presets";
import { metrics } from "@opentelemetry/api";
import { AggregationTemporality, InstrumentType } from "@opentelemetry/sdk-metrics";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useCleanEnv } from "./helpers";
import { recordChat } from "./metrics-helpers";

const KEY = "fake-setup-key-0123456789";
let receiver: OtlpReceiver;

// A receiver per test: a late export of an earlier test (a retry, a timed-out request) never reaches this one.
beforeEach(async () => {
  receiver = await startOtlpReceiver();
});
afterEach(() => receiver.close());
// After the receiver's hooks: tracing set up in a test shuts down (and flushes) before its receiver closes.
const { log, setup, afterTest } = useCleanEnv([KEY]);

const quiet = { name: "console", options: { write: () => {} } } as const;
const otlp = (): PresetSelection => ({ name: "otlp", options: { endpoint: `${receiver.httpUrl}/v1/traces` } });

describe("which presets get metrics", () => {
  it("the presets whose backend takes OTLP metrics", () => {
    expect(METRICS_PRESET_NAMES).toEqual(["otlp", "datadog", "newrelic", "grafana", "honeycomb"]);
  });

  it("presets without metrics support create no MeterProvider and leave the global one alone", async () => {
    vi.stubEnv("WANDB_API_KEY", KEY);
    vi.stubEnv("WANDB_ENTITY", "e");
    vi.stubEnv("WANDB_PROJECT", "p");
    const before = metrics.getMeterProvider();
    const others = PRESET_NAMES.filter((name) => !(METRICS_PRESET_NAMES as readonly string[]).includes(name) && name !== "console" && name !== "file");
    const tracing = setupTracing({
      presets: [
        quiet,
        ...others.map((name) => ({ name, options: { endpoint: `${receiver.httpUrl}/v1/traces`, apiKey: KEY, publicKey: KEY, secretKey: KEY, mlApp: "app" } }) as PresetSelection),
      ],
    });
    afterTest(() => tracing.shutdown());
    expect(tracing.meterProvider).toBeUndefined();
    expect(metrics.getMeterProvider()).toBe(before);
    recordChat();
    await tracing.forceFlush();
    expect(receiver.requests.filter((request) => request.signal === "metrics")).toEqual([]);
    expect(tracing.stats().every((stats) => stats.metrics === undefined)).toBe(true);
    expect(log().text()).toContain("no preset takes metrics");
  });

  it("only the metrics presets of a mixed setup get a reader", async () => {
    const tracing = setup({ presets: [quiet, { name: "jaeger", options: { endpoint: `${receiver.httpUrl}/v1/traces` } }, otlp()] });
    recordChat(tracing.meterProvider);
    await tracing.forceFlush();
    expect(receiver.requests.filter((request) => request.signal === "metrics")).toHaveLength(1);
    expect(tracing.stats().map((stats) => stats.metrics?.exportedPoints)).toEqual([undefined, undefined, 4]);
  });
});

describe("turning metrics off", () => {
  it.each([
    ["the metrics option", { metrics: false }, {}],
    ["GENAI_OTEL_METRICS=false", {}, { GENAI_OTEL_METRICS: "false" }],
    ["GENAI_OTEL_METRICS=0", {}, { GENAI_OTEL_METRICS: "0" }],
    ["OTEL_METRICS_EXPORTER=none", {}, { OTEL_METRICS_EXPORTER: "none" }],
  ] as const)("%s", async (_label, options, env) => {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const tracing = setup({ presets: [otlp()], ...options });
    expect(tracing.meterProvider).toBeUndefined();
    expect(log().text()).toContain("metrics off (");
  });

  it("the option wins over the environment", () => {
    vi.stubEnv("GENAI_OTEL_METRICS", "false");
    expect(setup({ presets: [otlp()], metrics: true }).meterProvider).toBeDefined();
    vi.stubEnv("GENAI_OTEL_METRICS", "true");
    vi.stubEnv("OTEL_METRICS_EXPORTER", "none");
    expect(setup({ presets: [otlp()] }).meterProvider).toBeDefined();
  });

  it("rejects another GENAI_OTEL_METRICS value and a bad interval before registering anything", () => {
    vi.stubEnv("GENAI_OTEL_METRICS", "maybe");
    expect(() => setupTracing({ presets: [otlp()] })).toThrow(PresetConfigurationError);
    vi.stubEnv("GENAI_OTEL_METRICS", undefined);
    expect(() => setupTracing({ presets: [otlp()], metricsExportIntervalMillis: 0 })).toThrow(/metricsExportIntervalMillis/);
  });
});

describe("global registration", () => {
  it("registers the MeterProvider globally by default and unregisters it at shutdown", async () => {
    const tracing = setupTracing({ presets: [otlp()] });
    expect(metrics.getMeterProvider()).toBe(tracing.meterProvider);
    await tracing.shutdown();
    expect(metrics.getMeterProvider()).not.toBe(tracing.meterProvider);
    // Set up again: GenAIMetrics follows the new global provider.
    const again = setupTracing({ presets: [otlp()] });
    recordChat();
    await again.forceFlush();
    await again.shutdown();
    expect(receiver.metrics().map((metric) => metric.name)).toContain("gen_ai.client.token.usage");
  });

  it("with registerGlobal: false, leaves the global provider alone; record through tracing.meterProvider", async () => {
    const before = metrics.getMeterProvider();
    const tracing = setup({ presets: [otlp()] });
    expect(metrics.getMeterProvider()).toBe(before);
    recordChat(tracing.meterProvider);
    await tracing.forceFlush();
    expect(await receiver.waitForMetrics(3)).toHaveLength(3);
  });

  it("warns when another global MeterProvider is registered already", async () => {
    const first = setupTracing({ presets: [otlp()] });
    const second = setupTracing({ presets: [otlp()], registerGlobal: true });
    expect(log().text()).toContain("another global MeterProvider is registered");
    await second.shutdown();
    expect(metrics.getMeterProvider()).toBe(first.meterProvider); // the second did not unregister the first
    await first.shutdown();
  });
});

describe("metrics configuration", () => {
  it("logs each preset's metrics endpoint, header names and temporality at debug, without secrets", () => {
    vi.stubEnv("DD_AGENT_HOST", "agent.internal");
    setup({ presets: ["datadog", { name: "newrelic", options: { licenseKey: KEY, region: "eu" } }] });
    const text = log().text();
    expect(text).toContain('preset "datadog" exports metrics over http/protobuf to http://agent.internal:4318/v1/metrics (endpoint from DD_AGENT_HOST)');
    expect(text).toContain("temporality: delta (from \"datadog\" preset default)");
    expect(text).toContain('preset "newrelic" exports metrics over http/protobuf to https://otlp.eu01.nr-data.net/v1/metrics');
    expect(text).toContain("headers: api-key; compression: gzip; temporality: delta");
    expect(text).toContain("metrics to [datadog, newrelic] every 60000 ms");
  });

  it("derives each preset's metrics endpoint from its traces endpoint", () => {
    vi.stubEnv("GRAFANA_CLOUD_INSTANCE_ID", "1");
    vi.stubEnv("GRAFANA_CLOUD_API_KEY", KEY);
    vi.stubEnv("HONEYCOMB_API_KEY", KEY);
    setup({
      presets: [
        { name: "grafana", options: { zone: "prod-eu-west-2" } },
        { name: "honeycomb", options: { region: "eu" } },
        { name: "otlp", options: { protocol: "grpc" } },
        { name: "newrelic", options: { licenseKey: KEY, region: "fedramp", protocol: "grpc" } },
      ],
    });
    const text = log().text();
    expect(text).toContain("exports metrics over http/protobuf to https://otlp-gateway-prod-eu-west-2.grafana.net/otlp/v1/metrics");
    expect(text).toContain("exports metrics over http/protobuf to https://api.eu1.honeycomb.io/v1/metrics");
    expect(text).toContain("exports metrics over grpc to http://localhost:4317/");
    expect(text).toContain("exports metrics over grpc to https://gov-otlp.nr-data.net:4317/");
  });

  it("metricsEndpoint, OTEL_EXPORTER_OTLP_METRICS_ENDPOINT and OTEL_EXPORTER_OTLP_ENDPOINT, in that order", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
    setup({ presets: ["otlp"] });
    expect(log().text()).toContain("exports metrics over http/protobuf to http://collector:4318/v1/metrics (endpoint from OTEL_EXPORTER_OTLP_ENDPOINT)");
    vi.stubEnv("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://metrics:4318/custom");
    setup({ presets: ["otlp"] });
    expect(log().text()).toContain("to http://metrics:4318/custom (endpoint from OTEL_EXPORTER_OTLP_METRICS_ENDPOINT)");
    setup({ presets: [{ name: "otlp", options: { metricsEndpoint: "http://option:4318/m" } }] });
    expect(log().text()).toContain('to http://option:4318/m (endpoint from option "metricsEndpoint")');
  });

  it("an endpoint option without /v1/traces: no metrics for that preset, with a warning", () => {
    const tracing = setup({ presets: [{ name: "otlp", options: { endpoint: "http://proxy.internal/ingest" } }] });
    expect(tracing.meterProvider).toBeUndefined();
    expect(log().text()).toContain('preset "otlp" sends no metrics: its "endpoint" option has no /v1/traces');
  });

  it("OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE overrides the backend's preference; the option overrides both", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", "Cumulative");
    const tracing = setup({
      presets: ["datadog", { name: "otlp", options: { metricsTemporality: "delta" } }, { name: "otlp", options: { protocol: "grpc" } }],
    });
    expect(tracing.stats().map((stats) => stats.metrics?.temporality)).toEqual(["cumulative", "delta", "cumulative"]);
    vi.stubEnv("OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", "sometimes");
    expect(setup({ presets: ["datadog"] }).stats()[0]?.metrics?.temporality).toBe("delta");
    expect(log().text()).toContain('ignoring OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE="sometimes"');
  });

  it("metrics configuration errors throw before anything is registered, saying how to send spans only", () => {
    expect(() => setupTracing({ presets: [{ name: "otlp", options: { metricsTemporality: "weekly" as never } }] })).toThrow(
      /unknown metrics temporality "weekly".*GENAI_OTEL_METRICS=false/,
    );
    vi.stubEnv("OTEL_EXPORTER_OTLP_METRICS_HEADERS", "no-equals-sign");
    expect(() => setupTracing({ presets: ["otlp"] })).toThrow(/OTEL_EXPORTER_OTLP_METRICS_HEADERS is malformed at item 1/);
    vi.stubEnv("OTEL_EXPORTER_OTLP_METRICS_HEADERS", undefined);
    vi.stubEnv("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "not a url");
    expect(() => setupTracing({ presets: ["otlp"] })).toThrow(/invalid endpoint from OTEL_EXPORTER_OTLP_METRICS_ENDPOINT/);
    expect(setupTracing({ presets: ["otlp"], metrics: false, registerGlobal: false }).meterProvider).toBeUndefined();
    expect(metrics.getMeterProvider().getMeter("x").createHistogram("h").constructor.name).toMatch(/Noop/);
  });

  it("a credential sent only in OTEL_EXPORTER_OTLP_TRACES_HEADERS reaches spans only: no metrics there, with a warning", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_HEADERS", `api-key=${KEY}`);
    const tracing = setup({ presets: ["newrelic"] });
    expect(tracing.presets).toEqual(["newrelic"]);
    expect(tracing.meterProvider).toBeUndefined();
    expect(log().text()).toContain('preset "newrelic" sends no metrics: The "newrelic" exporter preset needs a license key');
    vi.stubEnv("OTEL_EXPORTER_OTLP_METRICS_HEADERS", `api-key=${KEY}`);
    expect(setup({ presets: ["newrelic"] }).meterProvider).toBeDefined();
  });
});

describe("createMetricExporter", () => {
  it("creates a preset's metric exporter with its backend's temporality", async () => {
    const exporter = createMetricExporter("newrelic", { licenseKey: KEY });
    expect(exporter.selectAggregationTemporality?.(InstrumentType.HISTOGRAM)).toBe(AggregationTemporality.DELTA);
    const otlpExporter = createMetricExporter("otlp");
    expect(otlpExporter.selectAggregationTemporality?.(InstrumentType.HISTOGRAM)).toBe(AggregationTemporality.CUMULATIVE);
    await Promise.all([exporter.shutdown(), otlpExporter.shutdown()]);
  });

  it("refuses a preset whose backend takes no metrics, listing those that do", () => {
    expect(() => createMetricExporter("jaeger" as never)).toThrow('The "jaeger" exporter preset sends no metrics; presets that do: otlp, datadog, newrelic, grafana, honeycomb.');
    expect(() => createMetricExporter("otlp", { endpoint: "http://proxy/ingest" })).toThrow(/metricsEndpoint/);
  });
});
