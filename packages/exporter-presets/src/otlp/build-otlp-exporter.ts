import { diag } from "@opentelemetry/api";
import { OTLPTraceExporter as HttpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as HttpProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { otlpEnvHeaders, readFirstEnv } from "../env";
import { PresetConfigurationError } from "../errors";
import { SpanViewExporter } from "../span-view-exporter";
import { LazyGrpcSpanExporter } from "./lazy-grpc-exporter";
import { joinUrl, type OtlpPlan } from "./plan";
import { redactUrl } from "./redact-url";
import type { OtlpTransportOptions } from "./types";

const DEFAULT_HTTP_URL = "http://localhost:4318/v1/traces";
const DEFAULT_GRPC_URL = "http://localhost:4317";

/**
 * Builds the OpenTelemetry OTLP exporter for a preset's plan. Precedence, per setting:
 * - endpoint: `options.endpoint` > the preset's own option/variable > `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`
 *   / `OTEL_EXPORTER_OTLP_ENDPOINT` (read by the exporter itself) > the preset default.
 * - headers: `options.headers` > `OTEL_EXPORTER_OTLP_*HEADERS` > the preset's headers.
 * - compression: `options.compression` > `OTEL_EXPORTER_OTLP_*COMPRESSION` > the preset default.
 * - timeout: `options.timeoutMillis` > `OTEL_EXPORTER_OTLP_*TIMEOUT` (read by the exporter).
 * Logs the result (endpoint without credentials, protocol, header names only) with `diag.debug`.
 * @throws PresetConfigurationError for an endpoint that is not a URL.
 */
export function buildOtlpExporter(plan: OtlpPlan, options: OtlpTransportOptions): SpanExporter {
  const { url, source } = resolveEndpoint(plan, options);
  if (url !== undefined) validateEndpoint(plan, url, source);

  const envHeaders = otlpEnvHeaders();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(plan.headers)) {
    if (!envHeaders.has(name.toLowerCase())) headers[name] = value;
  }
  Object.assign(headers, options.headers);

  const envCompression = readFirstEnv("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "OTEL_EXPORTER_OTLP_COMPRESSION");
  const compression = options.compression ?? (envCompression === undefined ? plan.compression : undefined);
  const config = {
    ...(url === undefined ? {} : { url }),
    headers,
    ...(compression === undefined ? {} : { compression }),
    ...(options.timeoutMillis === undefined ? {} : { timeoutMillis: options.timeoutMillis }),
  };

  let exporter: SpanExporter;
  if (plan.protocol === "grpc") exporter = new LazyGrpcSpanExporter(config);
  else if (plan.protocol === "http/json") exporter = new HttpJsonExporter(config as never);
  else exporter = new HttpProtobufExporter(config as never);

  logConfiguration(plan, url, source, [...Object.keys(headers), ...envHeaders.keys()], compression ?? envCompression?.value);

  const { attributeValueLengthLimit, resourceAttributes } = plan;
  if (attributeValueLengthLimit === undefined && resourceAttributes === undefined) return exporter;
  return new SpanViewExporter(exporter, { attributeValueLengthLimit, resourceAttributes });
}

/** The URL to pass to the exporter (`undefined` → it reads the environment or uses its default) and where it came from. */
function resolveEndpoint(plan: OtlpPlan, options: OtlpTransportOptions): { url: string | undefined; source: string } {
  if (options.endpoint !== undefined && options.endpoint.trim() !== "") return { url: options.endpoint.trim(), source: 'option "endpoint"' };
  if (plan.endpoint !== undefined) return { url: plan.endpoint.url, source: plan.endpoint.source };
  const env = readFirstEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT");
  if (env !== undefined) return { url: undefined, source: env.name };
  if (plan.defaultEndpoint !== undefined) return { url: plan.defaultEndpoint, source: `"${plan.preset}" preset default` };
  return { url: undefined, source: "OpenTelemetry exporter default" };
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

/** The endpoint the exporter will use, for the debug log; never includes credentials. */
function effectiveEndpoint(plan: OtlpPlan, url: string | undefined, source: string): string {
  if (url !== undefined) return redactUrl(url);
  const grpc = plan.protocol === "grpc";
  if (source === "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") return redactUrl(readFirstEnv(source)?.value ?? "");
  if (source === "OTEL_EXPORTER_OTLP_ENDPOINT") {
    const base = readFirstEnv(source)?.value ?? "";
    return redactUrl(grpc ? base : joinUrl(base, "v1/traces"));
  }
  return grpc ? DEFAULT_GRPC_URL : DEFAULT_HTTP_URL;
}

function logConfiguration(plan: OtlpPlan, url: string | undefined, source: string, headerNames: string[], compression: string | undefined): void {
  const names = [...new Set(headerNames.map((name) => name.toLowerCase()))].sort();
  diag.debug(
    `genai-otel: preset "${plan.preset}" exports over ${plan.protocol} to ${effectiveEndpoint(plan, url, source)} ` +
      `(endpoint from ${source}); headers: ${names.length > 0 ? names.join(", ") : "none"}; compression: ${compression ?? "none"}` +
      (plan.attributeValueLengthLimit === undefined ? "" : `; attribute values cut at ${plan.attributeValueLengthLimit} chars`),
  );
}
