import { diag } from "@opentelemetry/api";
import { MissingCredentialError, PresetConfigurationError } from "../errors";
import type { ReportingMetricExporter } from "../export/reporting-metric-exporter";
import { getPreset, type PresetName } from "../presets/registry";

/**
 * The metric exporter of one destination of `setupTracing`: `undefined` for a preset whose
 * backend takes no OTLP metrics, and (with a diag warning) when its metrics endpoint cannot be told
 * or its credential reaches spans only (through `OTEL_EXPORTER_OTLP_TRACES_HEADERS`): metrics are on
 * by default, so they must not break a configuration that is valid for spans.
 * @throws PresetConfigurationError when the metrics configuration is invalid (a metrics endpoint,
 *   header list or temporality), saying how to send spans only.
 */
export function createMetricDestination(name: PresetName, options: object): ReportingMetricExporter | undefined {
  const support = getPreset(name).metrics;
  if (support === undefined) return undefined;
  let exporter: ReportingMetricExporter | undefined;
  try {
    exporter = support.create(options as never);
  } catch (error) {
    if (error instanceof MissingCredentialError) {
      diag.warn(`genai-otel: preset "${name}" sends no metrics: ${error.message}`);
      return undefined;
    }
    if (!(error instanceof PresetConfigurationError)) throw error;
    throw new PresetConfigurationError(
      `${error.message} (while configuring metrics; set the "metrics" option to false or GENAI_OTEL_METRICS=false to send spans only)`,
      error.preset,
    );
  }
  if (exporter === undefined) {
    diag.warn(
      `genai-otel: preset "${name}" sends no metrics: its "endpoint" option has no /v1/traces to derive the metrics URL from; ` +
        `set the "metricsEndpoint" option or OTEL_EXPORTER_OTLP_METRICS_ENDPOINT.`,
    );
  }
  return exporter;
}
