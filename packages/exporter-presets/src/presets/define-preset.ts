import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import type { ReportingMetricExporter } from "../export/reporting-metric-exporter";
import type { MetricsTemporality } from "../metrics/temporality";
import type { OtlpPlan } from "../otlp/plan";
import type { OtlpSignal } from "../otlp/signal";
import type { OtlpMetricsOptions, OtlpTransportOptions } from "../otlp/types";

/** How a preset whose backend takes OTLP metrics exports them. */
export interface MetricsSupport<Options> {
  /** The temporality the backend prefers (`delta` for Datadog and New Relic, else `cumulative`). */
  readonly temporality: MetricsTemporality;
  /**
   * Builds the metric exporter; `undefined` when the metrics endpoint cannot be told from the
   * options. Throws PresetConfigurationError like `create`.
   */
  readonly create: (options: Options) => ReportingMetricExporter | undefined;
}

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
  /** Present when the backend takes OTLP metrics. */
  readonly metrics?: MetricsSupport<Options>;
}

/**
 * Computes a preset's {@link OtlpPlan} from its options and its own environment variables, for a
 * signal: the path (`/v1/traces`, `/v1/metrics`), the standard `…_<SIGNAL>_…` variables and any
 * signal-specific header differ; presets without metrics are only asked for `traces`.
 */
export type OtlpPlanner<Options> = (options: Options, signal: OtlpSignal) => OtlpPlan;

/**
 * An OTLP preset as data: its name, its {@link OtlpPlanner} and, for a backend that takes OTLP
 * metrics, the temporality it prefers. It loads no exporter code, so that each runtime's entry
 * turns it into a {@link PresetDefinition} with its own exporters ({@link withExporters}): the
 * Node entry with the OTLP/HTTP and gRPC exporters, the edge entry with `fetch`.
 */
export interface OtlpPresetSpec<Options> {
  /** The name users select it by. */
  readonly name: string;
  /** Computes the plan per signal. */
  readonly plan: OtlpPlanner<Options>;
  /** Present when the backend takes OTLP metrics. */
  readonly metrics?: { readonly temporality: MetricsTemporality };
}

/**
 * Defines an OTLP preset from its {@link OtlpPlanner}; the standard OTLP environment and the common
 * transport options are applied by the exporter builders given to {@link withExporters}.
 *
 * @param name - the preset's name.
 * @param plan - computes the plan per signal.
 * @param metrics - for a backend that takes OTLP metrics, the temporality it prefers.
 */
export function defineOtlpPreset<Options extends OtlpTransportOptions & OtlpMetricsOptions>(
  name: string,
  plan: OtlpPlanner<Options>,
  metrics?: { readonly temporality: MetricsTemporality },
): OtlpPresetSpec<Options> {
  return { name, plan, ...(metrics === undefined ? {} : { metrics }) };
}

/** How a runtime entry builds OTLP exporters from a plan (see {@link withExporters}). */
export interface OtlpExporterBuilders {
  /** Builds the span exporter; throws PresetConfigurationError like a preset's `create`. */
  readonly traces: (plan: OtlpPlan, options: OtlpTransportOptions) => SpanExporter;
  /** Builds the metric exporter, `undefined` when the metrics endpoint cannot be told; absent when the runtime exports no metrics. */
  readonly metrics?: (plan: OtlpPlan, options: OtlpTransportOptions & OtlpMetricsOptions, temporality: MetricsTemporality) => ReportingMetricExporter | undefined;
}

/** The {@link PresetDefinition} of an OTLP preset with a runtime's exporter builders. */
export function withExporters<Options extends OtlpTransportOptions & OtlpMetricsOptions>(
  spec: OtlpPresetSpec<Options>,
  builders: OtlpExporterBuilders,
): PresetDefinition<Options> {
  const { metrics } = spec;
  const buildMetrics = builders.metrics;
  return {
    name: spec.name,
    processor: "batch",
    create: (options) => builders.traces(spec.plan(options, "traces"), options),
    ...(metrics === undefined || buildMetrics === undefined
      ? {}
      : { metrics: { temporality: metrics.temporality, create: (options: Options) => buildMetrics(spec.plan(options, "metrics"), options, metrics.temporality) } }),
  };
}
