import { metrics } from "@opentelemetry/api";
import { MeterProvider, MetricReader, type ResourceMetrics } from "@opentelemetry/sdk-metrics";

class CollectingReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** A point of a collected histogram: its attributes and aggregated values. */
export interface CollectedHistogramPoint {
  attributes: Record<string, unknown>;
  count: number;
  sum: number;
  /** Bucket boundaries the SDK used. */
  boundaries: number[];
}

/** An in-memory metrics setup for tests. */
export interface TestMetrics {
  provider: MeterProvider;
  /** Collects now and returns every histogram point by metric name, with the metric's unit. */
  histograms(): Promise<Map<string, { unit: string; points: CollectedHistogramPoint[] }>>;
  shutdown(): Promise<void>;
}

/**
 * Creates a MeterProvider with a pull reader, registered globally unless `registerGlobal: false`.
 * Needs the optional peer `@opentelemetry/sdk-metrics`.
 */
export function createTestMetrics(options: { registerGlobal?: boolean } = {}): TestMetrics {
  const reader = new CollectingReader();
  const provider = new MeterProvider({ readers: [reader] });
  const registerGlobal = options.registerGlobal ?? true;
  if (registerGlobal) {
    metrics.disable();
    metrics.setGlobalMeterProvider(provider);
  }
  return {
    provider,
    async histograms() {
      const { resourceMetrics } = await reader.collect();
      const out = new Map<string, { unit: string; points: CollectedHistogramPoint[] }>();
      for (const scope of (resourceMetrics as ResourceMetrics).scopeMetrics) {
        for (const metric of scope.metrics) {
          const entry = out.get(metric.descriptor.name) ?? { unit: metric.descriptor.unit, points: [] };
          for (const dp of metric.dataPoints) {
            const v = dp.value as { count?: number; sum?: number; buckets?: { boundaries: number[] } };
            entry.points.push({ attributes: { ...dp.attributes }, count: v.count ?? 0, sum: v.sum ?? 0, boundaries: v.buckets?.boundaries ?? [] });
          }
          out.set(metric.descriptor.name, entry);
        }
      }
      return out;
    },
    async shutdown() {
      await provider.shutdown();
      if (registerGlobal) metrics.disable();
    },
  };
}
