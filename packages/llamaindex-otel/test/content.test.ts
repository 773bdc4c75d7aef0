import { createTestTracing } from "@genai-otel/core-semconv/testing";
import { instrumentLlamaIndex } from "@genai-otel/llamaindex-otel";
import { Settings } from "@llamaindex/core/global";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DOCUMENTS, type OpenAIServer, buildIndex, startOpenAIServer, useStandInModels } from "./fixtures";

const tracing = createTestTracing();
let server: OpenAIServer;

const CONTENT_KEYS = ["gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.retrieval.query.text", "gen_ai.retrieval.documents"];

function attributesOf(prefix: string) {
  return tracing.spans().find((s) => s.name.startsWith(prefix))!.attributes;
}

beforeAll(async () => {
  server = await startOpenAIServer();
});
afterEach(() => tracing.reset());
afterAll(async () => {
  await server.close();
  await tracing.shutdown();
});

describe("content capture off (the default)", () => {
  it("records no prompt, completion, query or document", async () => {
    const instrumentation = instrumentLlamaIndex();
    try {
      useStandInModels(server);
      const index = await buildIndex();
      await index.asQueryEngine().query({ query: "What does the keeper log?" });
      const keys = tracing.spans().flatMap((s) => Object.keys(s.attributes));
      expect(keys.filter((k) => CONTENT_KEYS.includes(k))).toEqual([]);
    } finally {
      instrumentation.uninstrument();
    }
  });
});

describe("content capture on", () => {
  let instrumentation: ReturnType<typeof instrumentLlamaIndex>;
  beforeAll(() => {
    instrumentation = instrumentLlamaIndex({ captureContent: true });
    useStandInModels(server, { includeUsage: true });
  });
  afterAll(() => instrumentation.uninstrument());

  it("records retrieval query and documents, and chat messages", async () => {
    const index = await buildIndex();
    tracing.reset();
    await index.asQueryEngine().query({ query: "What does the keeper log?" });
    const retrieval = attributesOf("retrieval");
    expect(retrieval["gen_ai.retrieval.query.text"]).toBe("What does the keeper log?");
    const documents = JSON.parse(String(retrieval["gen_ai.retrieval.documents"]));
    expect(documents.map((d: { id: string }) => d.id)).toEqual([expect.any(String), expect.any(String)]);
    expect(documents.map((d: { content: string }) => d.content).sort()).toEqual([...DOCUMENTS].sort());
    const chat = attributesOf("chat");
    const input = JSON.parse(String(chat["gen_ai.input.messages"]));
    expect(input).toEqual([{ role: "user", parts: [{ type: "text", content: expect.stringContaining("What does the keeper log?") }] }]);
    const output = JSON.parse(String(chat["gen_ai.output.messages"]));
    expect(output).toEqual([
      { role: "assistant", parts: [{ type: "text", content: expect.stringContaining("deterministic reply") }], finish_reason: "stop" },
    ]);
  });

  it("assembles the output message of a streamed chat", async () => {
    const stream = await Settings.llm.chat({ messages: [{ role: "user", content: "Hello there" }], stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.delta;
    expect(tracing.shape().map((s) => s.name)).toEqual(["chat gpt-4o-mini"]);
    const output = JSON.parse(String(attributesOf("chat")["gen_ai.output.messages"]));
    expect(output).toEqual([{ role: "assistant", parts: [{ type: "text", content: text }], finish_reason: "stop" }]);
  });

  it("traces direct complete() as one chat span", async () => {
    const result = await Settings.llm.complete({ prompt: "Say something" });
    expect(result.text).toContain("deterministic reply");
    expect(tracing.shape(["gen_ai.usage.output_tokens"])).toEqual([
      { name: "chat gpt-4o-mini", attributes: { "gen_ai.usage.output_tokens": expect.any(Number) }, children: [] },
    ]);
    const input = JSON.parse(String(attributesOf("chat")["gen_ai.input.messages"]));
    expect(input).toEqual([{ role: "user", parts: [{ type: "text", content: "Say something" }] }]);
  });

  it("traces a direct query embedding once (getQueryEmbedding calls getTextEmbedding)", async () => {
    const vector = await Settings.embedModel.getQueryEmbedding({ type: "text", text: "tides" });
    expect(vector).toHaveLength(16);
    expect(tracing.shape(["gen_ai.embeddings.dimension.count"])).toEqual([
      { name: "embeddings text-embedding-3-small", attributes: { "gen_ai.embeddings.dimension.count": 16 }, children: [] },
    ]);
  });
});
