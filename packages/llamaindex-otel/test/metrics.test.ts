import { createTestMetrics } from "@genai-otel/core-semconv/testing";
import { Settings } from "@llamaindex/core/global";
import { afterAll, expect, it } from "vitest";
import { buildIndex, rejection, standInLLM, useStandInModels, useStandIns } from "./fixtures";

const testMetrics = createTestMetrics({ registerGlobal: false });
const { tracing, server } = useStandIns({ meterProvider: testMetrics.provider }, false);
const hello = { messages: [{ role: "user" as const, content: "Hello" }] };

afterAll(() => testMetrics.shutdown());

it("records the GenAI client metrics of chat and embeddings calls, as the LangChain adapter does", async () => {
  useStandInModels(server(), { includeUsage: true });
  const index = await buildIndex();
  await index.asQueryEngine().query({ query: "What does the keeper log?" });
  for await (const _ of await Settings.llm.chat({ ...hello, stream: true }));
  await rejection(standInLLM(server(), { model: "error-500" }).chat(hello)); // through events: its failure is seen
  const spans = tracing.spans();
  const sum = (prefix: string, key: string) => spans.filter((s) => s.name.startsWith(prefix)).reduce((n, s) => n + Number(s.attributes[key] ?? 0), 0);

  const h = await testMetrics.histograms();
  const durations = h.get("gen_ai.client.operation.duration")!;
  expect(durations.unit).toBe("s");
  expect(durations.points.map((p) => [p.attributes["gen_ai.operation.name"], p.attributes["gen_ai.request.model"], p.attributes["error.type"], p.count])).toEqual([
    ["embeddings", "text-embedding-3-small", undefined, 2], // indexing, query
    ["chat", "gpt-4o-mini", undefined, 2], // synthesize, streamed
    ["chat", "error-500", "InternalServerError", 1], // the failed call traced from events
  ]);
  const tokens = h.get("gen_ai.client.token.usage")!.points;
  const byKind = Object.fromEntries(tokens.map((p) => [`${p.attributes["gen_ai.operation.name"]} ${p.attributes["gen_ai.token.type"]}`, p.sum]));
  expect(byKind).toEqual({
    "embeddings input": sum("embeddings", "gen_ai.usage.input_tokens"),
    "chat input": sum("chat gpt", "gen_ai.usage.input_tokens"),
    "chat output": sum("chat gpt", "gen_ai.usage.output_tokens"),
  });
  expect(tokens[0]!.attributes).toMatchObject({ "gen_ai.provider.name": "openai", "server.address": "127.0.0.1", "server.port": server().port });
  expect(h.get("gen_ai.client.operation.time_to_first_chunk")!.points.map((p) => p.count)).toEqual([1]);
});

it("records error.type for a failed call once the failure is known", async () => {
  useStandInModels(server(), { model: "error-500" });
  await rejection(Settings.llm.chat(hello));
  const durations = (await testMetrics.histograms()).get("gen_ai.client.operation.duration")!.points;
  expect(durations.find((p) => p.attributes["error.type"])?.attributes).toMatchObject({
    "gen_ai.operation.name": "chat",
    "gen_ai.request.model": "error-500",
    "error.type": "InternalServerError",
  });
});
