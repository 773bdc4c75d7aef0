import { ContentPolicy, type SerializeLimits, safeJsonStringify, toJsonSafe } from "@genai-otel/core-semconv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const repeat = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

/** Reads of counted properties: the work a serialisation did, whatever path it took. */
const reads = { n: 0 };

/** `target` with every element / property turned into a getter that counts its reads (still plain JSON data). */
function counted<T extends object>(target: T): T {
  for (const key of Object.keys(target)) {
    const value = (target as Record<string, unknown>)[key];
    Object.defineProperty(target, key, {
      enumerable: true,
      get() {
        reads.n++;
        return value;
      },
    });
  }
  return target;
}

const MARK = /\[truncated: \d+-(char|value) budget spent\]/;
/** What the serialiser writes of its own: the mark, and the summaries of what `maxItems` left out. */
const OWN = /^\[(truncated: \d+-(char|value) budget spent|\d+ more (items|entries)|more keys)\]$/;

/** The values a parsed JSON document holds (itself, and all below it) that come from the input. */
function countValues(v: unknown): number {
  if (Array.isArray(v)) return 1 + v.reduce((n: number, x) => n + countValues(x), 0);
  if (v !== null && typeof v === "object") return 1 + Object.values(v).reduce((n: number, x) => n + countValues(x), 0);
  return typeof v === "string" && OWN.test(v) ? 0 : 1;
}

describe("the serialiser's budget (issue 14)", () => {
  it("1,000 references to one 1,000-element array stay within 100,000 characters of valid JSON", () => {
    const row = repeat(1000, () => "x".repeat(100));
    const out = safeJsonStringify({ result: repeat(1000, () => row) });
    expect(out.length).toBeLessThanOrEqual(100_000);
    const parsed = JSON.parse(out);
    expect(parsed.result[0].slice(0, 900)).toEqual(row.slice(0, 900)); // what fits is written as it is
    expect(out).toMatch(MARK);
  });

  it("3 × 1000 × 10 × 1000 shared nesting records a bounded tool result, not an empty one", () => {
    const row = repeat(1000, () => "y".repeat(100));
    const ten = repeat(10, () => row);
    const thousand = repeat(1000, () => ten);
    const policy = new ContentPolicy({ captureContent: true });
    const result = String(policy.tool({ result: () => repeat(3, () => thousand) })["gen_ai.tool.call.result"]);
    expect(result.length).toBeGreaterThan(90_000);
    expect(result.length).toBeLessThanOrEqual(100_000);
    expect(JSON.parse(result)[0][0][0][0]).toBe("y".repeat(100));
    expect(result).toContain('"[truncated: 100000-char budget spent]"]]]]');
  });

  it("truncates object and Map keys like strings", () => {
    const huge = "k".repeat(20_000);
    const value = { [huge]: 1, nested: { [`${huge}2`]: 2 }, map: new Map([[huge, 3]]) };
    const parsed = JSON.parse(safeJsonStringify(value, { maxStringLength: 300 }));
    const keys = [...Object.keys(parsed), ...Object.keys(parsed.nested), ...Object.keys(parsed.map)];
    expect(keys).toContain(`${"k".repeat(300)}…[19700 more chars]`);
    expect(keys).toContain(`${"k".repeat(300)}…[19701 more chars]`);
    for (const key of keys) expect(key.length).toBeLessThanOrEqual(300 + "…[19701 more chars]".length);
    // And through the content policy, whose maxContentLength is the limit of keys too.
    const policy = new ContentPolicy({ captureContent: true, maxContentLength: 300 });
    const args = String(policy.tool({ arguments: () => ({ [huge]: "v" }) })["gen_ai.tool.call.arguments"]);
    expect(args.length).toBeLessThanOrEqual(300);
    expect(Object.keys(JSON.parse(args))[0]).toMatch(/^k+…\[\d+ more chars\]$|^…$/);
  });

  it("stops after the node budget and says so, reading each value at most three times (check, JSON.stringify, walk)", () => {
    const row = counted(repeat(1000, (i) => i));
    const value = repeat(1000, () => row);
    reads.n = 0;
    const out = safeJsonStringify(value, { maxNodes: 5000 });
    expect(reads.n).toBeLessThanOrEqual(3 * 5001);
    expect(out).toContain('"[truncated: 5000-value budget spent]"');
    expect(countValues(JSON.parse(out))).toBeLessThanOrEqual(5000);
    reads.n = 0;
    safeJsonStringify(value); // the default budget, 20,000 values
    expect(reads.n).toBeLessThanOrEqual(3 * 20_001);
  });

  it("keeps the other types as they were, within the budget, never throwing", () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const throwing = new Proxy({}, { ownKeys: () => { throw new Error("trap"); } });
    const item = { m: new Map([["k", 1n]]), s: new Set([Symbol("s")]), d: new Date(0), b: Buffer.from("ab"), t: new Uint16Array(2), e: new RangeError("bad"), p: new Point(1), f() {}, throwing };
    const out = safeJsonStringify(repeat(1000, () => repeat(100, () => item)), { maxLength: 5_000 });
    expect(out.length).toBeLessThanOrEqual(5_000);
    const first = JSON.parse(out)[0][0];
    expect(first).toEqual({ m: { k: "1" }, s: ["Symbol(s)"], d: "1970-01-01T00:00:00.000Z", b: "[Buffer 2 bytes]", t: "[Uint16Array 4 bytes]", e: { name: "RangeError", message: "bad" }, p: { x: 1 }, f: "[Function f]", throwing: "[Unserializable]" });
  });

  it("cuts a long string to what is left of the budget, and a string at the root as text", () => {
    const out = safeJsonStringify({ a: "x".repeat(500) }, { maxLength: 200 });
    expect(out.length).toBeLessThanOrEqual(200);
    const parsed = JSON.parse(out);
    expect(parsed.a).toMatch(/^x+…\[\d+ more chars\]$/);
    expect(parsed["…"]).toBe("[truncated: 200-char budget spent]");
    const text = safeJsonStringify("é\n".repeat(1000), { maxLength: 100 });
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text.startsWith("é\né\n")).toBe(true);
  });

  it("raises a budget too small for its mark to the mark's room, and ignores a NaN budget", () => {
    const out = safeJsonStringify(repeat(100, (i) => i), { maxLength: 1 });
    expect(JSON.parse(out)).toBe("[truncated: 44-char budget spent]");
    expect(safeJsonStringify(repeat(30_000, () => 1), { maxNodes: Number.NaN, maxItems: 30_000 })).toContain("20000-value budget spent");
  });
});

/** A value graph with shared references: each node refers to earlier ones, so paths multiply. */
const dag = fc
  .record({
    leaves: fc.array(
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.string({ unit: "binary", maxLength: 20 }),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.nat({ max: 30_000 }).map((n) => "s".repeat(n)),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    nodes: fc.array(
      fc.record({
        array: fc.boolean(),
        width: fc.nat({ max: 1500 }),
        picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        keyLength: fc.oneof(fc.constant(0), fc.nat({ max: 20_000 })),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    depthChain: fc.nat({ max: 80 }),
  })
  .map(({ leaves, nodes, depthChain }) => {
    const pool: unknown[] = [...leaves];
    for (const node of nodes) {
      const child = (j: number) => pool[node.picks[j % node.picks.length]! % pool.length];
      if (node.array) pool.push(counted(repeat(node.width, child)));
      else pool.push(counted(Object.fromEntries(repeat(Math.min(node.width, 300), (j) => [j === 0 && node.keyLength ? "k".repeat(node.keyLength) : `key${j}`, child(j)]))));
    }
    let root = pool.at(-1);
    for (let i = 0; i < depthChain; i++) root = counted({ d: root, shared: pool.at(-1) });
    return root;
  });

const limits = fc.record({
  maxLength: fc.integer({ min: 60, max: 5_000 }),
  maxNodes: fc.integer({ min: 1, max: 2_000 }),
  maxStringLength: fc.integer({ min: 0, max: 500 }),
  maxDepth: fc.integer({ min: 0, max: 100 }),
  maxItems: fc.integer({ min: 0, max: 2_000 }),
});

describe("the serialiser's budget, fuzzed", () => {
  it("gives valid JSON within the character budget, with bounded work, for DAGs, wide and deep nesting, huge keys", () => {
    fc.assert(
      fc.property(dag, limits, (value, l: Required<SerializeLimits>) => {
        reads.n = 0;
        const out = safeJsonStringify(value, l);
        expect(reads.n).toBeLessThanOrEqual(3 * (l.maxNodes + 1));
        expect(out.length).toBeLessThanOrEqual(l.maxLength);
        if (typeof value !== "string" && out !== "") {
          const parsed = JSON.parse(out);
          expect(countValues(parsed)).toBeLessThanOrEqual(l.maxNodes);
        }
        expect(out).toBe(JSON.stringify(toJsonSafe(value, l)) ?? "");
      }),
      { numRuns: 400 },
    );
  }, 180_000); // hundreds of generated graphs: room on a loaded machine (the time per value is the bench's concern)

  it("holds at the default budget too", () => {
    fc.assert(
      fc.property(dag, (value) => {
        reads.n = 0;
        const out = safeJsonStringify(value);
        expect(reads.n).toBeLessThanOrEqual(3 * 20_001);
        expect(out.length).toBeLessThanOrEqual(100_000);
        if (typeof value !== "string" && out !== "") JSON.parse(out);
      }),
      { numRuns: 60 },
    );
  }, 180_000);
});
