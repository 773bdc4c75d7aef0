import { BaseRetriever } from "@llamaindex/core/retriever";
import type { QueryBundle } from "@llamaindex/core/query-engine";
import type { NodeWithScore } from "@llamaindex/core/schema";
import { SpanKind } from "@opentelemetry/api";
import type { VectorStoreIndex } from "llamaindex";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex, KEYS, outline, useStandIns } from "./fixtures";

const { tracing, server, instrumentation } = useStandIns({}, { includeUsage: true });
let index: VectorStoreIndex;

const FRAMEWORK = { "genai_otel.framework": "llamaindex" };
/** An embeddings span; usage is read from the client's response (the stand-in counts words). */
const embeddingsSpan = (inputTokens: number) => ({
  name: "embeddings text-embedding-3-small",
  attributes: {
    ...FRAMEWORK,
    "gen_ai.operation.name": "embeddings",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "text-embedding-3-small",
    "gen_ai.embeddings.dimension.count": 16,
    "gen_ai.usage.input_tokens": inputTokens,
  },
  children: [],
});
const retrievalSpan = {
  name: "retrieval VectorIndexRetriever",
  attributes: { ...FRAMEWORK, "gen_ai.operation.name": "retrieval", "gen_ai.retrieval.documents.count": 2 },
  children: [embeddingsSpan(5)], // "What does the keeper log?"
};
const chatAttributes = {
  ...FRAMEWORK,
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": "gpt-4o-mini",
  "gen_ai.response.model": "gpt-4o-mini",
  "gen_ai.response.finish_reasons": ["stop"],
};

function queryTree(chat: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    name: "query",
    attributes: { ...FRAMEWORK, "genai_otel.run.type": "query", ...extra },
    children: [
      retrievalSpan,
      {
        name: "synthesize",
        attributes: { ...FRAMEWORK, "genai_otel.run.type": "synthesize", ...extra },
        children: [{ name: "chat gpt-4o-mini", attributes: { ...chatAttributes, ...chat, ...extra }, children: [] }],
      },
    ],
  };
}

beforeAll(async () => {
  index = await buildIndex();
});

describe("VectorStoreIndex", () => {
  it("traces the embedding requests made while indexing", async () => {
    tracing.reset();
    await buildIndex();
    expect(tracing.shape(KEYS)).toEqual([embeddingsSpan(25)]); // both documents, one request
  });
});

describe("query engine", () => {
  it("nests retrieval > embeddings and synthesize > chat under query", async () => {
    const response = await index.asQueryEngine().query({ query: "What does the keeper log?" });
    expect(response.message.content).toContain("deterministic reply");
    expect(tracing.shape(KEYS)).toEqual([
      queryTree({ "gen_ai.request.stream": false, "gen_ai.usage.input_tokens": 48, "gen_ai.usage.output_tokens": 22 }),
    ]);
    const kinds = Object.fromEntries(tracing.spans().map((s) => [s.name.split(" ")[0], s.kind]));
    expect(kinds).toEqual({ query: SpanKind.INTERNAL, synthesize: SpanKind.INTERNAL, retrieval: SpanKind.CLIENT, embeddings: SpanKind.CLIENT, chat: SpanKind.CLIENT });
    const chat = tracing.spans().find((s) => s.name.startsWith("chat"))!;
    expect(chat.attributes["gen_ai.response.id"]).toMatch(/^chatcmpl-/);
    expect(chat.attributes["server.address"]).toBe("127.0.0.1");
    expect(chat.attributes["server.port"]).toBe(server().port);
  });

  it("keeps query, synthesize and chat open until a stream is consumed", async () => {
    const stream = await index.asQueryEngine().query({ query: "What does the keeper log?", stream: true });
    // query() has resolved, but the model has not even been called yet
    expect(tracing.spans().map((s) => s.name)).toEqual(["embeddings text-embedding-3-small", expect.stringMatching(/^retrieval /)]);
    expect(instrumentation.stats().openStreams).toBeGreaterThan(0);
    let text = "";
    for await (const chunk of stream) text += chunk.delta;
    expect(instrumentation.stats()).toEqual({ openEventSpans: 0, openStreams: 0 });
    expect(text).toContain("deterministic reply");
    expect(tracing.shape(KEYS)).toEqual([
      queryTree({ "gen_ai.request.stream": true, "gen_ai.usage.input_tokens": 48, "gen_ai.usage.output_tokens": 22 }),
    ]);
    const chat = tracing.spans().find((s) => s.name.startsWith("chat"))!;
    expect(chat.attributes["gen_ai.response.time_to_first_chunk"]).toEqual(expect.any(Number));
    expect(chat.attributes["genai_otel.incomplete"]).toBeUndefined();
  });

  it("ends every span of a stream broken off early, marked incomplete", async () => {
    const stream = await index.asQueryEngine().query({ query: "What does the keeper log?", stream: true });
    let chunks = 0;
    for await (const _ of stream) if (++chunks === 2) break;
    expect(instrumentation.stats().openStreams).toBe(0);
    const incomplete = { "genai_otel.incomplete": true };
    // no finish reason nor usage: the model's last chunks were never read
    const chat = { "gen_ai.request.stream": true, "gen_ai.response.finish_reasons": undefined };
    expect(tracing.shape(KEYS)).toEqual([queryTree(chat, incomplete)]);
  });

  it("keeps concurrent queries in separate trees", async () => {
    const engine = index.asQueryEngine();
    await Promise.all([engine.query({ query: "first?" }), engine.query({ query: "second?", stream: false })]);
    const names = tracing.shape().map(function flatten(s): unknown {
      return [s.name.split(" ")[0], s.children.map(flatten)];
    });
    const one = ["query", [["retrieval", [["embeddings", []]]], ["synthesize", [["chat", []]]]]];
    expect(names).toEqual([one, one]);
    expect(new Set(tracing.spans().map((s) => s.spanContext().traceId)).size).toBe(2);
  });
});

describe("one object's operation calling another of its own", () => {
  /** Retrieves again through its own `retrieve` with a rewritten query, and with a second retriever. */
  class RefiningRetriever extends BaseRetriever {
    private refined = false;
    constructor(private readonly other?: BaseRetriever) {
      super();
    }
    async _retrieve(params: QueryBundle): Promise<NodeWithScore[]> {
      if (this.refined) return [];
      this.refined = true;
      await this.other?.retrieve(params);
      return this.retrieve({ query: `refined ${String(params.query)}` });
    }
  }

  it("gets one span for the outer call; another object's call inside still gets its own", async () => {
    await new RefiningRetriever(new RefiningRetriever()).retrieve({ query: "keeper" });
    expect(outline(tracing.shape())).toEqual(["retrieval RefiningRetriever", "  retrieval RefiningRetriever"]);
  });
});
