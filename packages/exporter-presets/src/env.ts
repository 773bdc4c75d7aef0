import { readEnv, readFirstEnv } from "@genai-otel/core-semconv/internal";
import { parseHeaderString } from "./headers";
import { type OtlpSignal, signalEnvName } from "./otlp/signal";

export { readEnv, readFirstEnv } from "@genai-otel/core-semconv/internal";

/**
 * A setting resolved with the precedence option > environment variables (first set wins), and
 * where it came from (`option "apiKey"`, `LANGFUSE_BASE_URL`), for messages and the debug log.
 * Blank option strings count as unset.
 */
export function optionOrEnv(option: string | undefined, optionName: string, ...envNames: readonly string[]): { value: string; source: string } | undefined {
  const trimmed = option?.trim();
  if (trimmed !== undefined && trimmed !== "") return { value: trimmed, source: `option "${optionName}"` };
  const env = readFirstEnv(...envNames);
  return env === undefined ? undefined : { value: env.value, source: env.name };
}

/**
 * The headers the OpenTelemetry OTLP exporters will add from `OTEL_EXPORTER_OTLP_HEADERS` and
 * `OTEL_EXPORTER_OTLP_TRACES_HEADERS` (or `…_METRICS_HEADERS`; the signal-specific list wins per
 * key), keys lower-cased.
 * @throws PresetConfigurationError when either variable is malformed (naming the variable, not the value).
 */
export function otlpEnvHeaders(signal: OtlpSignal = "traces"): Map<string, string> {
  const merged = new Map<string, string>();
  for (const name of ["OTEL_EXPORTER_OTLP_HEADERS", signalEnvName(signal, "HEADERS")]) {
    const raw = readEnv(name);
    if (raw === undefined) continue;
    for (const [key, value] of Object.entries(parseHeaderString(raw, name))) merged.set(key.toLowerCase(), value);
  }
  return merged;
}

/**
 * Whether the user already sends header `name` (case-insensitive) for the signal, through the
 * `headers` option or `OTEL_EXPORTER_OTLP_*HEADERS`: then a preset does not demand the credential
 * that header carries.
 */
export function headerIsProvided(name: string, optionHeaders: Readonly<Record<string, string>> | undefined, signal: OtlpSignal = "traces"): boolean {
  const lower = name.toLowerCase();
  if (otlpEnvHeaders(signal).has(lower)) return true;
  return Object.keys(optionHeaders ?? {}).some((key) => key.toLowerCase() === lower);
}
