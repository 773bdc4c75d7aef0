import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { buildOtlpExporter } from "../otlp/build-otlp-exporter";
import type { OtlpPlan } from "../otlp/plan";
import type { OtlpTransportOptions } from "../otlp/types";

/**
 * A named preset: how to build its exporter and which span processor suits it. Adding a backend
 * is one file that exports a definition (usually via {@link defineOtlpPreset}) plus one line in
 * `presets/registry.ts`.
 */
export interface PresetDefinition<Options> {
  /** The name users select it by (`GENAI_OTEL_PRESET`, `presets`, `createExporter`). */
  readonly name: string;
  /**
   * `simple` exports each span as it ends (console: immediate feedback); `batch` queues spans
   * for a background export (network backends), configurable with `OTEL_BSP_*`.
   */
  readonly processor: "simple" | "batch";
  /** Builds the exporter; throws PresetConfigurationError when options/env are incomplete. */
  readonly create: (options: Options) => SpanExporter;
}

/**
 * Defines an OTLP preset from a function that turns its options (and its own environment
 * variables) into an {@link OtlpPlan}; the standard OTLP environment and the common transport
 * options are applied by `buildOtlpExporter`.
 */
export function defineOtlpPreset<Options extends OtlpTransportOptions>(
  name: string,
  plan: (options: Options) => OtlpPlan,
): PresetDefinition<Options> {
  return { name, processor: "batch", create: (options) => buildOtlpExporter(plan(options), options) };
}
