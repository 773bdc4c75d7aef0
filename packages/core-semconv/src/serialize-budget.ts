/**
 * The limits of the serialiser, resolved once per call, and the few measures both of its paths
 * share: string truncation, the exact JSON length of a string, and the marks left where the
 * budget ran out.
 */

/** Limits applied by `safeJsonStringify` and `toJsonSafe`. */
export interface SerializeLimits {
  /** Maximum nesting depth; deeper values become `"[Object]"` / `"[Array]"`. @defaultValue 12 */
  maxDepth?: number;
  /** Maximum array / Map / Set entries and object keys kept; the rest is summarised. @defaultValue 1000 */
  maxItems?: number;
  /**
   * Maximum characters of one string value or object key before truncation (marked with
   * `…[N more chars]`). @defaultValue 100000
   */
  maxStringLength?: number;
  /**
   * Budget of output characters for the whole value: the JSON written never exceeds it. A value
   * whose JSON takes more than `maxLength` less the room of the mark (~50 chars) is cut: the walk
   * stops where the next piece would go over and writes `"[truncated: N-char budget spent]"` there
   * (a string cut to fit is kept, marked `…[N more chars]`, before it). Raised to the room of the
   * mark when smaller. `Infinity` turns the budget off. @defaultValue 100000
   */
  maxLength?: number;
  /**
   * Budget of work for the whole value, in values visited (each primitive, object, array, Map or
   * Set entry counts one, and a value referenced from several places counts at each place). When
   * spent, the walk stops and writes `"[truncated: N-value budget spent]"`. @defaultValue 20000
   */
  maxNodes?: number;
}

/**
 * The limits with defaults filled in, and `keep`: the characters a value may take and still be kept
 * whole (`maxLength` less the room of the mark, so that a cut value with its mark fits `maxLength`).
 */
export type ResolvedLimits = Required<SerializeLimits> & { readonly keep: number };

const DEFAULTS: Required<SerializeLimits> = { maxDepth: 12, maxItems: 1000, maxStringLength: 100_000, maxLength: 100_000, maxNodes: 20_000 };

/** Defaults of {@link SerializeLimits}. */
export const DEFAULT_LIMITS: Readonly<ResolvedLimits> = Object.freeze({ ...DEFAULTS, keep: DEFAULTS.maxLength - markRoom(DEFAULTS) });

/** A budget that is a number (not NaN) or the default; the budgets must never be switched off by accident. */
function budget(value: number | undefined, fallback: number): number {
  return typeof value === "number" && !Number.isNaN(value) ? value : fallback;
}

/** `limits` over the defaults; `maxLength` is raised to hold the mark. */
export function resolveLimits(limits: SerializeLimits | undefined): ResolvedLimits {
  if (!limits) return DEFAULT_LIMITS;
  const l = { ...DEFAULTS, ...limits };
  l.maxNodes = budget(limits.maxNodes, DEFAULTS.maxNodes);
  l.maxLength = budget(limits.maxLength, DEFAULTS.maxLength);
  while (l.maxLength < markRoom(l)) l.maxLength = markRoom(l);
  return { ...l, keep: l.maxLength - markRoom(l) };
}

/** Cuts a string to `max` characters, marked with `…` and how many were cut. */
export function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…[${s.length - max} more chars]` : s;
}

/** Characters that `JSON.stringify` escapes (or may: lone surrogates), so a string's JSON is longer than it. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what JSON escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Exact length of `JSON.stringify(s)`, without building it for the usual string that needs no escapes. */
export function jsonStringLength(s: string): number {
  return ESCAPED.test(s) ? JSON.stringify(s).length : s.length + 2;
}

/** Why the walk stopped. */
export type StopReason = "chars" | "nodes";

/** The mark written where the walk stopped. */
export function stopMark(reason: StopReason, l: Required<SerializeLimits>): string {
  return reason === "chars" ? `[truncated: ${l.maxLength}-char budget spent]` : `[truncated: ${l.maxNodes}-value budget spent]`;
}

/** Key of the mark inside an object (the same as for keys over `maxItems`). */
export const MARK_KEY = "…";

/** Characters kept free for the mark: `,"…":` and the longer of the two marks, quoted. */
export function markRoom(l: Required<SerializeLimits>): number {
  const chars = stopMark("chars", l).length;
  const nodes = stopMark("nodes", l).length;
  return 5 + 2 + Math.max(chars, nodes);
}

/**
 * `s` cut (after `maxStringLength`) so that it takes at most `room` characters (its JSON, when
 * `quoted`), marked with `…[N more chars]`; `undefined` when not even the mark and one character fit.
 */
export function cutToFit(s: string, maxStringLength: number, room: number, quoted: boolean): string | undefined {
  const longest = Math.min(s.length, maxStringLength);
  let keep = room - (quoted ? 2 : 0) - `…[${s.length} more chars]`.length;
  if (keep >= longest) keep = longest - 1;
  for (let tries = 0; keep > 0 && tries < 32; tries++) {
    const cut = `${s.slice(0, keep)}…[${s.length - keep} more chars]`;
    const length = quoted ? jsonStringLength(cut) : cut.length;
    if (length <= room) return cut;
    keep -= length - room;
  }
  return undefined;
}

/** Exact length of `JSON.stringify(n)` for a finite number; integers without converting them. */
export function numberLength(n: number): number {
  if (!Number.isInteger(n) || n >= 1e15 || n <= -1e15) return String(n).length;
  let length = n < 0 ? 2 : 1;
  const a = n < 0 ? -n : n;
  for (let p = 10; a >= p; p *= 10) length++;
  return length;
}
