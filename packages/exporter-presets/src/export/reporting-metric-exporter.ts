import type { ExportResult } from "@opentelemetry/core";
import type { AggregationTemporalitySelector, PushMetricExporter, ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { type MetricsTemporality, temporalitySelector } from "../metrics/temporality";
import { ExportLedger } from "./export-report";

/** What happened to one destination's metrics so far. */
export interface MetricExportCounts {
  /** The aggregation temporality sent. */
  readonly temporality: MetricsTemporality;
  /** Data points the destination accepted. */
  readonly exportedPoints: number;
  /** Data points whose export failed (refused, timed out, unreachable, …): lost. */
  readonly failedPoints: number;
  /** Export requests that failed. */
  readonly failedExports: number;
  /** The last failure's message, with secrets removed. */
  readonly lastError?: string;
}

/**
 * The outermost wrapper of a preset's metric exporter, the metrics counterpart of
 * `ReportingSpanExporter`: it chooses the temporality (the reader asks it, per instrument), counts
 * the data points exported and lost, reports each failed export through `diag.warn` with the
 * destination's secrets removed, and hands the reader an error with the same redacted message
 * (the reader logs it too). Never throws into the caller.
 */
export class ReportingMetricExporter implements PushMetricExporter {
  private readonly ledger: ExportLedger;
  /** Asked by the metric reader for each instrument's temporality. */
  readonly selectAggregationTemporality: AggregationTemporalitySelector;

  /**
   * @param inner - the OTLP metric exporter.
   * @param preset - its preset's name, for reports.
   * @param temporality - the temporality to export with.
   * @param secrets - values that must never appear in a report (see `secretsOf`).
   */
  constructor(
    private readonly inner: PushMetricExporter,
    readonly preset: string,
    readonly temporality: MetricsTemporality,
    secrets: readonly string[] = [],
  ) {
    this.selectAggregationTemporality = temporalitySelector(temporality);
    this.ledger = new ExportLedger(preset, secrets, "metric point(s)", "metrics export");
  }

  /** The counters so far. */
  stats(): MetricExportCounts {
    const { exported, failed, failedExports, lastError } = this.ledger.counts();
    return { temporality: this.temporality, exportedPoints: exported, failedPoints: failed, failedExports, ...(lastError === undefined ? {} : { lastError }) };
  }

  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    this.ledger.send(countPoints(metrics), (done) => this.inner.export(metrics, done), resultCallback);
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}

function countPoints(metrics: ResourceMetrics): number {
  let points = 0;
  for (const scope of metrics.scopeMetrics) for (const metric of scope.metrics) points += metric.dataPoints.length;
  return points;
}
