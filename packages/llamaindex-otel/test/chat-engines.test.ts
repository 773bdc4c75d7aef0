import { CondenseQuestionChatEngine, ContextChatEngine, SimpleChatEngine, type VectorStoreIndex } from "llamaindex";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex, outline, useStandIns } from "./fixtures";

const { tracing } = useStandIns({}, { includeUsage: true });
let index: VectorStoreIndex;

const CONTEXT_CHAT = ["chat_engine", "  retrieval VectorIndexRetriever", "    embeddings text-embedding-3-small", "  chat gpt-4o-mini"];

beforeAll(async () => {
  index = await buildIndex();
});

describe("ContextChatEngine", () => {
  it("nests retrieval and chat under chat_engine", async () => {
    const response = await new ContextChatEngine({ retriever: index.asRetriever() }).chat({ message: "What does the keeper log?" });
    expect(response.message.content).toContain("deterministic reply");
    expect(outline(tracing.shape())).toEqual(CONTEXT_CHAT);
    expect(tracing.shape(["genai_otel.run.type", "genai_otel.framework"])[0]!.attributes).toEqual({
      "genai_otel.run.type": "chat_engine",
      "genai_otel.framework": "llamaindex",
    });
  });

  it("keeps chat_engine and chat open until the stream is consumed, with usage from the last chunk", async () => {
    const stream = await new ContextChatEngine({ retriever: index.asRetriever() }).chat({ message: "What does the keeper log?", stream: true });
    expect(tracing.spans().map((s) => s.name)).not.toContain("chat_engine");
    let text = "";
    for await (const chunk of stream) text += chunk.delta;
    expect(text).toContain("deterministic reply");
    expect(outline(tracing.shape())).toEqual(CONTEXT_CHAT);
    const chat = tracing.spans().find((s) => s.name.startsWith("chat "))!;
    expect(chat.attributes).toMatchObject({ "gen_ai.request.stream": true, "gen_ai.usage.output_tokens": expect.any(Number) });
    expect(chat.attributes["gen_ai.response.time_to_first_chunk"]).toEqual(expect.any(Number));
  });

  it("ends chat_engine and chat, marked incomplete, when the stream is broken off", async () => {
    const stream = await new ContextChatEngine({ retriever: index.asRetriever() }).chat({ message: "What does the keeper log?", stream: true });
    for await (const _ of stream) break;
    const incomplete = tracing.spans().filter((s) => s.attributes["genai_otel.incomplete"] === true).map((s) => s.name);
    expect(incomplete.sort()).toEqual(["chat gpt-4o-mini", "chat_engine"]);
  });
});

describe("SimpleChatEngine", () => {
  it("gives chat_engine > chat", async () => {
    await new SimpleChatEngine().chat({ message: "Hello" });
    expect(outline(tracing.shape())).toEqual(["chat_engine", "  chat gpt-4o-mini"]);
  });
});

describe("CondenseQuestionChatEngine", () => {
  it("gives the condensing chat, then the query tree, under chat_engine", async () => {
    const engine = new CondenseQuestionChatEngine({ queryEngine: index.asQueryEngine(), chatHistory: [] });
    await engine.chat({ message: "What does the keeper log?" });
    expect(outline(tracing.shape())).toEqual([
      "chat_engine",
      "  chat gpt-4o-mini",
      "  query",
      "    retrieval VectorIndexRetriever",
      "      embeddings text-embedding-3-small",
      "    synthesize",
      "      chat gpt-4o-mini",
    ]);
  });
});
