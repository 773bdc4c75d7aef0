import { MemoryVectorStore } from "@langchain/classic/vectorstores/memory";
import type { DocumentInterface } from "@langchain/core/documents";
import { type AIMessage, type BaseMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { RunnableLambda } from "@langchain/core/runnables";
import { tool } from "@langchain/core/tools";
import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { z } from "zod";
import { DOCUMENTS } from "./documents";

/** Where the app's model calls go: OpenAI itself, or any OpenAI-compatible server. */
export interface ModelEndpoint {
  baseURL?: string;
  apiKey: string;
  chatModel: string;
  embeddingModel: string;
}

/** A tool the model may call: looks a term up in a tiny glossary. */
export const glossary = tool(
  async ({ term }: { term: string }) => {
    const entries: Record<string, string> = { span: "one timed operation", trace: "a tree of spans", otlp: "the OpenTelemetry protocol" };
    return entries[term.toLowerCase()] ?? `no glossary entry for ${term}`;
  },
  {
    name: "glossary",
    description: "Looks up the definition of an observability term",
    schema: z.object({ term: z.string().describe("the term to define") }),
  },
);

/**
 * Builds the retrieval-augmented QA chain: retrieve documents, ask the model with them as context
 * (it may call the glossary tool), run the tool, and ask again with its result.
 */
export async function buildRagChain(endpoint: ModelEndpoint) {
  const configuration = endpoint.baseURL ? { baseURL: endpoint.baseURL } : undefined;
  const embeddings = new OpenAIEmbeddings({ model: endpoint.embeddingModel, apiKey: endpoint.apiKey, configuration });
  const store = await MemoryVectorStore.fromDocuments(DOCUMENTS, embeddings);
  const retriever = store.asRetriever({ k: 2 });
  const model = new ChatOpenAI({ model: endpoint.chatModel, apiKey: endpoint.apiKey, configuration, temperature: 0 }).bindTools([glossary]);

  return RunnableLambda.from(async (question: string, config) => {
    const docs: DocumentInterface[] = await retriever.invoke(question, config);
    const messages: BaseMessage[] = [
      new SystemMessage(`Answer from this context; use the glossary tool for definitions.\n${docs.map((d) => d.pageContent).join("\n")}`),
      new HumanMessage(question),
    ];
    let reply = (await model.invoke(messages, config)) as AIMessage;
    if (reply.tool_calls?.length) {
      messages.push(reply);
      for (const call of reply.tool_calls) messages.push(await glossary.invoke(call, config));
      reply = (await model.invoke(messages, config)) as AIMessage;
    }
    return typeof reply.content === "string" ? reply.content : JSON.stringify(reply.content);
  }).withConfig({ runName: "rag-qa" });
}
