/**
 * JSON serialisation for telemetry: never throws, stays bounded, and keeps what a reader of a
 * trace needs. Used for every content attribute (messages, tool arguments, documents).
 */

import { stringifyPlain, truncate } from "./serialize-plain";

/** Limits applied by {@link safeJsonStringify}. */
export interface SerializeLimits {
  /** Maximum nesting depth; deeper values become `"[Object]"` / `"[Array]"`. @defaultValue 12 */
  maxDepth?: number;
  /** Maximum array / Map / Set entries kept; the rest is summarised. @defaultValue 1000 */
  maxItems?: number;
  /** Maximum characters of one string value before truncation (marked with `…`). @defaultValue 100000 */
  maxStringLength?: number;
}

/** Sets an own, enumerable property, even for the key `__proto__` (which plain assignment would not). */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

const DEFAULTS: Required<SerializeLimits> = { maxDepth: 12, maxItems: 1000, maxStringLength: 100_000 };

/**
 * Converts any value to a JSON-safe value. Handles circular references (`"[Circular]"`), BigInt
 * (as a decimal string), symbols and functions (`"[Function name]"`), Buffers and typed arrays
 * (`"[Uint8Array 12 bytes]"`), Dates (ISO string), Errors (`{name, message}`), Maps and Sets, and
 * objects whose getters throw (`"[Unserializable]"`).
 */
export function toJsonSafe(value: unknown, limits: SerializeLimits = {}): unknown {
  const l = { ...DEFAULTS, ...limits };
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    switch (typeof v) {
      case "string":
        return truncate(v, l.maxStringLength);
      case "number":
        return Number.isFinite(v) ? v : String(v);
      case "boolean":
        return v;
      case "bigint":
        return v.toString();
      case "symbol":
        return v.toString();
      case "function":
        return `[Function ${v.name || "anonymous"}]`;
      case "undefined":
        return undefined;
    }
    if (v === null) return null;
    const obj = v as object;
    if (seen.has(obj)) return "[Circular]";
    try {
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString();
      if (ArrayBuffer.isView(v)) return `[${v.constructor?.name ?? "TypedArray"} ${v.byteLength} bytes]`;
      if (v instanceof ArrayBuffer) return `[ArrayBuffer ${v.byteLength} bytes]`;
      if (depth >= l.maxDepth) return Array.isArray(v) ? "[Array]" : "[Object]";
      seen.add(obj);
      try {
        if (v instanceof Error) return { name: v.name, message: truncate(String(v.message), l.maxStringLength) };
        if (Array.isArray(v) || v instanceof Set) {
          const arr = Array.isArray(v) ? v : [...v];
          const out = arr.slice(0, l.maxItems).map((x) => {
            const y = walk(x, depth + 1);
            return y === undefined ? null : y;
          });
          if (arr.length > l.maxItems) out.push(`[${arr.length - l.maxItems} more items]`);
          return out;
        }
        if (v instanceof Map) {
          const out: Record<string, unknown> = {};
          let n = 0;
          for (const [k, x] of v) {
            if (n++ >= l.maxItems) {
              out["…"] = `[${v.size - l.maxItems} more entries]`;
              break;
            }
            setOwn(out, String(k), walk(x, depth + 1));
          }
          return out;
        }
        const toJSON = (v as { toJSON?: unknown }).toJSON;
        if (typeof toJSON === "function") return walk(toJSON.call(v), depth + 1);
        const out: Record<string, unknown> = {};
        let n = 0;
        for (const key of Object.keys(obj)) {
          if (n++ >= l.maxItems) {
            out["…"] = "[more keys]";
            break;
          }
          const x = walk((obj as Record<string, unknown>)[key], depth + 1);
          if (x !== undefined) setOwn(out, key, x);
        }
        return out;
      } finally {
        seen.delete(obj);
      }
    } catch {
      return "[Unserializable]";
    }
  };
  return walk(value, 0);
}

/**
 * `JSON.stringify` that never throws, with the output of `JSON.stringify(toJsonSafe(value, limits))`.
 * Plain JSON data (plain objects, arrays, primitives within the limits) is checked once, read-only,
 * and serialised directly, without a copy; anything else (a cycle, a class instance, a Date, a value
 * with `toJSON`, too deep, too many items, a string over the limit) goes through {@link toJsonSafe}. Strings are returned as
 * they are (not quoted), since a text attribute should read as text.
 *
 * @returns a JSON string (or the string itself); `""` if even the fallback fails
 */
export function safeJsonStringify(value: unknown, limits?: SerializeLimits): string {
  if (typeof value === "string") return truncate(value, (limits ?? DEFAULTS).maxStringLength ?? DEFAULTS.maxStringLength);
  const l = limits ? { ...DEFAULTS, ...limits } : DEFAULTS;
  const plain = stringifyPlain(value, l.maxDepth, l.maxItems, l.maxStringLength);
  if (plain !== undefined) return plain;
  try {
    return JSON.stringify(toJsonSafe(value, limits)) ?? "";
  } catch {
    return "";
  }
}
