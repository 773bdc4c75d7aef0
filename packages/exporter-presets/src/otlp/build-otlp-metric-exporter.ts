import { diag } from "@opentelemetry/api";
import { OTLPMetricExporter as HttpJsonMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as HttpProtobufMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import type { PushMetricExporter } from "@opentelemetry/sdk-metrics";
import { ReportingMetricExporter } from "../export/reporting-metric-exporter";
import { type MetricsTemporality, resolveTemporality, temporalityPreference } from "../metrics/temporality";
import { guardedAgentFactory } from "./guarded-agent";
import { assertGrpcPackageInstalled } from "./grpc-packages";
import { LazyGrpcMetricExporter } from "./lazy-grpc-metric-exporter";
import type { OtlpPlan } from "./plan";
import { resolveTransport } from "./transport";
import type { OtlpMetricsOptions, OtlpTransportOptions } from "./types";

/**
 * Builds the OpenTelemetry OTLP metric exporter for a preset's metrics plan: the same resolution
 * of endpoint, headers, compression and timeout as for spans, with the `…_METRICS_…` variables
 * (see `resolveTransport`), and the temporality from the option, the environment or the backend's
 * preference. gRPC is loaded only when used. Logs the configuration with `diag.debug`.
 *
 * @param plan - the preset's plan for the `metrics` signal.
 * @param options - the preset's options.
 * @param preference - the temporality the backend prefers.
 * @returns the exporter, wrapped for reporting; `undefined` when an HTTP
 *   `endpoint` option has no `/v1/traces` to derive the metrics URL from and no metrics endpoint is set.
 * @throws PresetConfigurationError for an invalid endpoint, malformed headers, an unknown temporality, or
 *   gRPC without `@opentelemetry/exporter-metrics-otlp-grpc` installed (an optional peer dependency).
 */
export function buildOtlpMetricExporter(
  plan: OtlpPlan,
  options: OtlpTransportOptions & OtlpMetricsOptions,
  preference: MetricsTemporality,
): ReportingMetricExporter | undefined {
  const transport = resolveTransport(plan, options, "metrics");
  if (transport === undefined) return undefined;
  if (plan.protocol === "grpc") assertGrpcPackageInstalled(plan.preset, "metrics");
  const temporality = resolveTemporality(plan.preset, options.metricsTemporality, preference);
  const config = { ...transport.config, temporalityPreference: temporalityPreference(temporality.value) };

  let exporter: PushMetricExporter;
  if (plan.protocol === "grpc") exporter = new LazyGrpcMetricExporter(config, plan.preset);
  else if (plan.protocol === "http/json") exporter = new HttpJsonMetricExporter({ ...config, httpAgentOptions: guardedAgentFactory("metrics", transport.secrets) } as never);
  else exporter = new HttpProtobufMetricExporter({ ...config, httpAgentOptions: guardedAgentFactory("metrics", transport.secrets) } as never);

  diag.debug(
    `genai-otel: preset "${plan.preset}" exports metrics over ${transport.description}; ` +
      `temporality: ${temporality.value} (from ${temporality.source})`,
  );
  return new ReportingMetricExporter(exporter, plan.preset, temporality.value, transport.secrets);
}
