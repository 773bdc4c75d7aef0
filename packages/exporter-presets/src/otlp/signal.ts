/**
 * The OTLP signals genai-otel exports: spans and metrics. A preset computes its plan per signal
 * (the URL path and the standard variables differ); everything else is shared.
 */
export type OtlpSignal = "traces" | "metrics";

/** The signal's part of the standard variable names: `OTEL_EXPORTER_OTLP_<TRACES|METRICS>_*`. */
export function signalEnvName(signal: OtlpSignal, setting: "ENDPOINT" | "HEADERS" | "PROTOCOL" | "COMPRESSION" | "TIMEOUT"): string {
  return `OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_${setting}`;
}

/** The OTLP/HTTP path of the signal, relative to a collector's base URL: `v1/traces` or `v1/metrics`. */
export function signalPath(signal: OtlpSignal): string {
  return `v1/${signal}`;
}
