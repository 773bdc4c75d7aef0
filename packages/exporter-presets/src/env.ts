import { parseKeyPairsIntoRecord } from "@opentelemetry/core";

/**
 * Reads an environment variable at call time (so tests can stub it): trimmed, and `undefined`
 * when unset or blank, as the OpenTelemetry SDK configuration spec treats empty values.
 */
export function readEnv(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** The first of `names` that is set (see {@link readEnv}), with its value. */
export function readFirstEnv(...names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = readEnv(name);
    if (value !== undefined) return { name, value };
  }
  return undefined;
}

/**
 * Parses `key=value,key2=value2` with URL-encoded keys and values, the W3C-baggage-like syntax of
 * `OTEL_EXPORTER_OTLP_HEADERS` (parsed with the same function the OpenTelemetry exporters use).
 */
export function parseHeaderList(raw: string | undefined): Record<string, string> {
  if (raw === undefined) return {};
  try {
    return parseKeyPairsIntoRecord(raw);
  } catch {
    return {};
  }
}

/**
 * The headers the OpenTelemetry OTLP exporters will add from `OTEL_EXPORTER_OTLP_HEADERS` and
 * `OTEL_EXPORTER_OTLP_TRACES_HEADERS` (the traces-specific list wins per key), keys lower-cased.
 */
export function otlpEnvHeaders(): Map<string, string> {
  const merged = new Map<string, string>();
  for (const name of ["OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TRACES_HEADERS"]) {
    for (const [key, value] of Object.entries(parseHeaderList(readEnv(name)))) merged.set(key.toLowerCase(), value);
  }
  return merged;
}

/**
 * Whether the user already sends header `name` (case-insensitive), through the `headers` option or
 * `OTEL_EXPORTER_OTLP_*HEADERS`: then a preset does not demand the credential that header carries.
 */
export function headerIsProvided(name: string, optionHeaders: Readonly<Record<string, string>> | undefined): boolean {
  const lower = name.toLowerCase();
  if (otlpEnvHeaders().has(lower)) return true;
  return Object.keys(optionHeaders ?? {}).some((key) => key.toLowerCase() === lower);
}
