import { getNumberFromEnv } from "@opentelemetry/core";
import { BatchSpanProcessor, type BufferConfig, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { type DestinationOptions, resolveDestinationOptions } from "./destination-options";
import { DestinationSpanProcessor } from "./export/destination-processor";
import { ReportingSpanExporter } from "./export/reporting-exporter";
import { SpanViewExporter } from "./export/span-view-exporter";
import type { PresetDefinition } from "./presets/define-preset";
import type { PresetName } from "./presets/registry";

/**
 * How spans leave the process:
 * - **batched**: queued and exported in the background in batches (BatchSpanProcessor); recommended
 *   for servers. The queue is bounded (`maxQueueSize`): when a destination cannot keep up, new
 *   spans are dropped and counted rather than held in memory.
 * - **immediate**: each span is exported as it ends (SimpleSpanProcessor); for serverless functions
 *   and short scripts that may be frozen or stopped right after their work. Still call
 *   `forceFlush()` before the function returns.
 */
export type ExportMode = "batched" | "immediate";

/** The batch processor's settings with the queue size resolved (needed to count drops). */
function resolveBatchConfig(batch: BufferConfig | undefined): BufferConfig & { maxQueueSize: number } {
  const maxQueueSize = batch?.maxQueueSize ?? getNumberFromEnv("OTEL_BSP_MAX_QUEUE_SIZE") ?? 2048;
  // A fresh object: the processor fills the other settings from OTEL_BSP_* into what it is given.
  return { ...batch, maxQueueSize };
}

/**
 * One destination of `setupTracing`: the preset's exporter wrapped for reporting, behind its own
 * span processor (so that a slow or failing destination does not hold back the others), with the
 * {@link DestinationOptions} every preset takes applied to this destination's copy only: its
 * `environment` / `release` resource attributes and its `spans` filter (applied before the queue).
 * The console preset always exports span by span.
 * @throws PresetConfigurationError from the preset, or for invalid destination options.
 */
export function createDestination(
  preset: PresetDefinition<never>,
  name: PresetName,
  options: object,
  mode: ExportMode,
  batch: BufferConfig | undefined,
): DestinationSpanProcessor {
  const { resourceOverrides, filter } = resolveDestinationOptions(name, options as DestinationOptions);
  const created = preset.create(options as never);
  const reporting = created instanceof ReportingSpanExporter ? created : new ReportingSpanExporter(created, name);
  const exporter = resourceOverrides === undefined ? reporting : new SpanViewExporter(reporting, { resourceOverrides });
  if (preset.processor === "simple" || mode === "immediate") {
    return new DestinationSpanProcessor(new SimpleSpanProcessor(exporter), reporting, undefined, filter);
  }
  const config = resolveBatchConfig(batch);
  return new DestinationSpanProcessor(new BatchSpanProcessor(exporter, config), reporting, config.maxQueueSize, filter);
}
