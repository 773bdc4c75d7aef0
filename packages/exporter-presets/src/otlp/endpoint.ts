import { readFirstEnv } from "../env";
import { PresetConfigurationError } from "../errors";
import type { OtlpPlan } from "./plan";
import { type OtlpSignal, signalEnvName, signalPath } from "./signal";
import type { OtlpMetricsOptions, OtlpTransportOptions } from "./types";
import { joinUrl } from "./url";

const DEFAULT_HTTP_BASE_URL = "http://localhost:4318";
const DEFAULT_GRPC_URL = "http://localhost:4317";
const TRACES_PATH = /\/v1\/traces\/?$/;

/** An exporter's URL and where it came from (`option "endpoint"`, `NEW_RELIC_REGION`, …), for messages. */
export interface ResolvedEndpoint {
  readonly url: string;
  readonly source: string;
}

/**
 * The URL a preset's exporter for `signal` uses, with the precedence of the OpenTelemetry
 * exporters (code > environment > default):
 * - traces: `endpoint` option > the preset's own option or variable (`plan.endpoint`) >
 *   `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` > `OTEL_EXPORTER_OTLP_ENDPOINT` (+ `/v1/traces` for HTTP) >
 *   the preset default > the exporter default.
 * - metrics: `metricsEndpoint` option > the `endpoint` option with its `/v1/traces` turned into
 *   `/v1/metrics` (gRPC: the same server) > the preset's own endpoint (`plan.endpoint`, already
 *   computed for metrics) > `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT` > `OTEL_EXPORTER_OTLP_ENDPOINT`
 *   (+ `/v1/metrics`) > the preset default > the exporter default.
 *
 * @returns `undefined` only for metrics, when the `endpoint` option is an HTTP URL without
 *   `/v1/traces` (so where metrics go cannot be told) and neither `metricsEndpoint` nor
 *   `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT` says it.
 */
export function resolveEndpoint(plan: OtlpPlan, options: OtlpTransportOptions & OtlpMetricsOptions, signal: OtlpSignal): ResolvedEndpoint | undefined {
  const signalEnv = readFirstEnv(signalEnvName(signal, "ENDPOINT"));
  if (signal === "metrics" && nonBlank(options.metricsEndpoint)) return { url: options.metricsEndpoint.trim(), source: 'option "metricsEndpoint"' };
  if (nonBlank(options.endpoint)) {
    const url = options.endpoint.trim();
    if (signal === "traces" || plan.protocol === "grpc") return { url, source: 'option "endpoint"' };
    if (TRACES_PATH.test(url)) return { url: url.replace(TRACES_PATH, "/v1/metrics"), source: 'option "endpoint" (its /v1/traces as /v1/metrics)' };
    return signalEnv === undefined ? undefined : { url: signalEnv.value, source: signalEnv.name };
  }
  if (plan.endpoint !== undefined) return { url: plan.endpoint.url, source: plan.endpoint.source };
  if (signalEnv !== undefined) return { url: signalEnv.value, source: signalEnv.name };
  const general = readFirstEnv("OTEL_EXPORTER_OTLP_ENDPOINT");
  if (general !== undefined) return { url: plan.protocol === "grpc" ? general.value : joinUrl(general.value, signalPath(signal)), source: general.name };
  if (plan.defaultEndpoint !== undefined) return { url: plan.defaultEndpoint, source: `"${plan.preset}" preset default` };
  return { url: plan.protocol === "grpc" ? DEFAULT_GRPC_URL : joinUrl(DEFAULT_HTTP_BASE_URL, signalPath(signal)), source: "OpenTelemetry exporter default" };
}

/**
 * Checks the endpoint, and the standard endpoint variables of the signal even when they are not
 * used (the exporter parses them itself and would log a malformed one, credentials included).
 * @throws PresetConfigurationError naming where the bad URL came from, never the URL.
 */
export function validateEndpoints(plan: OtlpPlan, endpoint: ResolvedEndpoint, signal: OtlpSignal): void {
  validateEndpoint(plan, endpoint.url, endpoint.source);
  for (const name of [signalEnvName(signal, "ENDPOINT"), "OTEL_EXPORTER_OTLP_ENDPOINT"]) {
    const env = readFirstEnv(name);
    if (env !== undefined && env.name !== endpoint.source) validateEndpoint(plan, env.value, env.name);
  }
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

function nonBlank(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}
