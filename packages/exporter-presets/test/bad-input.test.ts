import { createExporter, PRESET_NAMES, setupTracing } from "@genai-otel/exporter-presets";
import { describe, expect, it, vi } from "vitest";
import { usePresetEnv } from "./helpers";

const SECRET = "fake-secret-in-bad-input-77";
const { messageOf } = usePresetEnv(SECRET);

describe("unknown preset", () => {
  it("lists the known names, from code or GENAI_OTEL_PRESET", () => {
    expect(messageOf(() => setupTracing({ presets: ["otlp", "splunk" as never], registerGlobal: false }))).toBe(
      `Unknown exporter preset "splunk" (from the "presets" option). Known presets: ${PRESET_NAMES.join(", ")}.`,
    );
    vi.stubEnv("GENAI_OTEL_PRESET", "langfuse,lang-fuse");
    expect(messageOf(() => setupTracing({ registerGlobal: false }))).toContain('Unknown exporter preset "lang-fuse" (from GENAI_OTEL_PRESET)');
  });
});

describe("missing credentials name the option and the environment variable", () => {
  it.each([
    ["traceloop", {}, '"apiKey" option or the TRACELOOP_API_KEY environment variable'],
    ["weave", { entity: "e", project: "p" }, '"apiKey" option or the WANDB_API_KEY environment variable'],
    ["datadog-llmobs", {}, '"apiKey" option or the DD_API_KEY environment variable'],
    ["newrelic", {}, '"licenseKey" option or the NEW_RELIC_LICENSE_KEY environment variable'],
    ["grafana", { zone: "prod-eu-west-2", token: SECRET }, '"instanceId" option or the GRAFANA_CLOUD_INSTANCE_ID environment variable'],
    ["grafana", { zone: "prod-eu-west-2", instanceId: "1" }, '"token" option or the GRAFANA_CLOUD_API_KEY environment variable'],
    ["honeycomb", {}, '"apiKey" option or the HONEYCOMB_API_KEY environment variable'],
    ["langfuse", { secretKey: SECRET }, '"publicKey" option or the LANGFUSE_PUBLIC_KEY environment variable'],
    ["langfuse", { publicKey: "pk" }, '"secretKey" option or the LANGFUSE_SECRET_KEY environment variable'],
    ["phoenix", { space: "s" }, '"apiKey" option or the PHOENIX_API_KEY environment variable'],
    ["laminar", {}, '"apiKey" option or the LMNR_PROJECT_API_KEY environment variable'],
  ] as const)("%s %o", (name, options, message) => {
    expect(messageOf(() => createExporter(name, options as never))).toContain(message);
  });
});

describe("malformed header strings say which variable and item, never the value", () => {
  it.each([
    ["OTEL_EXPORTER_OTLP_HEADERS", `api-key=ok,${SECRET}`, "otlp", "OTEL_EXPORTER_OTLP_HEADERS is malformed at item 2 of 2: expected key=value"],
    ["OTEL_EXPORTER_OTLP_TRACES_HEADERS", `x-key=%ZZ${SECRET}`, "otlp", "OTEL_EXPORTER_OTLP_TRACES_HEADERS is malformed at item 1 of 1: the value has an invalid %-escape."],
    ["OTEL_EXPORTER_OTLP_HEADERS", `bad key=${SECRET}`, "otlp", "OTEL_EXPORTER_OTLP_HEADERS is malformed at item 1 of 1: the key is not a valid header name."],
    ["TRACELOOP_HEADERS", `Authorization: Bearer ${SECRET}`, "traceloop", "TRACELOOP_HEADERS is malformed at item 1 of 1"],
    ["PHOENIX_CLIENT_HEADERS", `x-a=1,=${SECRET}`, "phoenix", "PHOENIX_CLIENT_HEADERS is malformed at item 2 of 2: the key is not a valid header name."],
  ] as const)("%s", (variable, value, preset, message) => {
    vi.stubEnv(variable, value);
    expect(messageOf(() => createExporter(preset))).toContain(message);
  });

  it("accepts URL-encoded values with '=' and a trailing comma", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_HEADERS", "authorization=Basic%20YTpi==,x-team=a%2Cb,");
    void createExporter("otlp").shutdown();
  });

  it("rejects bad headers given in code", () => {
    expect(messageOf(() => createExporter("otlp", { headers: { "x-key": `${SECRET}\r\nx-injected: 1` } }))).toBe(
      'The "headers" option: the value of header "x-key" contains a line break or NUL.',
    );
    expect(messageOf(() => createExporter("otlp", { headers: { [`Bearer ${SECRET}`]: "x" } }))).toBe(
      'The "headers" option: header 1 does not have a valid header name.',
    );
  });
});

describe("malformed URLs say where they came from, never the URL", () => {
  it.each([
    ["OTEL_EXPORTER_OTLP_ENDPOINT", `not a url ${SECRET}`, "otlp"],
    ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", `ftp://user:${SECRET}@host/v1/traces`, "otlp"],
    ["OTEL_EXPORTER_OTLP_ENDPOINT", `://${SECRET}`, "jaeger"],
    ["LANGFUSE_BASE_URL", `langfuse ${SECRET}`, "langfuse"],
    ["PHOENIX_COLLECTOR_ENDPOINT", `http://[${SECRET}]`, "phoenix"],
    ["LMNR_BASE_URL", `http://exa mple.com/${SECRET}`, "laminar"],
    ["GRAFANA_CLOUD_OTLP_ENDPOINT", `gateway ${SECRET}`, "grafana"],
    ["TRACELOOP_BASE_URL", `https://exa mple.com/${SECRET}`, "traceloop"],
  ] as const)("%s for %s", (variable, value, preset) => {
    vi.stubEnv("LANGFUSE_PUBLIC_KEY", "pk");
    vi.stubEnv("LANGFUSE_SECRET_KEY", "sk-long-enough");
    vi.stubEnv("LMNR_PROJECT_API_KEY", "lmnr-key");
    vi.stubEnv("TRACELOOP_API_KEY", "tl-key");
    vi.stubEnv("GRAFANA_CLOUD_INSTANCE_ID", "1");
    vi.stubEnv("GRAFANA_CLOUD_API_KEY", "glc-token");
    vi.stubEnv(variable, value);
    expect(messageOf(() => createExporter(preset))).toMatch(new RegExp(`^The "${preset}" exporter preset got an invalid endpoint from ${variable}: expected `));
  });
});

describe("other settings", () => {
  it("an unknown export mode", () => {
    vi.stubEnv("GENAI_OTEL_EXPORT_MODE", "eventually");
    expect(messageOf(() => setupTracing({ presets: [], registerGlobal: false }))).toBe(
      'Unknown export mode "eventually" from GENAI_OTEL_EXPORT_MODE; expected "batched" or "immediate".',
    );
  });

  it("a file path whose directory does not exist", () => {
    expect(messageOf(() => createExporter("file", { path: "/no/such/dir/traces.jsonl" }))).toBe(
      'The "file" exporter preset got a path from option "path" whose directory does not exist: /no/such/dir/traces.jsonl',
    );
  });
});
