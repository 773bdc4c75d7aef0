import { spanShape } from "@genai-otel/core-semconv/testing";
import { agent } from "@llamaindex/workflow";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { expect, it } from "vitest";
import { buildIndex, outline, useStandIns, weatherTool } from "./fixtures";

// Content capture is on so each tree can be checked to hold its own question, not only the right shape.
// Hundreds of concurrent calls: the clients retry a reset connection and wait longer on a loaded machine.
const { tracing } = useStandIns({ captureContent: true }, { burst: true });

function byTrace(spans: readonly ReadableSpan[]): ReadableSpan[][] {
  const traces = new Map<string, ReadableSpan[]>();
  for (const s of spans) traces.set(s.spanContext().traceId, [...(traces.get(s.spanContext().traceId) ?? []), s]);
  return [...traces.values()];
}

const attribute = (spans: readonly ReadableSpan[], prefix: string, key: string) => String(spans.find((s) => s.name.startsWith(prefix))?.attributes[key]);


it("gives 200 concurrent queries 200 correctly parented trees", async () => {
  const index = await buildIndex();
  tracing.reset();
  const engine = index.asQueryEngine();
  await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? engine.query({ query: `question ${i}?` }) : index.asQueryEngine().query({ query: `question ${i}?` }))));
  const traces = byTrace(tracing.spans());
  expect(traces).toHaveLength(200);
  const questions = new Set<string>();
  for (const spans of traces) {
    expect(outline(spanShape(spans))).toEqual(["query", "  retrieval VectorIndexRetriever", "    embeddings text-embedding-3-small", "  synthesize", "    chat gpt-4o-mini"]);
    const question = attribute(spans, "retrieval", "gen_ai.retrieval.query.text");
    expect(attribute(spans, "chat", "gen_ai.input.messages")).toContain(question);
    questions.add(question);
  }
  expect(questions.size).toBe(200);
}, 120_000); // a few seconds alone; more beside the other suites on a loaded 2-core machine

it("gives 50 concurrent agent runs 50 trees, each with its own tool call", async () => {
  const helper = agent({ name: "helper", tools: [weatherTool()] });
  await Promise.all(Array.from({ length: 50 }, (_, i) => helper.run(`What is the weather in city${i}`)));
  const traces = byTrace(tracing.spans());
  expect(traces).toHaveLength(50);
  const cities = new Set<string>();
  for (const spans of traces) {
    expect(outline(spanShape(spans))).toEqual([
      "invoke_agent helper",
      "  agent_step helper",
      "    chat gpt-4o-mini",
      "  execute_tool weather",
      "  agent_step helper",
      "    chat gpt-4o-mini",
    ]);
    const city = JSON.parse(attribute(spans, "execute_tool", "gen_ai.tool.call.arguments")).city;
    expect(attribute(spans, "invoke_agent", "gen_ai.input.messages")).toContain(city);
    cities.add(city);
  }
  expect(cities.size).toBe(50);
}, 120_000); // a few seconds alone; more beside the other suites on a loaded 2-core machine
