import { describe, expect, it } from "vitest";
import { shortenJson } from "../src/export/shorten-json";

const message = (i: number, size = 100) => ({ role: i % 2 ? "assistant" : "user", parts: [{ type: "text", content: `${i}:`.padEnd(size, "x") }] });

describe("shortenJson", () => {
  it("drops whole input messages from the start (keeps the latest), staying valid JSON under the limit", () => {
    const text = JSON.stringify(Array.from({ length: 50 }, (_, i) => message(i)));
    const out = shortenJson(text, 1000, "gen_ai.input.messages") as string;
    expect(out.length).toBeLessThanOrEqual(1000);
    const parsed = JSON.parse(out) as ReturnType<typeof message>[];
    expect(parsed.length).toBeGreaterThan(0);
    expect(parsed.at(-1)).toEqual(message(49));
    expect(parsed.every((m) => m.parts[0]?.content.length === 100)).toBe(true);
  });

  it("keeps the first items of other lists (output messages, documents)", () => {
    const text = JSON.stringify(Array.from({ length: 50 }, (_, i) => message(i)));
    const parsed = JSON.parse(shortenJson(text, 1000, "gen_ai.retrieval.documents") as string) as unknown[];
    expect(parsed[0]).toEqual(message(0));
  });

  it("shortens the longest strings of a single item that is over the limit alone", () => {
    const text = JSON.stringify([message(0, 10_000)]);
    const out = shortenJson(text, 4095, "gen_ai.output.messages") as string;
    expect(out.length).toBeLessThanOrEqual(4095);
    const [m] = JSON.parse(out) as ReturnType<typeof message>[];
    expect(m?.role).toBe("user");
    expect(m?.parts[0]?.content.endsWith("…")).toBe(true);
  });

  it("handles JSON objects, escapes and non-JSON text", () => {
    const obj = JSON.stringify({ a: '"'.repeat(3000), b: "keep" });
    const out = shortenJson(obj, 1000, "x") as string;
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(JSON.parse(out)).toMatchObject({ b: "keep" });
    expect(shortenJson("plain text ".repeat(200), 100, "x")).toBeUndefined();
    expect(shortenJson("[not json".padEnd(200, "x"), 100, "x")).toBeUndefined();
    expect(shortenJson("[1,2]", 100, "x")).toBe("[1,2]");
  });
});
