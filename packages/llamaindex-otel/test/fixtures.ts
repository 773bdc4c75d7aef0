import { type OpenAIServer, startOpenAIServer } from "@genai-otel-internal/openai-server";
import { Settings } from "@llamaindex/core/global";
import { OpenAI, OpenAIEmbedding } from "@llamaindex/openai";
import { Document, VectorStoreIndex } from "llamaindex";

/** Attribute keys the tests compare in span shapes. */
export const KEYS = [
  "gen_ai.operation.name",
  "gen_ai.provider.name",
  "gen_ai.request.model",
  "gen_ai.response.model",
  "gen_ai.request.stream",
  "gen_ai.usage.input_tokens",
  "gen_ai.usage.output_tokens",
  "gen_ai.response.finish_reasons",
  "gen_ai.retrieval.documents.count",
  "gen_ai.embeddings.dimension.count",
  "genai_otel.framework",
  "genai_otel.run.type",
  "genai_otel.incomplete",
  "error.type",
] as const;

export const DOCUMENTS = [
  "The lighthouse keeper logs every passing ship in a leather-bound book.",
  "Tide tables are printed each winter and pinned beside the lamp room door.",
];

/**
 * Real LlamaIndex models pointed at the stand-in server (no retries, so a 500 fails at once). The
 * server fails every request for model `error-500`.
 */
export function useStandInModels(server: OpenAIServer, options: { includeUsage?: boolean; model?: string } = {}): void {
  Settings.llm = new OpenAI({
    model: options.model ?? "gpt-4o-mini",
    apiKey: "test-fake-key",
    baseURL: server.url,
    maxRetries: 0,
    ...(options.includeUsage ? { additionalChatOptions: { stream_options: { include_usage: true } } } : {}),
  });
  Settings.embedModel = new OpenAIEmbedding({ model: "text-embedding-3-small", apiKey: "test-fake-key", baseURL: server.url, maxRetries: 0 });
}

/** A vector index over {@link DOCUMENTS}, built with the current `Settings`. */
export function buildIndex(): Promise<VectorStoreIndex> {
  return VectorStoreIndex.fromDocuments(DOCUMENTS.map((text, i) => new Document({ text, id_: `doc-${i}` })));
}

export { startOpenAIServer };
export type { OpenAIServer };
