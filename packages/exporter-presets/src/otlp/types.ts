import type { DestinationOptions } from "../destination-options";
import type { MetricsTemporality } from "../metrics/temporality";

/**
 * OTLP transport encodings, as spelled by `OTEL_EXPORTER_OTLP_PROTOCOL`:
 * - `http/protobuf`: OTLP/HTTP, binary protobuf body (`@opentelemetry/exporter-trace-otlp-proto`).
 * - `http/json`: OTLP/HTTP, JSON body (`@opentelemetry/exporter-trace-otlp-http`).
 * - `grpc`: OTLP/gRPC (`@opentelemetry/exporter-trace-otlp-grpc`, loaded only when used).
 */
export type OtlpProtocol = "http/protobuf" | "http/json" | "grpc";

/** The OTLP protocols, in the order of {@link OtlpProtocol}. */
export const OTLP_PROTOCOLS: readonly OtlpProtocol[] = ["http/protobuf", "http/json", "grpc"];

/**
 * Transport options every OTLP preset accepts. Each overrides the matching standard environment
 * variable (code wins over environment, as in the OpenTelemetry exporters); what is not set here
 * is left to the exporter, which reads `OTEL_EXPORTER_OTLP_*` itself.
 */
export interface OtlpTransportOptions extends DestinationOptions {
  /**
   * Where to send spans. For OTLP/HTTP, the full traces URL (e.g. `http://localhost:4318/v1/traces`);
   * for gRPC, the server URL (e.g. `http://localhost:4317`; `http://` means plaintext, `https://`
   * or no scheme means TLS).
   * @defaultValue the preset's endpoint, unless `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or
   *   `OTEL_EXPORTER_OTLP_ENDPOINT` is set (see each preset for its own variables).
   */
  endpoint?: string;
  /**
   * Extra request headers (gRPC metadata for `grpc`); they win over the preset's headers and over
   * `OTEL_EXPORTER_OTLP_HEADERS` / `OTEL_EXPORTER_OTLP_TRACES_HEADERS` for the same name.
   * @defaultValue none
   */
  headers?: Readonly<Record<string, string>>;
  /**
   * Request body compression.
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_COMPRESSION` / `OTEL_EXPORTER_OTLP_COMPRESSION`, else the
   *   preset's default (`gzip` for New Relic), else `none`.
   */
  compression?: "gzip" | "none";
  /**
   * Timeout of one export request, in milliseconds.
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_TIMEOUT` / `OTEL_EXPORTER_OTLP_TIMEOUT`, else 10000.
   */
  timeoutMillis?: number;
}

/**
 * Metrics options of the presets whose backend takes OTLP metrics (`otlp`, `datadog`, `newrelic`,
 * `grafana`, `honeycomb`); `setupTracing` sends the GenAI metrics there unless `metrics: false`.
 * Headers, compression and timeout are shared with traces (`OTEL_EXPORTER_OTLP_METRICS_*` apply).
 */
export interface OtlpMetricsOptions {
  /**
   * Where to send metrics: for OTLP/HTTP the full metrics URL (e.g. `http://localhost:4318/v1/metrics`),
   * for gRPC the server URL.
   * @defaultValue the `endpoint` option with its `/v1/traces` as `/v1/metrics` (gRPC: the same
   *   server; an HTTP `endpoint` without `/v1/traces` means no metrics, with a diag warning, unless
   *   `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT` is set), else the preset's own endpoint with `/v1/metrics`,
   *   unless `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT` or `OTEL_EXPORTER_OTLP_ENDPOINT` (+ `/v1/metrics`) is set.
   */
  metricsEndpoint?: string;
  /**
   * Aggregation temporality of the metrics: `cumulative`, `delta` or `lowmemory`.
   * @defaultValue `OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE`, else the backend's preference:
   *   `delta` for `datadog` and `newrelic`, `cumulative` for the others.
   */
  metricsTemporality?: MetricsTemporality;
}
