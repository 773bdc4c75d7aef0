/**
 * The full walk of the serialiser: turns any value into a JSON-safe copy while counting, exactly,
 * the characters `JSON.stringify` will write for it and the values it visits, and stops as soon as
 * either budget is spent.
 *
 * Shared references (the same object reached from several places, not a cycle) are written out in
 * full at each place, as `JSON.stringify` would, and each time counted against both budgets: a
 * value graph that shares one big array a thousand times costs at most the budget, and data that
 * shares a small object keeps its usual shape. Only an object that contains itself is replaced,
 * by `"[Circular]"`.
 */

import { MARK_KEY, type ResolvedLimits, type StopReason, cutToFit, jsonStringLength, numberLength, stopMark, truncate } from "./serialize-budget";

/** The entries an Error is written with. */
const ERROR_KEYS = ["name", "message"] as const;

/** Sets an own, enumerable property, even for the key `__proto__` (which plain assignment would not). */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** One walk, within `keep` characters (`maxLength` less the room of the mark) and `maxNodes` values; the mark is written where it stopped. */
class Walk {
  used = 0;
  nodes = 0;
  stopped = false;
  private marked = false;
  private reason: StopReason = "chars";
  private readonly limit: number;

  constructor(private readonly l: ResolvedLimits) {
    this.limit = l.keep;
  }

  /** Spends `cost` characters, or stops the walk (for lack of characters) when they are not there. */
  private spend(cost: number): boolean {
    if (this.used + cost <= this.limit) {
      this.used += cost;
      return true;
    }
    this.stop("chars");
    return false;
  }

  private stop(reason: StopReason): void {
    if (this.stopped) return;
    this.stopped = true;
    this.reason = reason;
  }

  /** The mark, once (its room was kept free); later calls get `undefined`. */
  private mark(): string | undefined {
    if (this.marked) return undefined;
    this.marked = true;
    return stopMark(this.reason, this.l);
  }

  /** After a child stopped the walk: the mark at the end of an array, if the child did not carry it. */
  private markArray(out: unknown[]): void {
    const m = this.mark();
    if (m !== undefined) out.push(m);
  }

  private markObject(out: Record<string, unknown>): void {
    const m = this.mark();
    if (m !== undefined) setOwn(out, MARK_KEY, m);
  }

  /** Text of the serialiser's own (a type's rendering, a summary): whole, or the mark when it does not fit. */
  private own(s: string): string | undefined {
    return this.spend(jsonStringLength(s)) ? s : this.mark();
  }

  /** A string value: cut at `maxStringLength`, and to what is left of the budget. */
  private str(s: string): string | undefined {
    const t = truncate(s, this.l.maxStringLength);
    // t.length + 2 is the least its JSON takes: a string that cannot fit is not scanned for escapes.
    if (this.used + t.length + 2 <= this.limit) {
      if (this.spend(jsonStringLength(t))) return t;
    } else this.stop("chars");
    const cut = cutToFit(s, this.l.maxStringLength, this.limit - this.used, true);
    if (cut === undefined) return this.mark();
    this.used += jsonStringLength(cut);
    return cut;
  }

  /**
   * The JSON-safe copy of `v` (`undefined` for what JSON leaves out; in an array that is written
   * `null`, and paid for as such).
   */
  value(v: unknown, depth: number, inArray: boolean): unknown {
    if (this.stopped) return undefined;
    if (++this.nodes > this.l.maxNodes) {
      this.stop("nodes");
      return this.mark();
    }
    switch (typeof v) {
      case "string":
        return this.str(v);
      case "number":
        if (!Number.isFinite(v)) return this.own(String(v));
        return this.spend(numberLength(v)) ? v : this.mark();
      case "boolean":
        return this.spend(v ? 4 : 5) ? v : this.mark();
      case "bigint":
        return this.own(v.toString());
      case "symbol":
        return this.own(v.toString());
      case "function":
        return this.own(`[Function ${v.name || "anonymous"}]`);
      case "undefined":
        if (!inArray) return undefined;
        return this.spend(4) ? null : this.mark();
    }
    if (v === null) return this.spend(4) ? null : this.mark();
    return this.object(v as object, depth, inArray);
  }

  /** Ancestors of the value being walked, for cycles: a short stack, then (past 64 levels) a WeakSet. */
  private readonly ancestors: object[] = [];
  private deepAncestors?: WeakSet<object>;

  private isAncestor(obj: object): boolean {
    return this.ancestors.includes(obj) || this.deepAncestors?.has(obj) === true;
  }

  private enter(obj: object): void {
    if (this.ancestors.length < 64) this.ancestors.push(obj);
    else {
      this.deepAncestors ??= new WeakSet();
      this.deepAncestors.add(obj);
    }
  }

  private leave(obj: object): void {
    if (this.ancestors[this.ancestors.length - 1] === obj) this.ancestors.pop();
    else this.deepAncestors?.delete(obj);
  }

  private object(obj: object, depth: number, inArray: boolean): unknown {
    if (this.isAncestor(obj)) return this.own("[Circular]");
    const before = this.used;
    try {
      const proto = Object.getPrototypeOf(obj);
      // Plain objects and arrays (most of what is recorded) skip the checks for the other kinds.
      const plain = proto === Object.prototype || proto === Array.prototype || proto === null;
      if (!plain && obj instanceof Date) return this.own(Number.isNaN(obj.getTime()) ? "Invalid Date" : obj.toISOString());
      if (ArrayBuffer.isView(obj)) return this.own(`[${obj.constructor?.name ?? "TypedArray"} ${obj.byteLength} bytes]`);
      if (!plain && obj instanceof ArrayBuffer) return this.own(`[ArrayBuffer ${obj.byteLength} bytes]`);
      if (depth >= this.l.maxDepth) return this.own(Array.isArray(obj) ? "[Array]" : "[Object]");
      this.enter(obj);
      try {
        if (Array.isArray(obj)) return this.array(obj, obj.length, depth);
        if (!plain) {
          if (obj instanceof Error) return this.entries(ERROR_KEYS, [obj.name, String(obj.message)], undefined, 2, depth, "");
          if (obj instanceof Set) return this.array(this.firstOf(obj.values(), obj.size), obj.size, depth);
          if (obj instanceof Map) {
            const keys = this.firstOf(obj.keys(), obj.size);
            const values = this.firstOf(obj.values(), obj.size);
            return this.entries(keys, values, undefined, obj.size, depth, `[${obj.size - this.l.maxItems} more entries]`);
          }
        }
        const toJSON = (obj as { toJSON?: unknown }).toJSON;
        if (typeof toJSON === "function") return this.value(toJSON.call(obj), depth + 1, inArray);
        const keys = this.keysOf(obj);
        return this.entries(keys, undefined, obj as Record<string, unknown>, keys.length, depth, "[more keys]");
      } finally {
        this.leave(obj);
      }
    } catch {
      this.used = before;
      return this.own("[Unserializable]");
    }
  }

  /** Own keys of objects with more than `maxItems` of them, listed once per walk however often they are reached. */
  private wide?: Map<object, string[]>;

  /** `Object.keys(obj)` (a native pass over all the keys: for a wide object, listed once per walk). */
  private keysOf(obj: object): string[] {
    const listed = this.wide?.get(obj);
    if (listed) return listed;
    const keys = Object.keys(obj);
    if (keys.length > this.l.maxItems) {
      this.wide ??= new Map();
      this.wide.set(obj, keys);
    }
    return keys;
  }

  /**
   * The first entries of a Set's or Map's iterator: as many as can be kept (`maxItems`) and, at
   * most, as many as the node budget has left, so that a shared Map costs no more than its share.
   */
  private firstOf(it: Iterator<unknown>, size: number): unknown[] {
    const left = this.l.maxNodes - this.nodes + 1;
    let n = Math.min(size, this.l.maxItems, left);
    if (!(n > 0)) n = 0; // and NaN
    const out = new Array<unknown>(n);
    for (let i = 0; i < out.length; i++) out[i] = it.next().value;
    return out;
  }

  /** An array (or the first items of a Set) of `length` items in all, at most `maxItems` of them kept. */
  private array(items: ArrayLike<unknown>, length: number, depth: number): unknown {
    if (!this.spend(2)) return this.mark();
    const out: unknown[] = [];
    // biome-ignore lint/complexity/useMathMinMax: Math.min would make a NaN limit keep nothing; the node budget bounds it
    const n = length > this.l.maxItems ? this.l.maxItems : length;
    for (let i = 0; i < n; i++) {
      if (i > 0 && !this.spend(1)) break;
      out.push(this.value(items[i], depth + 1, true));
      if (this.stopped) break;
    }
    if (!this.stopped && length > n) {
      const more = this.spend(n > 0 ? 1 : 0) ? this.own(`[${length - n} more items]`) : undefined;
      if (more !== undefined) out.push(more);
    }
    if (this.stopped) this.markArray(out);
    return out;
  }

  /**
   * An object of `size` entries, at most `maxItems` kept (then `"…": more`): `keys[i]` with
   * `values[i]`, or with `source[keys[i]]`, read only for the entries kept (so that a getter runs
   * once, and only there). Keys are truncated like strings; undefined values are left out.
   */
  private entries(keys: ArrayLike<unknown>, values: ArrayLike<unknown> | undefined, source: Record<string, unknown> | undefined, size: number, depth: number, more: string): unknown {
    if (!this.spend(2)) return this.mark();
    const out: Record<string, unknown> = {};
    let written = 0;
    for (let i = 0; i < size; i++) {
      if (i >= this.l.maxItems) {
        if (this.spend((written > 0 ? 1 : 0) + 4)) {
          const m = this.own(more);
          if (m !== undefined) setOwn(out, MARK_KEY, m);
        }
        break;
      }
      const rawKey = keys[i];
      const x = values ? values[i] : (source as Record<string, unknown>)[rawKey as string];
      if (x === undefined) {
        this.value(x, depth + 1, false); // counts the visit, as the plain path does
        if (this.stopped) break;
        continue;
      }
      const key = truncate(String(rawKey), this.l.maxStringLength);
      const keyCost = (written > 0 ? 1 : 0) + jsonStringLength(key) + 1;
      if (!this.spend(keyCost)) break;
      const y = this.value(x, depth + 1, false);
      if (y === undefined) this.used -= keyCost;
      else {
        setOwn(out, key, y);
        written++;
      }
      if (this.stopped) break;
    }
    if (this.stopped) this.markObject(out);
    return out;
  }
}

/**
 * The JSON-safe copy of `value` within the limits: the same as with no budget when its JSON takes
 * at most `keep` characters and the walk `maxNodes` values; else what fits, and the mark where the
 * walk stopped. One walk, stopped as soon as a budget is spent: its work is bounded by the budgets.
 */
export function walkJsonSafe(value: unknown, l: ResolvedLimits): unknown {
  return new Walk(l).value(value, 0, false);
}
