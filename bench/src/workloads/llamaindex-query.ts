import { OpenAI, OpenAIEmbedding } from "@llamaindex/openai";
import { Document, Settings, VectorStoreIndex } from "llamaindex";

/**
 * An in-process stand-in for the `openai` client LlamaIndex's OpenAI classes call (`session`):
 * deterministic chat completions with usage, and embeddings, with no network and no delay. The
 * real `OpenAI` / `OpenAIEmbedding` classes of `@llamaindex/openai` run around it (their
 * `@wrapLLMEvent` / `@wrapEventCaller` decorators, events, request building), so instrumentations
 * see exactly what they see against the API. `@genai-otel-internal/openai-server` would add HTTP
 * and JSON work (hundreds of µs, noisy) that has nothing to do with the instrumentation.
 */
export function fakeOpenAISession() {
  let n = 0;
  return {
    chat: {
      completions: {
        create: async (request: { model: string; stream?: boolean }) => {
          if (request.stream) throw new Error("the bench stand-in does not stream");
          n++;
          return {
            id: `chatcmpl-bench-${n}`,
            object: "chat.completion",
            created: 1_700_000_000,
            model: request.model,
            choices: [{ index: 0, message: { role: "assistant", content: "Paris is the capital of France.", refusal: null }, finish_reason: "stop", logprobs: null }],
            usage: { prompt_tokens: 120, completion_tokens: 8, total_tokens: 128 },
          };
        },
      },
    },
    embeddings: {
      create: async (request: { input: string | string[] }) => {
        const inputs = Array.isArray(request.input) ? request.input : [request.input];
        return { object: "list", model: "text-embedding-3-small", data: inputs.map((text, index) => ({ object: "embedding", index, embedding: embed(text) })), usage: { prompt_tokens: 8, total_tokens: 8 } };
      },
    },
  };
}

const DIMENSIONS = 64;

/** A deterministic unit vector from the text's character codes (enough for a similarity ranking). */
function embed(text: string): number[] {
  const v = new Array<number>(DIMENSIONS).fill(0);
  for (let i = 0; i < text.length; i++) v[(text.charCodeAt(i) * 31 + i) % DIMENSIONS]! += 1;
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

const DOCUMENTS = [
  "Paris is the capital and most populous city of France.",
  "Berlin is the capital of Germany and its largest city.",
  "Madrid is the capital of Spain, in the centre of the Iberian Peninsula.",
  "Rome is the capital of Italy and was the centre of the Roman Empire.",
];

export interface LlamaIndexWorkload {
  name: string;
  /** Builds LLM, embedding model, index and engine (call after instrumenting: LlamaIndex binds methods per instance). */
  build(): Promise<void>;
  /** One query. */
  run(): Promise<unknown>;
}

/**
 * `VectorStoreIndex` over 4 short documents (in-memory vector store), queried through
 * `asQueryEngine()`: retrieve top 2 (query embedding) and synthesize with one chat call.
 */
export function queryWorkload(): LlamaIndexWorkload {
  let engine: { query(params: { query: string }): Promise<unknown> } | undefined;
  return {
    name: "VectorStoreIndex query (retrieve 2 + synthesize)",
    async build() {
      const session = fakeOpenAISession();
      Settings.llm = new OpenAI({ model: "gpt-4o-mini", session: session as never, apiKey: "bench" });
      Settings.embedModel = new OpenAIEmbedding({ model: "text-embedding-3-small", session: session as never, apiKey: "bench" });
      const index = await VectorStoreIndex.fromDocuments(DOCUMENTS.map((text, i) => new Document({ text, id_: `doc-${i}` })));
      engine = index.asQueryEngine({ similarityTopK: 2 });
    },
    run() {
      if (!engine) throw new Error("build() first");
      return engine.query({ query: "What is the capital of France?" });
    },
  };
}
