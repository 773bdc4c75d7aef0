import { createTestTracing } from "@genai-otel/core-semconv/testing";
import { instrumentLlamaIndex } from "@genai-otel/llamaindex-otel";
import { BaseEmbedding } from "@llamaindex/core/embeddings";
import { BaseQueryEngine } from "@llamaindex/core/query-engine";
import { BaseSynthesizer } from "@llamaindex/core/response-synthesizers";
import { BaseRetriever } from "@llamaindex/core/retriever";
import { OpenAI, OpenAIEmbedding } from "@llamaindex/openai";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type OpenAIServer, buildIndex, startOpenAIServer, useStandInModels } from "./fixtures";

const tracing = createTestTracing();
let server: OpenAIServer;

const PATCHED: Array<[object, string]> = [
  [BaseQueryEngine.prototype, "query"],
  [BaseSynthesizer.prototype, "synthesize"],
  [BaseRetriever.prototype, "retrieve"],
  [BaseEmbedding.prototype, "getQueryEmbedding"],
  [BaseEmbedding.prototype, "getTextEmbeddingsBatch"],
  [BaseEmbedding.prototype, "getTextEmbeddings"],
  [OpenAI.prototype, "chat"],
  [OpenAIEmbedding.prototype, "getTextEmbedding"],
];
const snapshot = () => PATCHED.map(([target, name]) => Object.getOwnPropertyDescriptor(target, name));

beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(async () => {
  await server.close();
  await tracing.shutdown();
});

async function queryAll(index: Awaited<ReturnType<typeof buildIndex>>) {
  await index.asQueryEngine().query({ query: "What does the keeper log?" });
  for await (const _ of await index.asQueryEngine().query({ query: "again?", stream: true }));
}

it("restores every patched method, and objects built while instrumented make no more spans", async () => {
  const before = snapshot();
  const instrumentation = instrumentLlamaIndex();
  expect(snapshot()).not.toEqual(before);
  useStandInModels(server);
  const index = await buildIndex();
  const engine = index.asQueryEngine(); // binds the patched `query` to this instance
  await engine.query({ query: "traced?" });
  expect(tracing.spans().length).toBeGreaterThan(0);

  instrumentation.uninstrument();
  instrumentation.uninstrument(); // idempotent
  expect(snapshot()).toEqual(before);
  tracing.reset();
  await engine.query({ query: "untraced?" });
  await queryAll(index);
  useStandInModels(server);
  await queryAll(await buildIndex());
  expect(tracing.spans()).toEqual([]);
});

it("can instrument again after uninstrument, reaching objects built in between", async () => {
  useStandInModels(server);
  const index = await buildIndex(); // built while not instrumented
  const instrumentation = instrumentLlamaIndex();
  expect(instrumentLlamaIndex()).toBe(instrumentation); // a second call returns the same handle
  tracing.reset();
  await index.asQueryEngine().query({ query: "traced again?" });
  // The LLM was built while not instrumented: its per-instance `chat` is LlamaIndex's own.
  expect(tracing.shape().map((s) => [s.name, s.children.map((c) => c.name.split(" ")[0])])).toEqual([["query", ["retrieval", "synthesize"]]]);
  instrumentation.uninstrument();
});
