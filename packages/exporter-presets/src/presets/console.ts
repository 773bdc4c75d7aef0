import { type ConsolePresetOptions, ConsoleTreeExporter } from "../console/console-tree-exporter";
import type { PresetDefinition } from "./define-preset";

export type { ConsolePresetOptions } from "../console/console-tree-exporter";

/** The `console` preset: a readable span tree per trace on standard output, exported span by span. */
export const consolePreset: PresetDefinition<ConsolePresetOptions> = {
  name: "console",
  processor: "simple",
  create: (options) => new ConsoleTreeExporter(options),
};
