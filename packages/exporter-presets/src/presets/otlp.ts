import { resolveProtocol } from "../otlp/plan";
import { OTLP_PROTOCOLS, type OtlpMetricsOptions, type OtlpProtocol, type OtlpTransportOptions } from "../otlp/types";
import { defineOtlpPreset } from "./define-preset";

/**
 * Options of the `otlp` preset: plain OTLP to any collector, Jaeger, or backend configured through
 * the standard `OTEL_EXPORTER_OTLP_*` variables. Every option falls back to those variables.
 */
export interface OtlpPresetOptions extends OtlpTransportOptions, OtlpMetricsOptions {
  /**
   * Exporter to use (for metrics too).
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` (metrics: `OTEL_EXPORTER_OTLP_METRICS_PROTOCOL`) /
   *   `OTEL_EXPORTER_OTLP_PROTOCOL`, else `"http/protobuf"`
   *   (the OTLP spec default). The endpoint defaults to `http://localhost:4318/v1/traces` for HTTP and
   *   `http://localhost:4317` for gRPC, unless `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` / `OTEL_EXPORTER_OTLP_ENDPOINT` is set.
   */
  protocol?: OtlpProtocol;
}

/**
 * The `otlp` preset: the OpenTelemetry OTLP exporters as configured by the standard environment.
 * Metrics go to the same collector (`/v1/metrics`), cumulative unless configured otherwise.
 */
export const otlpPreset = defineOtlpPreset<OtlpPresetOptions>(
  "otlp",
  (options, signal) => ({
    preset: "otlp",
    protocol: resolveProtocol("otlp", options.protocol, OTLP_PROTOCOLS, "http/protobuf", signal),
    headers: {},
    conventions: "none",
  }),
  { temporality: "cumulative" },
);
