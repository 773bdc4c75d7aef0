import { createExporter, PRESET_NAMES } from "@genai-otel/exporter-presets";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { configLine, usePresetEnv } from "./helpers";

const SECRET = "test-fake-key-s3cr3t";
// No secret value ever reaches a log line (checked after each test).
const { errorOf, make, log } = usePresetEnv(SECRET);

describe("preset names", () => {
  it("lists the known presets", () => {
    expect(PRESET_NAMES).toEqual([
      "console",
      "file",
      "otlp",
      "jaeger",
      "traceloop",
      "weave",
      "datadog",
      "datadog-llmobs",
      "newrelic",
      "grafana",
      "honeycomb",
      "langfuse",
      "phoenix",
      "laminar",
    ]);
  });

  it("rejects an unknown preset with the list of known names", () => {
    const error = errorOf(() => createExporter("zipkin" as never));
    expect(error.message).toBe(`Unknown exporter preset "zipkin". Known presets: ${PRESET_NAMES.join(", ")}.`);
  });
});

describe("missing credentials name the option and the variable, never a value", () => {
  it.each([
    ["traceloop", {}, /"apiKey" option or the TRACELOOP_API_KEY environment variable/],
    ["weave", { entity: "e", project: "p" }, /"apiKey" option or the WANDB_API_KEY environment variable/],
    ["weave", { apiKey: SECRET, project: "p" }, /"entity" option or the WANDB_ENTITY environment variable/],
    ["weave", { apiKey: SECRET, entity: "e" }, /"project" option or the WANDB_PROJECT environment variable/],
    ["newrelic", {}, /"licenseKey" option or the NEW_RELIC_LICENSE_KEY environment variable/],
  ] as const)("%s %o", (name, options, message) => {
    const error = errorOf(() => createExporter(name, options as never));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(SECRET);
    expect(error.preset).toBe(name);
  });

  it("accepts the credential from OTEL_EXPORTER_OTLP_HEADERS instead", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_HEADERS", `api-key=${SECRET}`);
    make("newrelic");
    expect(configLine(log().messages, "newrelic")).toContain("headers: api-key;");
  });

  it("accepts the credential from the headers option instead", () => {
    make("traceloop", { headers: { Authorization: `Bearer ${SECRET}` } });
    expect(configLine(log().messages, "traceloop")).toContain("headers: authorization;");
  });
});

describe("traceloop", () => {
  it("defaults to Traceloop cloud over OTLP/HTTP protobuf with a Bearer key", () => {
    vi.stubEnv("TRACELOOP_API_KEY", SECRET);
    make("traceloop");
    expect(configLine(log().messages, "traceloop")).toContain(
      'over http/protobuf to https://api.traceloop.com/v1/traces (endpoint from "traceloop" preset default); headers: authorization;',
    );
  });

  it("follows TRACELOOP_BASE_URL: http(s) → OTLP/HTTP, bare host → gRPC", () => {
    vi.stubEnv("TRACELOOP_API_KEY", SECRET);
    vi.stubEnv("TRACELOOP_BASE_URL", "https://collector.example.com/");
    make("traceloop");
    expect(configLine(log().messages, "traceloop")).toContain(
      "over http/protobuf to https://collector.example.com/v1/traces (endpoint from TRACELOOP_BASE_URL)",
    );
    log().messages.length = 0;
    make("traceloop", { baseUrl: "collector.example.com:4317" });
    expect(configLine(log().messages, "traceloop")).toContain('over grpc to https://collector.example.com:4317/ (endpoint from option "baseUrl")');
    log().messages.length = 0;
    make("traceloop", { baseUrl: "localhost:4317" });
    expect(configLine(log().messages, "traceloop")).toContain("over grpc to http://localhost:4317/");
  });

  it("lets TRACELOOP_HEADERS replace the Authorization header", () => {
    vi.stubEnv("TRACELOOP_HEADERS", `x-custom-auth=${SECRET},x-team=a%20b`);
    make("traceloop");
    expect(configLine(log().messages, "traceloop")).toContain("headers: x-custom-auth, x-team;");
  });
});

describe("weave", () => {
  beforeEach(() => {
    vi.stubEnv("WANDB_API_KEY", SECRET);
    vi.stubEnv("WANDB_ENTITY", "my-team");
    vi.stubEnv("WANDB_PROJECT", "my-project");
  });

  it("defaults to the multi-tenant endpoint with the key and project headers", () => {
    make("weave");
    expect(configLine(log().messages, "weave")).toContain(
      'over http/protobuf to https://trace.wandb.ai/otel/v1/traces (endpoint from "weave" preset default); headers: project_id, wandb-api-key;',
    );
  });

  it("uses /traces/otel/v1/traces on a dedicated host, and the cloud for a wandb.ai base URL", () => {
    vi.stubEnv("WANDB_BASE_URL", "https://acme.wandb.io");
    make("weave");
    expect(configLine(log().messages, "weave")).toContain("to https://acme.wandb.io/traces/otel/v1/traces (endpoint from WANDB_BASE_URL)");
    log().messages.length = 0;
    make("weave", { baseUrl: "https://api.wandb.ai" });
    expect(configLine(log().messages, "weave")).toContain("to https://trace.wandb.ai/otel/v1/traces");
  });

  it("warns when OTEL_EXPORTER_OTLP_PROTOCOL asks for what Weave does not accept", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
    make("weave");
    expect(log().text()).toContain('the "weave" preset does not support OTEL_EXPORTER_OTLP_PROTOCOL=grpc; using http/protobuf');
    expect(configLine(log().messages, "weave")).toContain("over http/protobuf");
  });
});

describe("datadog", () => {
  it("targets the local Agent: 4318 for HTTP, 4317 for gRPC", () => {
    make("datadog");
    expect(configLine(log().messages, "datadog")).toContain("over http/protobuf to http://localhost:4318/v1/traces");
    make("datadog", { protocol: "grpc" });
    expect(log().messages.filter((m) => m.includes('"datadog" exports over grpc to http://localhost:4317/'))).toHaveLength(1);
  });

  it("follows DD_AGENT_HOST and OTEL_EXPORTER_OTLP_PROTOCOL", () => {
    vi.stubEnv("DD_AGENT_HOST", "dd-agent");
    vi.stubEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");
    make("datadog");
    expect(configLine(log().messages, "datadog")).toContain("over http/json to http://dd-agent:4318/v1/traces (endpoint from DD_AGENT_HOST)");
  });

  it("rejects an unsupported protocol", () => {
    expect(errorOf(() => createExporter("datadog", { protocol: "thrift" as never })).message).toBe(
      'The "datadog" exporter preset does not support protocol "thrift"; supported: http/protobuf, http/json, grpc.',
    );
  });
});

describe("newrelic", () => {
  it("defaults to the US endpoint, api-key header, gzip and New Relic's limits", () => {
    make("newrelic", { licenseKey: SECRET });
    expect(configLine(log().messages, "newrelic")).toContain(
      'over http/protobuf to https://otlp.nr-data.net/v1/traces (endpoint from "newrelic" preset default); headers: api-key; compression: gzip; ' +
        "conventions: OpenTelemetry GenAI; attribute values cut at 4095 chars, arrays cut at 64 items, requests split above 1000000 bytes",
    );
  });

  it("picks the region from the option, NEW_RELIC_REGION, or an eu license key", () => {
    make("newrelic", { licenseKey: SECRET, region: "eu", protocol: "grpc" });
    expect(log().text()).toContain("over grpc to https://otlp.eu01.nr-data.net:4317/");
    vi.stubEnv("NEW_RELIC_REGION", "fedramp");
    make("newrelic", { licenseKey: SECRET });
    expect(log().text()).toContain("to https://gov-otlp.nr-data.net/v1/traces");
    vi.stubEnv("NEW_RELIC_REGION", undefined);
    make("newrelic", { licenseKey: `eu01xx${SECRET}` });
    expect(log().text()).toContain("to https://otlp.eu01.nr-data.net/v1/traces");
  });

  it("rejects an unknown region", () => {
    expect(errorOf(() => createExporter("newrelic", { licenseKey: SECRET, region: "mars" as never })).message).toBe(
      'The "newrelic" exporter preset got an unknown region "mars" from option "region"; known regions: us, eu, fedramp.',
    );
  });

  it("lets OTEL_EXPORTER_OTLP_COMPRESSION override the gzip default", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_COMPRESSION", "none");
    make("newrelic", { licenseKey: SECRET });
    expect(configLine(log().messages, "newrelic")).toContain("compression: none");
  });
});

describe("standard OTLP environment", () => {
  it("otlp: protocol and endpoint from the environment", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
    make("otlp");
    expect(configLine(log().messages, "otlp")).toContain(
      "over http/json to http://collector:4318/v1/traces (endpoint from OTEL_EXPORTER_OTLP_ENDPOINT)",
    );
  });

  it("otlp: the traces-specific variables win over the general ones", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");
    vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "grpc");
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://general:4317");
    vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4317");
    make("otlp");
    expect(configLine(log().messages, "otlp")).toContain("over grpc to http://traces:4317/ (endpoint from OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)");
  });

  it("otlp: defaults to http/protobuf on localhost:4318", () => {
    make("otlp");
    expect(configLine(log().messages, "otlp")).toContain("over http/protobuf to http://localhost:4318/v1/traces (endpoint from OpenTelemetry exporter default)");
  });

  it("overrides a vendor preset's default endpoint, but not an explicit endpoint option", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://relay:4318/v1/traces");
    make("newrelic", { licenseKey: SECRET });
    expect(configLine(log().messages, "newrelic")).toContain("to http://relay:4318/v1/traces (endpoint from OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)");
    log().messages.length = 0;
    make("newrelic", { licenseKey: SECRET, endpoint: "http://explicit:4318/v1/traces" });
    expect(configLine(log().messages, "newrelic")).toContain('to http://explicit:4318/v1/traces (endpoint from option "endpoint")');
  });

  it("lets an OTEL_EXPORTER_OTLP_HEADERS header replace the preset's header of the same name", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_HEADERS", `Wandb-Api-Key=${SECRET}`);
    make("weave", { entity: "e", project: "p" });
    expect(configLine(log().messages, "weave")).toContain("headers: project_id, wandb-api-key;");
  });

  it("ignores an unknown OTEL_EXPORTER_OTLP_PROTOCOL with a warning", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "carrier-pigeon");
    make("otlp");
    expect(log().text()).toContain('ignoring OTEL_EXPORTER_OTLP_PROTOCOL="carrier-pigeon"');
    expect(configLine(log().messages, "otlp")).toContain("over http/protobuf");
  });
});

describe("endpoints", () => {
  it("rejects an endpoint that is not a URL, without echoing it", () => {
    const error = errorOf(() => createExporter("otlp", { endpoint: `not a url ${SECRET}` }));
    expect(error.message).toBe('The "otlp" exporter preset got an invalid endpoint from option "endpoint": expected an http(s):// URL.');
  });

  it("logs endpoints without user info or query string", () => {
    make("otlp", { endpoint: `https://user:${SECRET}@collector.example.com/v1/traces?token=${SECRET}` });
    expect(configLine(log().messages, "otlp")).toContain("to https://collector.example.com/v1/traces (endpoint");
  });
});
