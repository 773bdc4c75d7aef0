import { PresetConfigurationError } from "../errors";
import { type ConsolePresetOptions, consolePreset } from "./console";
import { type DatadogPresetOptions, datadogPreset } from "./datadog";
import { type DatadogLlmObsPresetOptions, datadogLlmObsPreset } from "./datadog-llmobs";
import type { PresetDefinition } from "./define-preset";
import { type FilePresetOptions, filePreset } from "./file";
import { type GrafanaPresetOptions, grafanaPreset } from "./grafana";
import { type HoneycombPresetOptions, honeycombPreset } from "./honeycomb";
import { type JaegerPresetOptions, jaegerPreset } from "./jaeger";
import { type LaminarPresetOptions, laminarPreset } from "./laminar";
import { type LangfusePresetOptions, langfusePreset } from "./langfuse";
import { type NewRelicPresetOptions, newRelicPreset } from "./newrelic";
import { type OtlpPresetOptions, otlpPreset } from "./otlp";
import { type PhoenixPresetOptions, phoenixPreset } from "./phoenix";
import { type TraceloopPresetOptions, traceloopPreset } from "./traceloop";
import { type WeavePresetOptions, weavePreset } from "./weave";

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

const PRESETS: { readonly [Name in PresetName]: PresetDefinition<PresetOptionsMap[Name]> } = {
  console: consolePreset,
  file: filePreset,
  otlp: otlpPreset,
  jaeger: jaegerPreset,
  traceloop: traceloopPreset,
  weave: weavePreset,
  datadog: datadogPreset,
  "datadog-llmobs": datadogLlmObsPreset,
  newrelic: newRelicPreset,
  grafana: grafanaPreset,
  honeycomb: honeycombPreset,
  langfuse: langfusePreset,
  phoenix: phoenixPreset,
  laminar: laminarPreset,
};

/** The names of all presets, in a stable order. */
export const PRESET_NAMES: readonly PresetName[] = Object.freeze(Object.keys(PRESETS) as PresetName[]);

/** The presets whose backend takes OTLP metrics (see {@link METRICS_PRESET_NAMES}). */
export type MetricsPresetName = "otlp" | "datadog" | "newrelic" | "grafana" | "honeycomb";

/** The presets whose backend takes OTLP metrics, to which `setupTracing` sends the GenAI metrics. */
export const METRICS_PRESET_NAMES: readonly MetricsPresetName[] = Object.freeze(
  PRESET_NAMES.filter((name) => PRESETS[name].metrics !== undefined) as MetricsPresetName[],
);

/** Whether `name` is a preset name. */
export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

/**
 * The definition of preset `name`.
 * @throws PresetConfigurationError listing the known names when `name` is not one.
 */
export function getPreset<Name extends PresetName>(name: Name | string, from?: string): PresetDefinition<PresetOptionsMap[Name]> {
  if (!isPresetName(name)) {
    const where = from === undefined ? "" : ` (from ${from})`;
    throw new PresetConfigurationError(`Unknown exporter preset "${name}"${where}. Known presets: ${PRESET_NAMES.join(", ")}.`);
  }
  return PRESETS[name] as PresetDefinition<PresetOptionsMap[Name]>;
}
