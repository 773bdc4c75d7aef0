import { diag } from "@opentelemetry/api";
import { getNumberFromEnv } from "@opentelemetry/core";
import { parseBoolean } from "@genai-otel/core-semconv/internal";
import { readEnv } from "../env";
import { PresetConfigurationError } from "../errors";

const DEFAULT_INTERVAL_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Whether and how often `setupTracing` exports metrics. */
export interface MetricsSettings {
  /** Whether the metrics-capable presets get a metric reader. */
  readonly enabled: boolean;
  /** Where `enabled` came from, for the debug log. */
  readonly source: string;
  /** Time between two exports. */
  readonly exportIntervalMillis: number;
  /** Longest an export may take; at most the interval. */
  readonly exportTimeoutMillis: number;
}

/**
 * Resolves the metrics settings:
 * - enabled: the `metrics` option > `GENAI_OTEL_METRICS` (`true`/`1`, `false`/`0`) >
 *   `OTEL_METRICS_EXPORTER=none` (disables) > true;
 * - interval: the `metricsExportIntervalMillis` option > `OTEL_METRIC_EXPORT_INTERVAL` > 60000 ms;
 * - timeout: `OTEL_METRIC_EXPORT_TIMEOUT` > 30000 ms, at most the interval.
 * @throws PresetConfigurationError for another value of `GENAI_OTEL_METRICS`, or an interval option
 *   that is not a positive number.
 */
export function resolveMetricsSettings(option: boolean | undefined, intervalOption: number | undefined): MetricsSettings {
  const { enabled, source } = resolveEnabled(option);
  if (intervalOption !== undefined && !(Number.isFinite(intervalOption) && intervalOption > 0)) {
    throw new PresetConfigurationError('The "metricsExportIntervalMillis" option must be a positive number of milliseconds.');
  }
  const exportIntervalMillis = intervalOption ?? positiveEnv("OTEL_METRIC_EXPORT_INTERVAL") ?? DEFAULT_INTERVAL_MS;
  const exportTimeoutMillis = Math.min(positiveEnv("OTEL_METRIC_EXPORT_TIMEOUT") ?? DEFAULT_TIMEOUT_MS, exportIntervalMillis);
  return { enabled, source, exportIntervalMillis, exportTimeoutMillis };
}

function resolveEnabled(option: boolean | undefined): { enabled: boolean; source: string } {
  if (option !== undefined) return { enabled: option, source: 'option "metrics"' };
  const raw = readEnv("GENAI_OTEL_METRICS");
  if (raw !== undefined) {
    const value = parseBoolean(raw);
    if (value !== undefined) return { enabled: value, source: "GENAI_OTEL_METRICS" };
    throw new PresetConfigurationError(`Unknown value "${raw}" of GENAI_OTEL_METRICS; expected true/1/yes or false/0/no.`);
  }
  if (readEnv("OTEL_METRICS_EXPORTER")?.toLowerCase() === "none") return { enabled: false, source: "OTEL_METRICS_EXPORTER=none" };
  return { enabled: true, source: "the default" };
}

function positiveEnv(name: string): number | undefined {
  const value = getNumberFromEnv(name);
  if (value === undefined) return undefined;
  if (value > 0) return value;
  diag.warn(`genai-otel: ignoring ${name}=${value}: expected a positive number of milliseconds.`);
  return undefined;
}
