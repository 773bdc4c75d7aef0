import { diag } from "@opentelemetry/api";
import { readEnv, readFirstEnv } from "./env";
import type { PresetName, PresetOptionsMap } from "./presets/registry";

/**
 * A preset for {@link setupTracing}: its name, or its name with options.
 * @example `["console", { name: "weave", options: { project: "my-project" } }]`
 */
export type PresetSelection =
  | PresetName
  | { [Name in PresetName]: { readonly name: Name; readonly options?: PresetOptionsMap[Name] } }[PresetName];

/** A selection resolved to a validated name and its options. */
export interface ResolvedSelection {
  readonly name: PresetName;
  readonly options: object;
}

/** Values of `OTEL_TRACES_EXPORTER` that map to a preset. */
const OTEL_TRACES_EXPORTER_VALUES: Readonly<Record<string, PresetName | "none">> = { otlp: "otlp", console: "console", none: "none" };

/**
 * Decides which presets run, in this order:
 * 1. the `presets` option, as given (the same preset may appear twice with different options);
 * 2. `GENAI_OTEL_PRESET`, comma-separated names (`none` for no exporter);
 * 3. `OTEL_TRACES_EXPORTER` values `otlp`, `console`, `none` (others are ignored with a diag warning);
 * 4. `otlp` when `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_EXPORTER_OTLP_ENDPOINT` is set;
 * 5. `console`.
 * @param presets - the `presets` option
 * @param getPreset - the runtime entry's preset lookup (Node or edge), which throws for a name it does not know
 * @throws PresetConfigurationError for an unknown name (or one the runtime lacks), naming the variable it came from.
 */
export function selectPresets(
  presets: readonly PresetSelection[] | undefined,
  getPreset: (name: string, from: string) => unknown,
): { selections: ResolvedSelection[]; source: string } {
  if (presets !== undefined) {
    const selections = presets.map((selection) => {
      const name = typeof selection === "string" ? selection : selection?.name;
      getPreset(String(name), 'the "presets" option');
      return { name, options: (typeof selection === "string" ? undefined : selection.options) ?? {} } as ResolvedSelection;
    });
    return { selections, source: 'the "presets" option' };
  }
  const fromEnv = readEnv("GENAI_OTEL_PRESET");
  if (fromEnv !== undefined) {
    const names = splitList(fromEnv).filter((name) => name !== "none");
    for (const name of names) getPreset(name, "GENAI_OTEL_PRESET");
    return { selections: names.map((name) => ({ name: name as PresetName, options: {} })), source: "GENAI_OTEL_PRESET" };
  }
  const otelExporters = readEnv("OTEL_TRACES_EXPORTER");
  if (otelExporters !== undefined) {
    const names: PresetName[] = [];
    let none = false;
    for (const value of splitList(otelExporters)) {
      const mapped = OTEL_TRACES_EXPORTER_VALUES[value];
      if (mapped === "none") none = true;
      else if (mapped !== undefined && !names.includes(mapped)) names.push(mapped);
      else if (mapped === undefined) diag.warn(`genai-otel: OTEL_TRACES_EXPORTER value "${value}" has no preset; use GENAI_OTEL_PRESET.`);
    }
    if (names.length > 0 || none) return { selections: names.map((name) => ({ name, options: {} })), source: "OTEL_TRACES_EXPORTER" };
  }
  const endpoint = readFirstEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT");
  if (endpoint !== undefined) return { selections: [{ name: "otlp", options: {} }], source: endpoint.name };
  return { selections: [{ name: "console", options: {} }], source: "the default" };
}

/** Comma-separated, trimmed, lower-cased, without blanks or duplicates. */
function splitList(raw: string): string[] {
  return [...new Set(raw.split(",").map((item) => item.trim().toLowerCase()).filter((item) => item !== ""))];
}
