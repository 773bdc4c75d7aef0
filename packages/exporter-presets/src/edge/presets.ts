import { PresetConfigurationError } from "../errors";
import { consolePreset } from "../presets/console";
import { datadogPreset } from "../presets/datadog";
import { datadogLlmObsPreset } from "../presets/datadog-llmobs";
import { type OtlpExporterBuilders, type PresetDefinition, withExporters } from "../presets/define-preset";
import { grafanaPreset } from "../presets/grafana";
import { honeycombPreset } from "../presets/honeycomb";
import { jaegerPreset } from "../presets/jaeger";
import { laminarPreset } from "../presets/laminar";
import { langfusePreset } from "../presets/langfuse";
import { newRelicPreset } from "../presets/newrelic";
import { otlpPreset } from "../presets/otlp";
import { phoenixPreset } from "../presets/phoenix";
import { PRESET_NAMES, type PresetName, type PresetOptionsMap } from "../presets/names";
import { traceloopPreset } from "../presets/traceloop";
import { weavePreset } from "../presets/weave";
import { buildFetchExporter } from "./fetch-exporter";

/** Edge: OTLP over `fetch`; no metrics (no MeterProvider is set up on the edge). */
const FETCH: OtlpExporterBuilders = { traces: buildFetchExporter };

/** Every preset but `file` (it needs Node's file system). */
export type EdgePresetName = Exclude<PresetName, "file">;

const EDGE_PRESETS: { readonly [Name in EdgePresetName]: PresetDefinition<PresetOptionsMap[Name]> } = {
  console: consolePreset,
  otlp: withExporters(otlpPreset, FETCH),
  jaeger: withExporters(jaegerPreset, FETCH),
  traceloop: withExporters(traceloopPreset, FETCH),
  weave: withExporters(weavePreset, FETCH),
  datadog: withExporters(datadogPreset, FETCH),
  "datadog-llmobs": withExporters(datadogLlmObsPreset, FETCH),
  newrelic: withExporters(newRelicPreset, FETCH),
  grafana: withExporters(grafanaPreset, FETCH),
  honeycomb: withExporters(honeycombPreset, FETCH),
  langfuse: withExporters(langfusePreset, FETCH),
  phoenix: withExporters(phoenixPreset, FETCH),
  laminar: withExporters(laminarPreset, FETCH),
};

/**
 * The edge definition of preset `name`.
 * @throws PresetConfigurationError for `file` (it needs Node's file system) and for an unknown name.
 */
export function getEdgePreset(name: string, from?: string): PresetDefinition<never> {
  const where = from === undefined ? "" : ` (from ${from})`;
  if (name === "file") {
    throw new PresetConfigurationError(`The "file" exporter preset${where} needs Node's file system and is not in the edge entry; use "console" or an OTLP preset.`, "file");
  }
  if (!Object.hasOwn(EDGE_PRESETS, name)) {
    throw new PresetConfigurationError(`Unknown exporter preset "${name}"${where}. Known presets: ${PRESET_NAMES.join(", ")}.`);
  }
  return EDGE_PRESETS[name as EdgePresetName] as PresetDefinition<never>;
}
