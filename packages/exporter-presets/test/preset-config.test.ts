import { createExporter } from "@genai-otel/exporter-presets";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { configLine, usePresetEnv } from "./helpers";

const SECRET = "fake-secret-s3cr3t-value";
const { messageOf, make, log } = usePresetEnv(SECRET);

/** Creates the exporter and returns its configuration debug line. */
function line(...args: Parameters<typeof createExporter>): string {
  log().messages.length = 0;
  make(...args);
  return configLine(log().messages, args[0]);
}

describe("jaeger", () => {
  it("targets a local collector, HTTP on 4318 or gRPC on 4317, and points at the UI", () => {
    expect(line("jaeger")).toContain("over http/protobuf to http://localhost:4318/v1/traces");
    expect(line("jaeger", { protocol: "grpc", host: "jaeger" })).toContain('over grpc to http://jaeger:4317/ (endpoint from option "host")');
    vi.stubEnv("JAEGER_HOST", "tracing");
    expect(line("jaeger")).toContain("to http://tracing:4318/v1/traces (endpoint from JAEGER_HOST); headers: none; compression: none; conventions: OpenTelemetry GenAI; traces in the Jaeger UI at http://tracing:16686");
  });
});

describe("datadog-llmobs", () => {
  it("sends to otlp.<site> with dd-api-key, dd-otlp-source and dd-ml-app", () => {
    vi.stubEnv("DD_API_KEY", SECRET);
    vi.stubEnv("DD_LLMOBS_ML_APP", "support-bot");
    expect(line("datadog-llmobs")).toContain(
      'over http/protobuf to https://otlp.datadoghq.com/v1/traces (endpoint from "datadog-llmobs" preset default); headers: dd-api-key, dd-ml-app, dd-otlp-source; compression: none; conventions: datadog',
    );
    vi.stubEnv("DD_SITE", "datadoghq.eu");
    expect(line("datadog-llmobs")).toContain("to https://otlp.datadoghq.eu/v1/traces");
    expect(line("datadog-llmobs", { site: "ap1.datadoghq.com" })).toContain("to https://otlp.ap1.datadoghq.com/v1/traces");
  });

  it("rejects gov and unknown sites, gRPC, a missing key and a missing ML app", () => {
    vi.stubEnv("DD_API_KEY", SECRET);
    expect(messageOf(() => createExporter("datadog-llmobs"))).toContain(
      'needs the name of your ML application (LLM Observability\'s ml_app): set the "mlApp" option or the DD_LLMOBS_ML_APP environment variable',
    );
    expect(line("datadog-llmobs", { mlApp: "support-bot" })).toContain("dd-ml-app");
    vi.stubEnv("DD_LLMOBS_ML_APP", "support-bot");
    vi.stubEnv("DD_SITE", "ddog-gov.com");
    expect(messageOf(() => createExporter("datadog-llmobs"))).toContain("not available on the US1-FED (ddog-gov.com) site");
    expect(messageOf(() => createExporter("datadog-llmobs", { site: "example.com" as never }))).toContain(
      'unknown Datadog site "example.com" from option "site"; known sites: datadoghq.com, us3.datadoghq.com',
    );
    expect(messageOf(() => createExporter("datadog-llmobs", { site: "datadoghq.com", protocol: "grpc" as never }))).toContain(
      'does not support protocol "grpc"; supported: http/protobuf, http/json',
    );
    vi.stubEnv("DD_API_KEY", undefined);
    expect(messageOf(() => createExporter("datadog-llmobs", { site: "datadoghq.com" }))).toContain(
      '"apiKey" option or the DD_API_KEY environment variable, or send a "dd-api-key" header',
    );
  });
});

describe("grafana", () => {
  beforeEach(() => {
    vi.stubEnv("GRAFANA_CLOUD_INSTANCE_ID", "123456");
    vi.stubEnv("GRAFANA_CLOUD_API_KEY", SECRET);
  });

  it("builds the gateway URL from the zone, or takes the stack's endpoint", () => {
    vi.stubEnv("GRAFANA_CLOUD_ZONE", "prod-eu-west-2");
    expect(line("grafana")).toContain(
      "over http/protobuf to https://otlp-gateway-prod-eu-west-2.grafana.net/otlp/v1/traces (endpoint from GRAFANA_CLOUD_ZONE); headers: authorization;",
    );
    expect(line("grafana", { baseUrl: "https://otlp-gateway-prod-us-east-0.grafana.net/otlp/" })).toContain(
      'to https://otlp-gateway-prod-us-east-0.grafana.net/otlp/v1/traces (endpoint from option "baseUrl")',
    );
  });

  it("asks for what is missing", () => {
    expect(messageOf(() => createExporter("grafana"))).toContain('set the "zone" option or GRAFANA_CLOUD_ZONE');
    vi.stubEnv("GRAFANA_CLOUD_ZONE", "prod-eu-west-2");
    vi.stubEnv("GRAFANA_CLOUD_API_KEY", undefined);
    expect(messageOf(() => createExporter("grafana"))).toContain('"token" option or the GRAFANA_CLOUD_API_KEY environment variable');
    expect(messageOf(() => createExporter("grafana", { token: SECRET, zone: "prod eu" }))).toContain("invalid zone from option \"zone\"");
  });
});

describe("honeycomb", () => {
  beforeEach(() => vi.stubEnv("HONEYCOMB_API_KEY", SECRET));

  it("US by default, EU by region or HONEYCOMB_API_ENDPOINT, gRPC on 443", () => {
    expect(line("honeycomb")).toContain("over http/protobuf to https://api.honeycomb.io/v1/traces");
    expect(line("honeycomb", { region: "eu" })).toContain('to https://api.eu1.honeycomb.io/v1/traces (endpoint from option "region")');
    expect(line("honeycomb", { region: "eu", protocol: "grpc" })).toContain("over grpc to https://api.eu1.honeycomb.io/ (endpoint from option \"region\")");
    vi.stubEnv("HONEYCOMB_API_ENDPOINT", "https://api.eu1.honeycomb.io");
    expect(line("honeycomb", { protocol: "http/json" })).toContain("over http/json to https://api.eu1.honeycomb.io/v1/traces (endpoint from HONEYCOMB_API_ENDPOINT)");
  });

  it("sends the dataset header for Honeycomb Classic only when asked", () => {
    expect(line("honeycomb")).toContain("headers: x-honeycomb-team;");
    expect(line("honeycomb", { dataset: "llm" })).toContain("headers: x-honeycomb-dataset, x-honeycomb-team;");
    expect(messageOf(() => createExporter("honeycomb", { region: "apac" as never }))).toContain('unknown region "apac" from option "region"; known regions: us, eu');
  });
});

describe("langfuse", () => {
  beforeEach(() => {
    vi.stubEnv("LANGFUSE_PUBLIC_KEY", "pk-lf-1");
    vi.stubEnv("LANGFUSE_SECRET_KEY", SECRET);
  });

  it("EU cloud by default; US, JP and HIPAA regions; self-hosted through LANGFUSE_BASE_URL or its older names", () => {
    expect(line("langfuse")).toContain(
      'over http/protobuf to https://cloud.langfuse.com/api/public/otel/v1/traces (endpoint from "langfuse" preset default); headers: authorization, x-langfuse-ingestion-version;',
    );
    expect(line("langfuse", { region: "us" })).toContain("to https://us.cloud.langfuse.com/api/public/otel/v1/traces");
    expect(line("langfuse", { region: "jp" })).toContain("to https://jp.cloud.langfuse.com/api/public/otel/v1/traces");
    expect(line("langfuse", { region: "hipaa" })).toContain("to https://hipaa.cloud.langfuse.com/api/public/otel/v1/traces");
    vi.stubEnv("LANGFUSE_HOST", "http://localhost:3000");
    expect(line("langfuse")).toContain("to http://localhost:3000/api/public/otel/v1/traces (endpoint from LANGFUSE_HOST)");
    vi.stubEnv("LANGFUSE_BASE_URL", "https://langfuse.internal/");
    expect(line("langfuse")).toContain("to https://langfuse.internal/api/public/otel/v1/traces (endpoint from LANGFUSE_BASE_URL)");
    expect(line("langfuse", { region: "us" })).toContain("to https://us.cloud.langfuse.com/");
  });

  it("needs both keys, and takes no gRPC", () => {
    vi.stubEnv("LANGFUSE_SECRET_KEY", undefined);
    expect(messageOf(() => createExporter("langfuse"))).toContain('"secretKey" option or the LANGFUSE_SECRET_KEY environment variable');
    expect(messageOf(() => createExporter("langfuse", { secretKey: SECRET, protocol: "grpc" as never }))).toContain('does not support protocol "grpc"');
  });
});

describe("phoenix", () => {
  it("local by default (HTTP 6006, gRPC 4317 or PHOENIX_GRPC_PORT), no key needed", () => {
    expect(line("phoenix")).toContain(
      'over http/protobuf to http://localhost:6006/v1/traces (endpoint from "phoenix" preset default); headers: none; compression: none; conventions: openinference',
    );
    expect(line("phoenix", { protocol: "grpc" })).toContain("over grpc to http://localhost:4317/");
    vi.stubEnv("PHOENIX_GRPC_PORT", "14317");
    expect(line("phoenix", { protocol: "grpc" })).toContain("over grpc to http://localhost:14317/");
    vi.stubEnv("PHOENIX_GRPC_PORT", "not-a-port");
    expect(messageOf(() => createExporter("phoenix", { protocol: "grpc" }))).toContain("invalid PHOENIX_GRPC_PORT");
  });

  it("Phoenix Cloud by space or PHOENIX_COLLECTOR_ENDPOINT needs an API key and HTTP", () => {
    expect(messageOf(() => createExporter("phoenix", { space: "my-space" }))).toContain(
      'needs an API key for Phoenix Cloud: set the "apiKey" option or the PHOENIX_API_KEY environment variable',
    );
    vi.stubEnv("PHOENIX_API_KEY", SECRET);
    expect(line("phoenix", { space: "my-space" })).toContain(
      'to https://app.phoenix.arize.com/s/my-space/v1/traces (endpoint from option "space"); headers: authorization;',
    );
    vi.stubEnv("PHOENIX_COLLECTOR_ENDPOINT", "https://app.phoenix.arize.com/s/team/v1/traces");
    expect(line("phoenix")).toContain("to https://app.phoenix.arize.com/s/team/v1/traces (endpoint from PHOENIX_COLLECTOR_ENDPOINT)");
    expect(messageOf(() => createExporter("phoenix", { protocol: "grpc" }))).toContain('does not support protocol "grpc"; supported: http/protobuf');
  });
});

describe("laminar", () => {
  beforeEach(() => vi.stubEnv("LMNR_PROJECT_API_KEY", SECRET));

  it("cloud: HTTP on 443, gRPC on 8443; self-hosted: 8000 and 8001 unless the URL has a port", () => {
    expect(line("laminar")).toContain('over http/protobuf to https://api.lmnr.ai/v1/traces (endpoint from "laminar" preset default); headers: authorization;');
    expect(line("laminar", { protocol: "grpc" })).toContain("over grpc to https://api.lmnr.ai:8443/");
    vi.stubEnv("LMNR_BASE_URL", "http://localhost");
    expect(line("laminar")).toContain("to http://localhost:8000/v1/traces (endpoint from LMNR_BASE_URL)");
    expect(line("laminar", { protocol: "grpc" })).toContain("over grpc to http://localhost:8001/");
    expect(line("laminar", { baseUrl: "http://lmnr.internal:9000" })).toContain('to http://lmnr.internal:9000/v1/traces (endpoint from option "baseUrl")');
  });

  it("takes no OTLP/JSON", () => {
    expect(messageOf(() => createExporter("laminar", { protocol: "http/json" as never }))).toContain('does not support protocol "http/json"; supported: http/protobuf, grpc');
  });
});

describe("traceloop", () => {
  it("is translated to the OpenLLMetry conventions", () => {
    vi.stubEnv("TRACELOOP_API_KEY", SECRET);
    expect(line("traceloop")).toContain("conventions: traceloop");
  });
});

describe("the standard OTLP variables still override the vendor defaults", () => {
  it.each([
    ["honeycomb", { HONEYCOMB_API_KEY: SECRET }],
    ["langfuse", { LANGFUSE_PUBLIC_KEY: "pk", LANGFUSE_SECRET_KEY: SECRET }],
    ["phoenix", {}],
    ["laminar", { LMNR_PROJECT_API_KEY: SECRET }],
    ["datadog-llmobs", { DD_API_KEY: SECRET, DD_LLMOBS_ML_APP: "app" }],
    ["jaeger", {}],
  ] as const)("%s", (name, env) => {
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://relay:4318/v1/traces");
    vi.stubEnv("OTEL_EXPORTER_OTLP_COMPRESSION", "gzip");
    vi.stubEnv("OTEL_EXPORTER_OTLP_HEADERS", "x-relay=1");
    expect(line(name)).toContain("to http://relay:4318/v1/traces (endpoint from OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)");
    expect(line(name)).toContain("compression: gzip");
    expect(line(name)).toMatch(/headers: [^;]*x-relay/);
  });
});
