import { type SerializeLimits, safeJsonStringify, toJsonSafe } from "@genai-otel/core-semconv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/** Any JavaScript value fast-check can make, including the ones JSON.stringify cannot take. */
const anyValue = () =>
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withObjectString: true,
    withBoxedValues: true,
    maxDepth: 6,
  });

/** Thousands of generated values: a few seconds alone, far more beside the other suites on a loaded CI machine. */
const FUZZ_TIMEOUT_MS = 180_000;

describe("safeJsonStringify", () => {
  it("handles what JSON.stringify cannot", () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    const value = {
      circular,
      big: 10n,
      sym: Symbol("s"),
      fn: function named() {},
      buf: Buffer.from("abc"),
      typed: new Float32Array(4),
      date: new Date(0),
      bad: new Date(Number.NaN),
      err: new TypeError("boom"),
      map: new Map([["k", 1]]),
      set: new Set([1, 2]),
      nan: Number.NaN,
      undef: undefined,
    };
    expect(JSON.parse(safeJsonStringify(value))).toEqual({
      circular: { a: 1, self: "[Circular]" },
      big: "10",
      sym: "Symbol(s)",
      fn: "[Function named]",
      buf: "[Buffer 3 bytes]",
      typed: "[Float32Array 16 bytes]",
      date: "1970-01-01T00:00:00.000Z",
      bad: "Invalid Date",
      err: { name: "TypeError", message: "boom" },
      map: { k: 1 },
      set: [1, 2],
      nan: "NaN",
    });
  });

  it("survives throwing getters and toJSON", () => {
    const hostile = {
      get x() {
        throw new Error("getter");
      },
      y: { toJSON: () => { throw new Error("toJSON"); } },
    };
    expect(() => safeJsonStringify(hostile)).not.toThrow();
    expect(safeJsonStringify(hostile)).toContain("[Unserializable]");
  });

  it("bounds depth, item count and string length", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const out = JSON.parse(safeJsonStringify({ deep, many: Array.from({ length: 5000 }, (_, i) => i), long: "x".repeat(50) }, { maxDepth: 5, maxItems: 10, maxStringLength: 20 }));
    expect(JSON.stringify(out.deep)).toBe('[[[["[Array]"]]]]');
    expect(out.many).toHaveLength(11);
    expect(out.many.at(-1)).toBe("[4990 more items]");
    expect(out.long).toBe(`${"x".repeat(20)}…[30 more chars]`);
  });

  it("returns strings as they are (truncated), not quoted", () => {
    expect(safeJsonStringify("hello")).toBe("hello");
    expect(safeJsonStringify("abcdef", { maxStringLength: 3 })).toBe("abc…[3 more chars]");
  });

  it("never throws and always yields valid JSON for 10,000 generated values", () => {
    fc.assert(
      fc.property(anyValue(), (value) => {
        const out = safeJsonStringify(value, { maxStringLength: 50 });
        expect(typeof out).toBe("string");
        if (typeof value !== "string" && out !== "") JSON.parse(out);
      }),
      { numRuns: 10_000 },
    );
  }, FUZZ_TIMEOUT_MS);

  it("gives JSON.stringify(toJsonSafe(value)) for any value, plain or not, under any limits", () => {
    const limits = fc.record({ maxDepth: fc.integer({ min: 0, max: 8 }), maxItems: fc.integer({ min: 0, max: 6 }), maxStringLength: fc.integer({ min: 0, max: 20 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(anyValue(), fc.jsonValue({ maxDepth: 6 })), limits, (value, l) => {
        if (typeof value === "string") return;
        expect(safeJsonStringify(value, l)).toBe(JSON.stringify(toJsonSafe(value, l)) ?? "");
      }),
      { numRuns: 5_000 },
    );
  }, FUZZ_TIMEOUT_MS);

  it("takes the full walk for what plain JSON.stringify would get wrong", () => {
    const cyclic: Record<string, unknown> = { a: [1] };
    (cyclic.a as unknown[]).push(cyclic);
    class Point {
      constructor(readonly x: number) {}
    }
    const cases: [unknown, SerializeLimits | undefined, string][] = [
      [{ d: new Date(0) }, undefined, '{"d":"1970-01-01T00:00:00.000Z"}'],
      [{ d: new Date(Number.NaN) }, undefined, '{"d":"Invalid Date"}'],
      [{ b: Buffer.from("ab") }, undefined, '{"b":"[Buffer 2 bytes]"}'],
      [{ n: Number.POSITIVE_INFINITY }, undefined, '{"n":"Infinity"}'],
      [[Number.NaN, -0], undefined, '["NaN",0]'],
      [{ big: 1n }, undefined, '{"big":"1"}'],
      [{ u: undefined, a: [undefined] }, undefined, '{"a":[null]}'],
      [{ f() {}, s: Symbol("k") }, undefined, '{"f":"[Function f]","s":"Symbol(k)"}'],
      [{ self: { toJSON: () => ({ inner: true }) } }, undefined, '{"self":{"inner":true}}'],
      [Object.assign([1], { toJSON: () => "replaced" }), undefined, "[1]"],
      [new Point(1), undefined, '{"x":1}'],
      [cyclic, undefined, '{"a":[1,"[Circular]"]}'],
      [{ s: "abcdef" }, { maxStringLength: 2 }, '{"s":"ab…[4 more chars]"}'],
      [[1, 2, 3], { maxItems: 2 }, '[1,2,"[1 more items]"]'],
      [{ a: 1, b: 2 }, { maxItems: 1 }, '{"a":1,"…":"[more keys]"}'],
      [{ a: { b: {} } }, { maxDepth: 2 }, '{"a":{"b":"[Object]"}}'],
      [{ a: {} }, { maxDepth: -1 }, '"[Object]"'],
    ];
    for (const [value, limits, expected] of cases) expect(safeJsonStringify(value, limits)).toBe(expected);
  });

  it("falls back when a getter throws, and when the plain check itself cannot finish", () => {
    const throwing = {
      ok: 1,
      get bad(): number {
        throw new Error("getter");
      },
    };
    expect(safeJsonStringify(throwing)).toBe('"[Unserializable]"'); // as toJsonSafe: the object it could not read
    let deep: unknown = "leaf";
    for (let i = 0; i < 100; i++) deep = { d: deep };
    const out = safeJsonStringify(deep, { maxDepth: Number.POSITIVE_INFINITY });
    expect(out).toBe(JSON.stringify(toJsonSafe(deep, { maxDepth: Number.POSITIVE_INFINITY })));
    expect(out.endsWith('"leaf"' + "}".repeat(100))).toBe(true);
  });

  it("keeps JSON-safe values unchanged", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const normalised = JSON.parse(JSON.stringify(value));
        expect(toJsonSafe(normalised)).toEqual(normalised);
      }),
      { numRuns: 2_000 },
    );
  }, FUZZ_TIMEOUT_MS);
});
