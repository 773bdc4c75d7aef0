/**
 * JSON serialisation for telemetry: never throws, stays bounded, and keeps what a reader of a
 * trace needs. Used for every content attribute (messages, tool arguments, documents).
 *
 * Every value has a budget, in output characters (`maxLength`) and in work (`maxNodes`, values
 * visited), enforced while walking: the walk stops where either is spent and writes a mark there
 * (`"[truncated: 100000-char budget spent]"`), and the output stays valid JSON. Shared references
 * are written at each place they appear and counted each time (see `serialize-walk.ts`).
 */

import { type ResolvedLimits, type SerializeLimits, cutToFit, resolveLimits, truncate } from "./serialize-budget";
import { stringifyPlain } from "./serialize-plain";
import { walkJsonSafe } from "./serialize-walk";

export type { SerializeLimits } from "./serialize-budget";

/**
 * Converts any value to a JSON-safe value. Handles circular references (`"[Circular]"`), BigInt
 * (as a decimal string), symbols and functions (`"[Function name]"`), Buffers and typed arrays
 * (`"[Uint8Array 12 bytes]"`), Dates (ISO string), Errors (`{name, message}`), Maps and Sets, and
 * objects whose getters or proxy traps throw (`"[Unserializable]"`). Within the budgets of
 * `limits`: `JSON.stringify` of the result is at most `maxLength` characters, and the walk visits
 * at most `maxNodes` values. Never throws.
 */
export function toJsonSafe(value: unknown, limits?: SerializeLimits): unknown {
  return walkJsonSafe(value, resolveLimits(limits));
}

/** A string at the root, returned as text: at most `maxStringLength`, and the whole within `maxLength`. */
function text(value: string, l: ResolvedLimits): string {
  const t = truncate(value, l.maxStringLength);
  return t.length <= l.maxLength ? t : (cutToFit(value, l.maxStringLength, l.maxLength, false) ?? "…");
}

/**
 * `JSON.stringify` that never throws, with the output of `JSON.stringify(toJsonSafe(value, limits))`:
 * at most `maxLength` characters (default 100,000), at most `maxNodes` values visited (default
 * 20,000), cut where a budget ran out with a `"[truncated: …]"` mark. Plain JSON data (plain
 * objects, arrays, primitives within the limits) is checked once, read-only and within the same
 * budgets, and serialised directly, without a copy; anything else (a cycle, a class instance, a
 * Date, a value with `toJSON`, too deep, too many items, a string or key over the limit, over a
 * budget) goes through {@link toJsonSafe}. Strings are returned as they are (not quoted), since a
 * text attribute should read as text.
 *
 * @returns a JSON string (or the string itself); `""` if even the fallback fails
 */
export function safeJsonStringify(value: unknown, limits?: SerializeLimits): string {
  const l = resolveLimits(limits);
  if (typeof value === "string") return text(value, l);
  const plain = stringifyPlain(value, l);
  if (plain !== undefined) return plain;
  try {
    return JSON.stringify(walkJsonSafe(value, l)) ?? "";
  } catch {
    return "";
  }
}
