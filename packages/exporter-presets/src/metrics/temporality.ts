import { diag } from "@opentelemetry/api";
import {
  AggregationTemporalityPreference,
  CumulativeTemporalitySelector,
  DeltaTemporalitySelector,
  LowMemoryTemporalitySelector,
} from "@opentelemetry/exporter-metrics-otlp-http";
import type { AggregationTemporalitySelector } from "@opentelemetry/sdk-metrics";
import { readEnv } from "../env";
import { PresetConfigurationError } from "../errors";

/**
 * Aggregation temporality of the exported metrics, as spelled by
 * `OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE`:
 * - `cumulative`: every point since the start (Prometheus/Mimir-style backends);
 * - `delta`: each point covers one export interval (counters, histograms), as Datadog and New Relic prefer;
 * - `lowmemory`: delta for synchronous counters and histograms, cumulative for the rest.
 * The GenAI metrics are histograms: delta for `delta` and `lowmemory`.
 */
export type MetricsTemporality = "cumulative" | "delta" | "lowmemory";

const VALUES: readonly MetricsTemporality[] = ["cumulative", "delta", "lowmemory"];
const ENV = "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE";

/**
 * The temporality of a preset's metrics: the option > `OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE`
 * (an unknown value is ignored with a diag warning, as the OpenTelemetry exporters do) > the backend's preference.
 * @throws PresetConfigurationError when the option is not a known temporality.
 */
export function resolveTemporality(preset: string, option: string | undefined, preference: MetricsTemporality): { value: MetricsTemporality; source: string } {
  if (option !== undefined) {
    const value = option.trim().toLowerCase();
    if (isTemporality(value)) return { value, source: 'option "metricsTemporality"' };
    throw new PresetConfigurationError(`The "${preset}" exporter preset got an unknown metrics temporality "${option}"; expected one of ${VALUES.join(", ")}.`, preset);
  }
  const env = readEnv(ENV);
  if (env !== undefined) {
    const value = env.toLowerCase();
    if (isTemporality(value)) return { value, source: ENV };
    diag.warn(`genai-otel: ignoring ${ENV}="${env}": expected one of ${VALUES.join(", ")}.`);
  }
  return { value: preference, source: `"${preset}" preset default` };
}

/** The selector a metric reader asks for each instrument's temporality. */
export function temporalitySelector(temporality: MetricsTemporality): AggregationTemporalitySelector {
  if (temporality === "delta") return DeltaTemporalitySelector;
  if (temporality === "lowmemory") return LowMemoryTemporalitySelector;
  return CumulativeTemporalitySelector;
}

/** The OTLP metric exporters' spelling of the temporality. */
export function temporalityPreference(temporality: MetricsTemporality): AggregationTemporalityPreference {
  if (temporality === "delta") return AggregationTemporalityPreference.DELTA;
  if (temporality === "lowmemory") return AggregationTemporalityPreference.LOWMEMORY;
  return AggregationTemporalityPreference.CUMULATIVE;
}

function isTemporality(value: string): value is MetricsTemporality {
  return (VALUES as readonly string[]).includes(value);
}
