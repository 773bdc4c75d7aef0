import { diag, metrics } from "@opentelemetry/api";
import type { Resource } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import type { ReportingMetricExporter } from "../export/reporting-metric-exporter";
import type { MetricsSettings } from "./settings";

/**
 * The metrics side of `setupTracing`: a MeterProvider with one periodic reader per metrics
 * destination (so that a slow or failing destination does not hold back the others), with the
 * spans' resource, and its global registration. No MeterProvider at all when no destination takes
 * metrics. Flush and shutdown never reject: the readers report failed exports themselves.
 */
export class MetricsPipeline {
  /** `undefined` when no destination takes metrics (or metrics are off). */
  readonly meterProvider: MeterProvider | undefined;
  private registered = false;

  /**
   * @param resource - the resource of the spans.
   * @param exporters - the destinations' metric exporters (`undefined` entries are skipped).
   * @param settings - export interval and timeout.
   */
  constructor(resource: Resource, exporters: readonly (ReportingMetricExporter | undefined)[], settings: MetricsSettings) {
    const { exportIntervalMillis, exportTimeoutMillis } = settings;
    const readers = exporters
      .filter((exporter) => exporter !== undefined)
      .map((exporter) => new PeriodicExportingMetricReader({ exporter, exportIntervalMillis, exportTimeoutMillis }));
    this.meterProvider = readers.length === 0 ? undefined : new MeterProvider({ resource, readers });
  }

  /**
   * Makes the MeterProvider the global one, where `@opentelemetry/api`'s `metrics` (and so
   * `GenAIMetrics`) records. Warns when another one is registered already.
   */
  register(): void {
    if (this.meterProvider === undefined) return;
    this.registered = metrics.setGlobalMeterProvider(this.meterProvider);
    if (!this.registered) {
      diag.warn(
        "genai-otel: another global MeterProvider is registered, so GenAI metrics recorded through the global API go there; " +
          "pass tracing.meterProvider to GenAIMetrics, or set up metrics once.",
      );
    }
  }

  /** Collects and exports the metrics on every destination now. Never rejects. */
  async forceFlush(): Promise<void> {
    await this.meterProvider?.forceFlush().catch((error: unknown) => diag.warn("genai-otel: metrics forceFlush failed", error));
  }

  /** Exports a last time, stops the readers and unregisters the global MeterProvider if it is ours. Never rejects. */
  async shutdown(): Promise<void> {
    await this.meterProvider?.shutdown().catch((error: unknown) => diag.warn("genai-otel: metrics shutdown failed", error));
    if (this.registered && metrics.getMeterProvider() === this.meterProvider) metrics.disable();
    this.registered = false;
  }
}
