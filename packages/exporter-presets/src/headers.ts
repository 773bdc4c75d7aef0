import { PresetConfigurationError } from "./errors";

/** An HTTP header name (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Characters no header value may contain (Node rejects them when the request is sent). */
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

/**
 * Parses a `key=value,key2=value2` header list with URL-encoded keys and values, the syntax of
 * `OTEL_EXPORTER_OTLP_HEADERS` (also used by `TRACELOOP_HEADERS` and `PHOENIX_CLIENT_HEADERS`).
 * Values may contain `=` (base64 padding). Unlike the lenient OpenTelemetry parser, which skips
 * what it cannot read, a malformed item is an error, so a typo never silently drops a credential.
 *
 * @param raw - the list.
 * @param source - where it came from (e.g. `OTEL_EXPORTER_OTLP_HEADERS`), for the message.
 * @param preset - the preset being configured, if any.
 * @throws PresetConfigurationError naming `source` and the item's position; never the item itself,
 *   which may hold a credential.
 */
export function parseHeaderString(raw: string, source: string, preset?: string): Record<string, string> {
  const out: Record<string, string> = {};
  const items = raw.split(",");
  items.forEach((item, index) => {
    if (item.trim() === "" && items.length > 1) return; // tolerate a trailing or doubled comma
    const where = `${source} is malformed at item ${index + 1} of ${items.length}`;
    const eq = item.indexOf("=");
    if (eq < 0) throw new PresetConfigurationError(`${where}: expected key=value (values URL-encoded, items separated by commas).`, preset);
    const key = decode(item.slice(0, eq).trim(), where, "key", preset);
    const value = decode(item.slice(eq + 1).trim(), where, "value", preset);
    if (!TOKEN.test(key)) throw new PresetConfigurationError(`${where}: the key is not a valid header name.`, preset);
    if (FORBIDDEN_IN_VALUE.test(value)) {
      throw new PresetConfigurationError(`${where}: the value of header "${key}" contains a line break or NUL.`, preset);
    }
    out[key] = value;
  });
  return out;
}

/**
 * Checks headers given in code: names must be HTTP tokens, values strings without line breaks.
 * @throws PresetConfigurationError naming the header (by name when the name is valid, else by
 *   position); never a value.
 */
export function validateHeaders(headers: Readonly<Record<string, unknown>>, source: string, preset?: string): void {
  Object.entries(headers).forEach(([name, value], index) => {
    if (!TOKEN.test(name)) {
      throw new PresetConfigurationError(`${source}: header ${index + 1} does not have a valid header name.`, preset);
    }
    if (typeof value !== "string") throw new PresetConfigurationError(`${source}: the value of header "${name}" is not a string.`, preset);
    if (FORBIDDEN_IN_VALUE.test(value)) {
      throw new PresetConfigurationError(`${source}: the value of header "${name}" contains a line break or NUL.`, preset);
    }
  });
}

function decode(text: string, where: string, what: "key" | "value", preset: string | undefined): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new PresetConfigurationError(`${where}: the ${what} has an invalid %-escape.`, preset);
  }
}
