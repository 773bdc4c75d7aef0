import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { diag } from "@opentelemetry/api";
import type { DestinationOptions } from "../destination-options";
import { optionOrEnv } from "../env";
import { PresetConfigurationError } from "../errors";
import { OtlpJsonFileExporter } from "../file/file-exporter";
import type { PresetDefinition } from "./define-preset";

/** Default file of the `file` preset, in the working directory. */
const DEFAULT_PATH = "genai-otel-traces.jsonl";

/** Options of the `file` preset: OTLP/JSON lines appended to a local file. */
export interface FilePresetOptions extends DestinationOptions {
  /**
   * The file to append to (created if missing; its directory must exist). Each line is one OTLP/JSON
   * `ExportTraceServiceRequest`, readable by the Collector's `otlpjsonfile` receiver or `jq`.
   * @defaultValue `GENAI_OTEL_FILE_PATH`, else `genai-otel-traces.jsonl` in the working directory.
   */
  path?: string;
}

/** The `file` preset: each batch of spans as one line of OTLP/JSON in a local file. */
export const filePreset: PresetDefinition<FilePresetOptions> = {
  name: "file",
  processor: "batch",
  create: (options) => {
    const chosen = optionOrEnv(options.path, "path", "GENAI_OTEL_FILE_PATH");
    const path = resolve(chosen?.value ?? DEFAULT_PATH);
    const source = chosen?.source ?? '"file" preset default';
    if (!existsSync(dirname(path)) || !statSync(dirname(path)).isDirectory()) {
      throw new PresetConfigurationError(`The "file" exporter preset got a path from ${source} whose directory does not exist: ${path}`, "file");
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
      throw new PresetConfigurationError(`The "file" exporter preset got a path from ${source} that is a directory: ${path}`, "file");
    }
    diag.debug(`genai-otel: preset "file" appends OTLP/JSON lines to ${path} (path from ${source}).`);
    return new OtlpJsonFileExporter(path);
  },
};
