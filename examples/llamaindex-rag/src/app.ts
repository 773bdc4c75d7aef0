import { OpenAI, OpenAIEmbedding } from "@llamaindex/openai";
import { agent } from "@llamaindex/workflow";
import { FunctionTool, Settings, type ToolCallLLM, VectorStoreIndex } from "llamaindex";
import { z } from "zod";
import { DOCUMENTS } from "./documents";

/** Where the app's model calls go: OpenAI itself, or any OpenAI-compatible server. */
export interface ModelEndpoint {
  baseURL?: string;
  apiKey: string;
  chatModel: string;
  embeddingModel: string;
}

/**
 * A tool the model may call: looks a term up in a tiny glossary. Built on demand, after
 * `instrumentLlamaIndex()`, like every LlamaIndex object the instrumentation should see.
 */
export const glossaryTool = () => FunctionTool.from(
  async ({ term }: { term: string }) => {
    const entries: Record<string, string> = { span: "one timed operation", trace: "a tree of spans", otlp: "the OpenTelemetry protocol" };
    return entries[term.toLowerCase()] ?? `no glossary entry for ${term}`;
  },
  { name: "glossary", description: "Looks up the definition of an observability term", parameters: z.object({ term: z.string() }) },
);

/**
 * Configures the models and builds the index. Call after `instrumentLlamaIndex()`: LlamaIndex binds
 * methods to objects when they are constructed.
 */
export async function buildIndex(endpoint: ModelEndpoint): Promise<VectorStoreIndex> {
  Settings.llm = new OpenAI({
    model: endpoint.chatModel,
    apiKey: endpoint.apiKey,
    baseURL: endpoint.baseURL,
    temperature: 0,
    // usage on streamed answers comes only with this
    additionalChatOptions: { stream_options: { include_usage: true } },
  });
  Settings.embedModel = new OpenAIEmbedding({ model: endpoint.embeddingModel, apiKey: endpoint.apiKey, baseURL: endpoint.baseURL });
  return VectorStoreIndex.fromDocuments(DOCUMENTS);
}

/** Asks one question plainly, one streaming, and one through a workflow agent with the glossary tool. */
export async function askAll(index: VectorStoreIndex): Promise<string[]> {
  const engine = index.asQueryEngine({ similarityTopK: 2 });
  const plain = await engine.query({ query: "What is a span?" });
  let streamed = "";
  for await (const chunk of await engine.query({ query: "What does an exporter do?", stream: true })) streamed += chunk.message.content;

  // one tool call: a workflow agent that may use the glossary
  const glossaryAgent = agent({ name: "glossary_agent", tools: [glossaryTool()], llm: Settings.llm as ToolCallLLM });
  const toolAnswer = String((await glossaryAgent.run("Use the glossary for trace.")).data.result);
  return [plain.toString(), streamed, toolAnswer];
}
