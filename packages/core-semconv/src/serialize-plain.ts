/**
 * The fast path of `safeJsonStringify`: plain JSON data (plain objects, arrays, finite numbers,
 * strings within the length limit, booleans, null) already is what `toJsonSafe` would make of it,
 * so after one read-only check it goes to `JSON.stringify` as it is, with no deep copy. Anything
 * else (class instances, Dates, Maps, Buffers, values with a `toJSON`, BigInt, symbols, functions,
 * non-finite numbers, long strings, cycles, too deep, too many items) is left to the full walk.
 */

/** Deeper values take the full walk, whatever `maxDepth` says (so the check's recursion stays shallow). */
const MAX_CHECKED_DEPTH = 64;

/** Cuts a string to `max` characters, marked with `…` and how many were cut. */
export function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…[${s.length - max} more chars]` : s;
}

/** True when `v` is plain JSON data that `toJsonSafe` would return unchanged under these limits. */
function isPlain(v: unknown, depth: number, maxDepth: number, maxItems: number, maxStringLength: number): boolean {
  switch (typeof v) {
    case "string":
      return !(v.length > maxStringLength);
    case "number":
      return Number.isFinite(v);
    case "boolean":
    case "undefined":
      return true;
    case "object":
      break;
    default:
      return false; // bigint, symbol, function: converted by the walk
  }
  if (v === null) return true;
  // A cycle is always too deep: it never gets to JSON.stringify.
  if (depth >= maxDepth || typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
  const proto = Object.getPrototypeOf(v);
  const next = depth + 1;
  if (Array.isArray(v)) {
    if (proto !== Array.prototype || v.length > maxItems) return false;
    for (let i = 0; i < v.length; i++) if (!isPlain(v[i], next, maxDepth, maxItems, maxStringLength)) return false;
    return true;
  }
  if (proto !== Object.prototype && proto !== null) return false;
  const obj = v as Record<string, unknown>;
  let n = 0;
  for (const key in obj) {
    if (++n > maxItems || !isPlain(obj[key], next, maxDepth, maxItems, maxStringLength)) return false;
  }
  return true;
}

/**
 * `JSON.stringify(value)` when `value` is plain JSON data within the limits (then the same string
 * as `JSON.stringify(toJsonSafe(value, limits))`), else `undefined` (also when a getter or proxy
 * trap throws): the caller then takes the full walk. Never throws.
 *
 * Getters are read twice (by the check, then by `JSON.stringify`); one that returns something else
 * the second time gets `JSON.stringify`'s rendering of that (still valid JSON; a cycle or BigInt
 * then falls back to the walk).
 */
export function stringifyPlain(value: unknown, maxDepth: number, maxItems: number, maxStringLength: number): string | undefined {
  // biome-ignore lint/complexity/useMathMinMax: Math.min would keep a NaN / undefined limit; those get the cap
  const depthLimit = maxDepth < MAX_CHECKED_DEPTH ? maxDepth : MAX_CHECKED_DEPTH;
  try {
    return isPlain(value, 0, depthLimit, maxItems, maxStringLength) ? (JSON.stringify(value) ?? "") : undefined;
  } catch {
    return undefined;
  }
}
