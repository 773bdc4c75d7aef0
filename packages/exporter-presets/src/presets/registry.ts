import { PresetConfigurationError } from "../errors";
import { type ConsolePresetOptions, consolePreset } from "./console";
import { type DatadogPresetOptions, datadogPreset } from "./datadog";
import type { PresetDefinition } from "./define-preset";
import { type NewRelicPresetOptions, newRelicPreset } from "./newrelic";
import { type OtlpPresetOptions, otlpPreset } from "./otlp";
import { type TraceloopPresetOptions, traceloopPreset } from "./traceloop";
import { type WeavePresetOptions, weavePreset } from "./weave";

/** Each preset name with the type of its options. */
export interface PresetOptionsMap {
  /** Span tree on the terminal. */
  console: ConsolePresetOptions;
  /** Plain OTLP, configured by `OTEL_EXPORTER_OTLP_*`. */
  otlp: OtlpPresetOptions;
  /** Traceloop cloud. */
  traceloop: TraceloopPresetOptions;
  /** W&B Weave. */
  weave: WeavePresetOptions;
  /** Local Datadog Agent (OTLP receiver). */
  datadog: DatadogPresetOptions;
  /** New Relic OTLP endpoint. */
  newrelic: NewRelicPresetOptions;
}

/** A preset name: `console`, `otlp`, `traceloop`, `weave`, `datadog` or `newrelic`. */
export type PresetName = keyof PresetOptionsMap;

const PRESETS: { readonly [Name in PresetName]: PresetDefinition<PresetOptionsMap[Name]> } = {
  console: consolePreset,
  otlp: otlpPreset,
  traceloop: traceloopPreset,
  weave: weavePreset,
  datadog: datadogPreset,
  newrelic: newRelicPreset,
};

/** The names of all presets, in a stable order. */
export const PRESET_NAMES: readonly PresetName[] = Object.freeze(Object.keys(PRESETS) as PresetName[]);

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
