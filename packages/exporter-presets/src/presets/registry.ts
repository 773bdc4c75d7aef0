import { PresetConfigurationError } from "../errors";
import { consolePreset } from "./console";
import { datadogPreset } from "./datadog";
import { datadogLlmObsPreset } from "./datadog-llmobs";
import { type MetricsPresetName, PRESET_NAMES, type PresetName, type PresetOptionsMap } from "./names";
import { buildOtlpExporter } from "../otlp/build-otlp-exporter";
import { buildOtlpMetricExporter } from "../otlp/build-otlp-metric-exporter";
import { type OtlpExporterBuilders, type PresetDefinition, withExporters } from "./define-preset";
import { filePreset } from "./file";
import { grafanaPreset } from "./grafana";
import { honeycombPreset } from "./honeycomb";
import { jaegerPreset } from "./jaeger";
import { laminarPreset } from "./laminar";
import { langfusePreset } from "./langfuse";
import { newRelicPreset } from "./newrelic";
import { otlpPreset } from "./otlp";
import { phoenixPreset } from "./phoenix";
import { traceloopPreset } from "./traceloop";
import { weavePreset } from "./weave";

export { PRESET_NAMES, type MetricsPresetName, type PresetName, type PresetOptionsMap } from "./names";

/** Node: OTLP over the OpenTelemetry OTLP/HTTP exporters (Node `http`) or gRPC (loaded on first use). */
const NODE: OtlpExporterBuilders = { traces: buildOtlpExporter, metrics: buildOtlpMetricExporter };

const PRESETS: { readonly [Name in PresetName]: PresetDefinition<PresetOptionsMap[Name]> } = {
  console: consolePreset,
  file: filePreset,
  otlp: withExporters(otlpPreset, NODE),
  jaeger: withExporters(jaegerPreset, NODE),
  traceloop: withExporters(traceloopPreset, NODE),
  weave: withExporters(weavePreset, NODE),
  datadog: withExporters(datadogPreset, NODE),
  "datadog-llmobs": withExporters(datadogLlmObsPreset, NODE),
  newrelic: withExporters(newRelicPreset, NODE),
  grafana: withExporters(grafanaPreset, NODE),
  honeycomb: withExporters(honeycombPreset, NODE),
  langfuse: withExporters(langfusePreset, NODE),
  phoenix: withExporters(phoenixPreset, NODE),
  laminar: withExporters(laminarPreset, NODE),
};


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
