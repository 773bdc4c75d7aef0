import type { Resource } from "@opentelemetry/resources";
import type { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import type { DestinationStats } from "../export/destination-processor";
import type { PresetName } from "../presets/names";
import type { SetupTracingOptions } from "../setup-options";

/**
 * Options of the edge `setupTracing`: those of the Node entry's, without the Node-only ones
 * (`metrics`, `metricsExportIntervalMillis`, `flushOnExit`). `presets` may not name `file`, and
 * OTLP presets must use `http/protobuf` or `http/json`.
 */
export type EdgeSetupTracingOptions = Omit<SetupTracingOptions, "metrics" | "metricsExportIntervalMillis" | "flushOnExit">;

/** What the edge `setupTracing` returns. */
export interface EdgeTracingSetup {
  /** The tracer provider (`BasicTracerProvider`); use `tracerProvider.getTracer(...)` when not registered globally. */
  readonly tracerProvider: BasicTracerProvider;
  /** The resource every span carries. */
  readonly resource: Resource;
  /** The presets in use, in order. */
  readonly presets: readonly PresetName[];
  /** Per destination, what happened to its spans so far (exported, failed, dropped, queued). */
  stats(): DestinationStats[];
  /**
   * Exports every span that has ended so far. Never rejects. Pass it to `ctx.waitUntil(tracing.flush())`
   * (Workers) or `after(tracing.flush)` (Next.js / Vercel) so the export outlives the response.
   */
  flush(): Promise<void>;
  /** The same as {@link EdgeTracingSetup.flush}, for code written against the Node entry. */
  forceFlush(): Promise<void>;
  /**
   * Flushes and stops all exporters; if registered globally, unregisters the tracer provider and
   * propagator. Idempotent; never rejects (there is no context manager to disable).
   */
  shutdown(): Promise<void>;
}
