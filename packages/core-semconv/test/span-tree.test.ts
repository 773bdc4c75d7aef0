import { formatSpanTree, type SpanTreeNode } from "@genai-otel/core-semconv";
import { describe, expect, it } from "vitest";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

function node(spanId: string, parentSpanId: string | undefined, name: string, extra: Partial<SpanTreeNode> = {}): SpanTreeNode {
  return { spanId, parentSpanId, traceId: TRACE, name, durationMs: 1, attributes: {}, ...extra };
}

describe("formatSpanTree", () => {
  it("shows a retrieval's document count", () => {
    const text = formatSpanTree([
      node("a1", undefined, "retrieval docs", { attributes: { "gen_ai.retrieval.documents.count": 3 } }),
      node("a2", "a1", "retrieval one", { attributes: { "gen_ai.retrieval.documents.count": 1 } }),
    ]);
    expect(text).toContain("retrieval docs  1.0 ms  3 documents");
    expect(text).toContain("retrieval one  1.0 ms  1 document");
  });

  it("nests children under parents, sorted by start time, with duration, tokens and error", () => {
    const text = formatSpanTree([
      node("c2", "root", "execute_tool get_weather", { startTimeMs: 30, durationMs: 1, error: true }),
      node("c1", "root", "chat gpt-4o-mini", {
        startTimeMs: 10,
        durationMs: 12.34,
        attributes: { "gen_ai.usage.input_tokens": 10, "gen_ai.usage.output_tokens": 20 },
      }),
      node("root", undefined, "invoke_agent weather", { startTimeMs: 0, durationMs: 130.2 }),
      node("g1", "c1", "retrieval docs", { startTimeMs: 11, durationMs: 2 }),
    ]);
    expect(text).toBe(
      [
        `trace ${TRACE}`,
        "└─ invoke_agent weather  130.2 ms",
        "   ├─ chat gpt-4o-mini  12.3 ms  in=10 out=20 tokens",
        "   │  └─ retrieval docs  2.0 ms",
        "   └─ execute_tool get_weather  1.0 ms  [ERROR]",
      ].join("\n"),
    );
  });

  it("prints one tree per trace and treats spans with a missing parent as roots", () => {
    const other = "00000000000000000000000000000001";
    const text = formatSpanTree([
      node("a", "not-here", "orphan", { startTimeMs: 5 }),
      { ...node("b", undefined, "second trace"), traceId: other, startTimeMs: 1 },
      node("c", undefined, "root", { startTimeMs: 2 }),
    ]);
    expect(text).toBe([`trace ${other}`, "└─ second trace  1.0 ms", `trace ${TRACE}`, "├─ root  1.0 ms", "└─ orphan  1.0 ms"].join("\n"));
  });

  it("shows only the token counts present, and extra attributes on request", () => {
    const text = formatSpanTree(
      [node("a", undefined, "embeddings m", { attributes: { "gen_ai.usage.input_tokens": 7, "gen_ai.request.model": "m", n: [1, 2] } })],
      { attributes: ["gen_ai.request.model", "n", "absent"] },
    );
    expect(text).toContain("embeddings m  1.0 ms  in=7 tokens  gen_ai.request.model=m  n=[1,2]");
  });

  it("keeps one line per span: control characters from span data are escaped", () => {
    const text = formatSpanTree([node("a", undefined, "evil\nname\u001b[31m", { attributes: { k: "x\ty" } })], { attributes: ["k"] });
    expect(text.split("\n")).toHaveLength(2);
    expect(text).toContain("evil\\nname\\x1b[31m");
    expect(text).toContain("k=x\\ty");
    expect(text).not.toContain("\u001b");
  });

  it("colours with ANSI escapes only when asked", () => {
    const spans = [node("a", undefined, "chat m", { error: true })];
    expect(formatSpanTree(spans)).not.toContain("\u001b[");
    expect(formatSpanTree(spans, { color: true })).toContain("\u001b[31m[ERROR]\u001b[0m");
  });

  it("cuts long attribute values and prints unknown durations as '?'", () => {
    const text = formatSpanTree([node("a", undefined, "x", { durationMs: Number.NaN, attributes: { long: "y".repeat(500) } })], {
      attributes: ["long"],
    });
    expect(text).toContain("x  ? ms");
    expect(text).toContain(`long=${"y".repeat(120)}…`);
  });

  it("never loses spans in a parent cycle and never throws", () => {
    const text = formatSpanTree([node("a", "b", "A", { startTimeMs: 1 }), node("b", "a", "B", { startTimeMs: 2 })]);
    expect(text).toContain("A");
    expect(text).toContain("B");
    const hostile = { spanId: "z", traceId: TRACE, name: "z", durationMs: 1 } as unknown as SpanTreeNode;
    Object.defineProperty(hostile, "attributes", {
      get() {
        throw new Error("boom");
      },
    });
    expect(() => formatSpanTree([hostile, null as unknown as SpanTreeNode])).not.toThrow();
    expect(formatSpanTree([])).toBe("");
  });

  it("handles a 20,000-deep chain without recursion", () => {
    const spans = Array.from({ length: 20_000 }, (_, i) => node(`s${i}`, i === 0 ? undefined : `s${i - 1}`, `n${i}`));
    const lines = formatSpanTree(spans).split("\n");
    expect(lines).toHaveLength(20_001);
    expect(lines.at(-1)).toMatch(/└─ \[depth 19999\] n19999 {2}1\.0 ms$/);
    expect(lines.at(-1)!.length).toBeLessThan(200);
  });
});
