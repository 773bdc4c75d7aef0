import { safeJsonStringify, toJsonSafe } from "@genai-otel/core-semconv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

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
    const anything = fc.anything({
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
    fc.assert(
      fc.property(anything, (value) => {
        const out = safeJsonStringify(value, { maxStringLength: 50 });
        expect(typeof out).toBe("string");
        if (typeof value !== "string" && out !== "") JSON.parse(out);
      }),
      { numRuns: 10_000 },
    );
  });

  it("keeps JSON-safe values unchanged", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const normalised = JSON.parse(JSON.stringify(value));
        expect(toJsonSafe(normalised)).toEqual(normalised);
      }),
      { numRuns: 2_000 },
    );
  });
});
