/**
 * The fast path of `safeJsonStringify`: plain JSON data (plain objects, arrays, finite numbers,
 * strings and keys within the length limit, booleans, null) already is what `toJsonSafe` would make
 * of it, so after one read-only check it goes to `JSON.stringify` as it is, with no deep copy.
 * Anything else (class instances, Dates, Maps, Buffers, values with a `toJSON`, BigInt, symbols,
 * functions, non-finite numbers, long strings or keys, cycles, too deep, too many items) is left
 * to the full walk. So is a value over a budget: the check counts the values it visits and a lower
 * bound of the output's length, and gives up as soon as either is over (the length is checked
 * again, exactly, on the string made).
 */

import type { ResolvedLimits } from "./serialize-budget";

/** Deeper values take the full walk, whatever `maxDepth` says (so the check's recursion stays shallow). */
const MAX_CHECKED_DEPTH = 64;

/** What the check has counted so far: values visited, and at most the characters they will take. */
interface Tally {
  nodes: number;
  chars: number;
}

/**
 * True when `v` is plain JSON data that `toJsonSafe` would return unchanged under these limits
 * (as far as the budgets go: the tally is a lower bound of the length, checked after).
 */
function isPlain(v: unknown, depth: number, maxDepth: number, l: ResolvedLimits, t: Tally): boolean {
  if (++t.nodes > l.maxNodes) return false;
  switch (typeof v) {
    case "string":
      if (v.length > l.maxStringLength) return false;
      t.chars += v.length + 2;
      return t.chars <= l.keep;
    case "number":
      t.chars += 1;
      return Number.isFinite(v);
    case "boolean":
      t.chars += 4;
      return true;
    case "undefined":
      return true;
    case "object":
      break;
    default:
      return false; // bigint, symbol, function: converted by the walk
  }
  if (v === null) {
    t.chars += 4;
    return true;
  }
  // A cycle is always too deep: it never gets to JSON.stringify.
  if (depth >= maxDepth || typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
  const proto = Object.getPrototypeOf(v);
  const next = depth + 1;
  if (Array.isArray(v)) {
    if (proto !== Array.prototype || v.length > l.maxItems) return false;
    t.chars += v.length + 1; // brackets and commas
    for (let i = 0; i < v.length; i++) if (!isPlain(v[i], next, maxDepth, l, t)) return false;
    return t.chars <= l.keep;
  }
  if (proto !== Object.prototype && proto !== null) return false;
  const obj = v as Record<string, unknown>;
  let n = 0;
  t.chars += 2;
  for (const key in obj) {
    if (++n > l.maxItems || key.length > l.maxStringLength) return false;
    const x = obj[key];
    if (x !== undefined) t.chars += key.length + 3; // quotes, colon, comma (or the last one's brace, counted above)
    if (!isPlain(x, next, maxDepth, l, t)) return false;
  }
  return t.chars <= l.keep;
}

/**
 * `JSON.stringify(value)` when `value` is plain JSON data within the limits and budgets (then the
 * same string as `JSON.stringify(toJsonSafe(value, limits))`), else `undefined` (also when a getter
 * or proxy trap throws): the caller then takes the full walk. Never throws.
 *
 * Getters are read twice (by the check, then by `JSON.stringify`); one that returns something else
 * the second time gets `JSON.stringify`'s rendering of that (still valid JSON, and still within
 * `maxLength`; a cycle or BigInt then falls back to the walk).
 */
export function stringifyPlain(value: unknown, l: ResolvedLimits): string | undefined {
  // biome-ignore lint/complexity/useMathMinMax: Math.min would keep a NaN / undefined limit; those get the cap
  const depthLimit = l.maxDepth < MAX_CHECKED_DEPTH ? l.maxDepth : MAX_CHECKED_DEPTH;
  try {
    if (!isPlain(value, 0, depthLimit, l, { nodes: 0, chars: 0 })) return undefined;
    const out = JSON.stringify(value) ?? "";
    return out.length <= l.keep ? out : undefined;
  } catch {
    return undefined;
  }
}
