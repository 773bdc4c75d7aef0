import type { PushMetricExporter } from "@opentelemetry/sdk-metrics";
import { PresetConfigurationError } from "./errors";
import { getPreset, METRICS_PRESET_NAMES, type MetricsPresetName, type PresetOptionsMap } from "./presets/registry";

/**
 * Creates the OTLP metric exporter of a preset whose backend takes metrics, for use with your own
 * MeterProvider or NodeSDK (in a `PeriodicExportingMetricReader`, as {@link setupTracing} does). It
 * uses the preset's endpoint (with `/v1/metrics`), auth headers and protocol, the standard
 * `OTEL_EXPORTER_OTLP_METRICS_*` variables, and tells the reader the temporality the backend
 * prefers (see `OtlpMetricsOptions`).
 *
 * @param name - `"otlp"`, `"datadog"`, `"newrelic"`, `"grafana"` or `"honeycomb"`.
 * @param options - the preset's options (see {@link PresetOptionsMap}).
 * @returns a new exporter; shut it down (or its reader) when done.
 * @throws PresetConfigurationError for a preset whose backend takes no OTLP metrics (listing those
 *   that do), a missing credential, an invalid endpoint, or an HTTP `endpoint` option without
 *   `/v1/traces` when no metrics endpoint is set. Messages never contain secret values.
 */
export function createMetricExporter<Name extends MetricsPresetName>(name: Name, options?: PresetOptionsMap[Name]): PushMetricExporter {
  const support = getPreset<Name>(name).metrics;
  if (support === undefined) {
    throw new PresetConfigurationError(`The "${name}" exporter preset sends no metrics; presets that do: ${METRICS_PRESET_NAMES.join(", ")}.`, name);
  }
  const exporter = support.create(options ?? ({} as PresetOptionsMap[Name]));
  if (exporter === undefined) {
    throw new PresetConfigurationError(
      `The "${name}" exporter preset cannot tell where to send metrics: its "endpoint" option has no /v1/traces; set the "metricsEndpoint" option or OTEL_EXPORTER_OTLP_METRICS_ENDPOINT.`,
      name,
    );
  }
  return exporter;
}
