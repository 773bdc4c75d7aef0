import { otlpEnvHeaders, readFirstEnv } from "../env";
import { secretsOf } from "../export/redact";
import { validateHeaders } from "../headers";
import { resolveEndpoint, validateEndpoints } from "./endpoint";
import type { OtlpPlan } from "./plan";
import { redactUrl } from "./redact-url";
import { type OtlpSignal, signalEnvName } from "./signal";
import type { OtlpMetricsOptions, OtlpTransportOptions } from "./types";

/** The configuration handed to an OpenTelemetry OTLP exporter (HTTP or gRPC) of one signal. */
export interface OtlpExporterConfig {
  url: string;
  headers: Record<string, string>;
  compression?: "gzip" | "none";
  timeoutMillis?: number;
}

/** Where and how one signal of a preset is sent, resolved from its plan, options and the environment. */
export interface OtlpTransport {
  /** For the OTLP exporter; the exporter adds the `OTEL_EXPORTER_OTLP_*HEADERS` itself. */
  readonly config: OtlpExporterConfig;
  /** Values that must never appear in a report: the credentials among all headers sent. */
  readonly secrets: readonly string[];
  /** For the debug log: protocol, endpoint without credentials and its source, header names, compression. */
  readonly description: string;
}

/**
 * Resolves a preset's transport for `signal`. Precedence, per setting:
 * - endpoint: see {@link resolveEndpoint};
 * - headers: `options.headers` > `OTEL_EXPORTER_OTLP_<SIGNAL>_HEADERS` > `OTEL_EXPORTER_OTLP_HEADERS` > the plan's headers;
 * - compression: `options.compression` > `OTEL_EXPORTER_OTLP_<SIGNAL>_COMPRESSION` / `…_COMPRESSION` > the plan's;
 * - timeout: `options.timeoutMillis` > `OTEL_EXPORTER_OTLP_<SIGNAL>_TIMEOUT` / `…_TIMEOUT` (read by the exporter).
 *
 * @returns `undefined` when no metrics endpoint can be told (see {@link resolveEndpoint}).
 * @throws PresetConfigurationError for an endpoint that is not a URL or malformed headers.
 */
export function resolveTransport(plan: OtlpPlan, options: OtlpTransportOptions & OtlpMetricsOptions, signal: OtlpSignal): OtlpTransport | undefined {
  const endpoint = resolveEndpoint(plan, options, signal);
  if (endpoint === undefined) return undefined;
  validateEndpoints(plan, endpoint, signal);
  if (options.headers !== undefined) validateHeaders(options.headers, 'The "headers" option', plan.preset);

  const envHeaders = otlpEnvHeaders(signal);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(plan.headers)) {
    if (!envHeaders.has(name.toLowerCase())) headers[name] = value;
  }
  Object.assign(headers, options.headers);

  const envCompression = readFirstEnv(signalEnvName(signal, "COMPRESSION"), "OTEL_EXPORTER_OTLP_COMPRESSION");
  const compression = options.compression ?? (envCompression === undefined ? plan.compression : undefined);
  const config: OtlpExporterConfig = {
    url: endpoint.url,
    headers,
    ...(compression === undefined ? {} : { compression }),
    ...(options.timeoutMillis === undefined ? {} : { timeoutMillis: options.timeoutMillis }),
  };
  const names = [...new Set([...Object.keys(headers), ...envHeaders.keys()].map((name) => name.toLowerCase()))].sort();
  const description =
    `${plan.protocol} to ${redactUrl(endpoint.url)} (endpoint from ${endpoint.source}); ` +
    `headers: ${names.length > 0 ? names.join(", ") : "none"}; compression: ${compression ?? envCompression?.value ?? "none"}`;
  return { config, secrets: secretsOf([...Object.entries(headers), ...envHeaders]), description };
}
