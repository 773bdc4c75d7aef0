import type { ConsolePresetOptions } from "./console";
import type { DatadogPresetOptions } from "./datadog";
import type { DatadogLlmObsPresetOptions } from "./datadog-llmobs";
import type { FilePresetOptions } from "./file";
import type { GrafanaPresetOptions } from "./grafana";
import type { HoneycombPresetOptions } from "./honeycomb";
import type { JaegerPresetOptions } from "./jaeger";
import type { LaminarPresetOptions } from "./laminar";
import type { LangfusePresetOptions } from "./langfuse";
import type { NewRelicPresetOptions } from "./newrelic";
import type { OtlpPresetOptions } from "./otlp";
import type { PhoenixPresetOptions } from "./phoenix";
import type { TraceloopPresetOptions } from "./traceloop";
import type { WeavePresetOptions } from "./weave";

/** Each preset name with the type of its options. */
export interface PresetOptionsMap {
  /** Span tree on the terminal. */
  console: ConsolePresetOptions;
  /** OTLP/JSON lines appended to a file. */
  file: FilePresetOptions;
  /** Plain OTLP, configured by `OTEL_EXPORTER_OTLP_*`. */
  otlp: OtlpPresetOptions;
  /** A Jaeger collector (OTLP). */
  jaeger: JaegerPresetOptions;
  /** Traceloop cloud. */
  traceloop: TraceloopPresetOptions;
  /** W&B Weave. */
  weave: WeavePresetOptions;
  /** Local Datadog Agent (OTLP receiver). */
  datadog: DatadogPresetOptions;
  /** Datadog LLM Observability, agentless. */
  "datadog-llmobs": DatadogLlmObsPresetOptions;
  /** New Relic OTLP endpoint. */
  newrelic: NewRelicPresetOptions;
  /** Grafana Cloud OTLP gateway. */
  grafana: GrafanaPresetOptions;
  /** Honeycomb. */
  honeycomb: HoneycombPresetOptions;
  /** Langfuse (cloud or self-hosted). */
  langfuse: LangfusePresetOptions;
  /** Arize Phoenix (local or cloud). */
  phoenix: PhoenixPresetOptions;
  /** Laminar (cloud or self-hosted). */
  laminar: LaminarPresetOptions;
}

/** A preset name, such as `console`, `otlp`, `langfuse` or `datadog-llmobs` (see {@link PRESET_NAMES}). */
export type PresetName = keyof PresetOptionsMap;

/** The names of all presets, in a stable order. */
export const PRESET_NAMES: readonly PresetName[] = Object.freeze([
  "console",
  "file",
  "otlp",
  "jaeger",
  "traceloop",
  "weave",
  "datadog",
  "datadog-llmobs",
  "newrelic",
  "grafana",
  "honeycomb",
  "langfuse",
  "phoenix",
  "laminar",
] satisfies PresetName[]);

/** The presets whose backend takes OTLP metrics (see `METRICS_PRESET_NAMES`). */
export type MetricsPresetName = "otlp" | "datadog" | "newrelic" | "grafana" | "honeycomb";
