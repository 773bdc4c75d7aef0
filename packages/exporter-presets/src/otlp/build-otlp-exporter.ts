import { diag } from "@opentelemetry/api";
import { OTLPTraceExporter as HttpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as HttpProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { withConventions } from "../conventions/translate";
import { otlpEnvHeaders, readFirstEnv } from "../env";
import { PresetConfigurationError } from "../errors";
import { secretsOf } from "../export/redact";
import { ReportingSpanExporter } from "../export/reporting-exporter";
import { SpanViewExporter } from "../export/span-view-exporter";
import { SplittingSpanExporter } from "../export/split-exporter";
import { validateHeaders } from "../headers";
import { LazyGrpcSpanExporter } from "./lazy-grpc-exporter";
import type { OtlpPlan } from "./plan";
import { redactUrl } from "./redact-url";
import type { OtlpTransportOptions } from "./types";
import { joinUrl } from "./url";

const DEFAULT_HTTP_URL = "http://localhost:4318/v1/traces";
const DEFAULT_GRPC_URL = "http://localhost:4317";

/**
 * Builds the OpenTelemetry OTLP exporter for a preset's plan. Precedence, per setting:
 * - endpoint: `options.endpoint` > the preset's own option/variable > `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`
 *   > `OTEL_EXPORTER_OTLP_ENDPOINT` (+ `/v1/traces` for HTTP) > the preset default.
 * - headers: `options.headers` > `OTEL_EXPORTER_OTLP_*HEADERS` > the preset's headers.
 * - compression: `options.compression` > `OTEL_EXPORTER_OTLP_*COMPRESSION` > the preset default.
 * - timeout: `options.timeoutMillis` > `OTEL_EXPORTER_OTLP_*TIMEOUT` (read by the exporter).
 *
 * The result sends each span as the backend reads it (conventions, limits, routing resource
 * attributes, request size), on its own copy, and reports failures without secrets (see
 * {@link ReportingSpanExporter}). Logs the configuration (endpoint without credentials, protocol,
 * header names only) with `diag.debug`.
 * @throws PresetConfigurationError for an endpoint that is not a URL or malformed headers.
 */
export function buildOtlpExporter(plan: OtlpPlan, options: OtlpTransportOptions): SpanExporter {
  const { url, source } = resolveEndpoint(plan, options);
  validateEndpoint(plan, url, source);
  // The exporter parses these itself (and would log a malformed one, credentials included): check them first.
  for (const name of ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"]) {
    const env = readFirstEnv(name);
    if (env !== undefined && env.name !== source) validateEndpoint(plan, env.value, env.name);
  }
  if (options.headers !== undefined) validateHeaders(options.headers, 'The "headers" option', plan.preset);

  const envHeaders = otlpEnvHeaders();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(plan.headers)) {
    if (!envHeaders.has(name.toLowerCase())) headers[name] = value;
  }
  Object.assign(headers, options.headers);

  const envCompression = readFirstEnv("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "OTEL_EXPORTER_OTLP_COMPRESSION");
  const compression = options.compression ?? (envCompression === undefined ? plan.compression : undefined);
  const config = {
    url,
    headers,
    ...(compression === undefined ? {} : { compression }),
    ...(options.timeoutMillis === undefined ? {} : { timeoutMillis: options.timeoutMillis }),
  };

  let exporter: SpanExporter;
  if (plan.protocol === "grpc") exporter = new LazyGrpcSpanExporter(config);
  else if (plan.protocol === "http/json") exporter = new HttpJsonExporter(config as never);
  else exporter = new HttpProtobufExporter(config as never);

  logConfiguration(plan, url, source, [...Object.keys(headers), ...envHeaders.keys()], compression ?? envCompression?.value);

  const { limits, resourceAttributes } = plan;
  if (limits?.maxRequestBytes !== undefined) exporter = new SplittingSpanExporter(exporter, limits.maxRequestBytes);
  if (limits?.attributeValueLength !== undefined || limits?.attributeArrayLength !== undefined || resourceAttributes !== undefined) {
    exporter = new SpanViewExporter(exporter, {
      attributeValueLength: limits?.attributeValueLength,
      attributeArrayLength: limits?.attributeArrayLength,
      resourceAttributes,
    });
  }
  exporter = withConventions(exporter, plan.conventions);
  const secrets = secretsOf([...Object.entries(headers), ...envHeaders]);
  return new ReportingSpanExporter(exporter, plan.preset, secrets);
}

/** The URL the exporter will use and where it came from. */
function resolveEndpoint(plan: OtlpPlan, options: OtlpTransportOptions): { url: string; source: string } {
  if (options.endpoint !== undefined && options.endpoint.trim() !== "") return { url: options.endpoint.trim(), source: 'option "endpoint"' };
  if (plan.endpoint !== undefined) return { url: plan.endpoint.url, source: plan.endpoint.source };
  const traces = readFirstEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  if (traces !== undefined) return { url: traces.value, source: traces.name };
  const general = readFirstEnv("OTEL_EXPORTER_OTLP_ENDPOINT");
  if (general !== undefined) return { url: plan.protocol === "grpc" ? general.value : joinUrl(general.value, "v1/traces"), source: general.name };
  if (plan.defaultEndpoint !== undefined) return { url: plan.defaultEndpoint, source: `"${plan.preset}" preset default` };
  return { url: plan.protocol === "grpc" ? DEFAULT_GRPC_URL : DEFAULT_HTTP_URL, source: "OpenTelemetry exporter default" };
}

function validateEndpoint(plan: OtlpPlan, url: string, source: string): void {
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url);
  let parsed: URL | undefined;
  try {
    parsed = new URL(hasScheme ? url : `https://${url}`);
  } catch {
    parsed = undefined;
  }
  const httpScheme = parsed !== undefined && (parsed.protocol === "http:" || parsed.protocol === "https:");
  const ok = plan.protocol === "grpc" ? parsed !== undefined && (httpScheme || !hasScheme || parsed.protocol === "unix:") : httpScheme && hasScheme;
  if (!ok) {
    const expected = plan.protocol === "grpc" ? "a gRPC server URL such as http://localhost:4317" : "an http(s):// URL";
    throw new PresetConfigurationError(`The "${plan.preset}" exporter preset got an invalid endpoint from ${source}: expected ${expected}.`, plan.preset);
  }
}

function logConfiguration(plan: OtlpPlan, url: string, source: string, headerNames: string[], compression: string | undefined): void {
  const names = [...new Set(headerNames.map((name) => name.toLowerCase()))].sort();
  const { limits } = plan;
  const cuts = [
    limits?.attributeValueLength === undefined ? "" : `attribute values cut at ${limits.attributeValueLength} chars`,
    limits?.attributeArrayLength === undefined ? "" : `arrays cut at ${limits.attributeArrayLength} items`,
    limits?.maxRequestBytes === undefined ? "" : `requests split above ${limits.maxRequestBytes} bytes`,
  ].filter((text) => text !== "");
  diag.debug(
    `genai-otel: preset "${plan.preset}" exports over ${plan.protocol} to ${redactUrl(url)} ` +
      `(endpoint from ${source}); headers: ${names.length > 0 ? names.join(", ") : "none"}; compression: ${compression ?? "none"}` +
      `; conventions: ${plan.conventions === "none" ? "OpenTelemetry GenAI" : plan.conventions}` +
      (cuts.length === 0 ? "" : `; ${cuts.join(", ")}`) +
      (plan.note === undefined ? "" : `; ${plan.note}`),
  );
}
