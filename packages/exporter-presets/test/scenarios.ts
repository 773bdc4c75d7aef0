import type { OpenAIServer } from "@genai-otel-internal/openai-server";
import { OpenTelemetryCallbackHandler, withTraceAttributes } from "@genai-otel/langchain-otel";
import { instrumentLlamaIndex } from "@genai-otel/llamaindex-otel";
import { MemoryVectorStore } from "@langchain/classic/vectorstores/memory";
import { Document } from "@langchain/core/documents";
import { HumanMessage } from "@langchain/core/messages";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { RunnablePassthrough, RunnableSequence } from "@langchain/core/runnables";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { Settings } from "@llamaindex/core/global";
import { OpenAI, OpenAIEmbedding } from "@llamaindex/openai";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { context, type TracerProvider } from "@opentelemetry/api";
import { Document as LlamaDocument, VectorStoreIndex } from "llamaindex";
import { z } from "zod";

/**
 * The three end-to-end scenarios, run with the real frameworks against the stand-in OpenAI server
 * (127.0.0.1) through the real adapters with content capture on, each its own trace:
 * - a LangChain RAG chain (MemoryVectorStore retriever over OpenAIEmbeddings → ChatPromptTemplate →
 *   ChatOpenAI) invoked with run `metadata` (session_id, user_id, custom keys) and `tags`, inside a
 *   `withTraceAttributes` scope naming the prompt;
 * - a LangGraph ReAct agent (`createReactAgent`, one tool) invoked with `configurable.thread_id`;
 * - a LlamaIndex `VectorStoreIndex` query engine inside `withTraceAttributes`, instrumented by
 *   `instrumentLlamaIndex()`.
 */

// withTraceAttributes keeps its scope in the active context: the test process needs a context manager.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

const KEY = "test-fake-key";

export const RAG_INPUT = "What is the capital of France?";
export const RAG_DOCS = ["Paris is the capital of France.", "Berlin is the capital of Germany."];
export const RAG_METADATA = { session_id: "session-rag", user_id: "user-7", tenant: "acme", tier: 2 };
export const RAG_TAGS = ["rag", "beta"];
export const RAG_PROMPT = { name: "rag-answer", version: 3 };
export const RAG_TEMPLATE = "Answer from {context}: {question}";
/** The RAG chain's root span: LangChain roots are `invoke_workflow <runnable name>`. */
export const RAG_ROOT = "invoke_workflow RunnableSequence";

export const THREAD_ID = "thread-42";
export const AGENT_QUESTION = "Use lookup for France";
export const AGENT_ROOT = "invoke_agent capitals_agent";

export const QUERY = "Where is Paris?";
export const QUERY_DOCS = ["Paris is in France.", "Lisbon is in Portugal."];
export const QUERY_CONTEXT = { conversationId: "session-9", userId: "user-3", tags: ["docs"], metadata: { team: "search" } };

function chatModel(server: OpenAIServer): ChatOpenAI {
  return new ChatOpenAI({ model: "gpt-4o-mini", apiKey: KEY, configuration: { baseURL: server.url }, maxRetries: 0, streamUsage: true });
}

/** LangChain RAG chain: invoke_workflow root → retriever, prompt template, chat, output parser. */
export async function runRagChain(tracerProvider: TracerProvider, server: OpenAIServer): Promise<void> {
  const embeddings = new OpenAIEmbeddings({ model: "text-embedding-3-small", apiKey: KEY, configuration: { baseURL: server.url }, maxRetries: 0 });
  const store = await MemoryVectorStore.fromDocuments(
    RAG_DOCS.map((pageContent, i) => new Document({ pageContent, id: `doc-${i + 1}`, metadata: { source: "wiki" } })),
    embeddings,
  );
  const chain = RunnableSequence.from([
    { context: store.asRetriever({ k: 2 }).pipe((docs: Document[]) => docs.map((d) => d.pageContent).join("\n")), question: new RunnablePassthrough() },
    ChatPromptTemplate.fromTemplate(RAG_TEMPLATE),
    chatModel(server),
    new StringOutputParser(),
  ]);
  const handler = new OpenTelemetryCallbackHandler({ captureContent: true, tracerProvider });
  await withTraceAttributes({ prompt: RAG_PROMPT }, async () => {
    for await (const _chunk of await chain.stream(RAG_INPUT, { callbacks: [handler], metadata: RAG_METADATA, tags: RAG_TAGS })) void _chunk;
  });
}

/** LangGraph ReAct agent with a thread id: invoke_agent root → nodes "agent" (chat) and "tools" (execute_tool). */
export async function runLangGraphAgent(tracerProvider: TracerProvider, server: OpenAIServer): Promise<void> {
  const lookup = tool(async ({ country }: { country: string }) => JSON.stringify({ capital: country === "France" ? "Paris" : "unknown" }), {
    name: "lookup",
    description: "The capital of a country",
    schema: z.object({ country: z.string() }),
  });
  const agent = createReactAgent({ llm: chatModel(server), tools: [lookup], name: "capitals_agent" });
  const handler = new OpenTelemetryCallbackHandler({ captureContent: true, tracerProvider });
  await agent.invoke({ messages: [new HumanMessage(AGENT_QUESTION)] }, { callbacks: [handler], configurable: { thread_id: THREAD_ID } });
}

/** LlamaIndex query engine inside `withTraceAttributes`: query root → retrieval (embeddings), synthesis, chat. */
export async function runLlamaIndexQuery(tracerProvider: TracerProvider, server: OpenAIServer): Promise<void> {
  const instrumentation = instrumentLlamaIndex({ captureContent: true, tracerProvider });
  try {
    await instrumentation.ready;
    Settings.llm = new OpenAI({ model: "gpt-4o-mini", apiKey: KEY, baseURL: server.url, maxRetries: 0 });
    Settings.embedModel = new OpenAIEmbedding({ model: "text-embedding-3-small", apiKey: KEY, baseURL: server.url, maxRetries: 0 });
    const index = await VectorStoreIndex.fromDocuments(QUERY_DOCS.map((text, i) => new LlamaDocument({ text, id_: `q-doc-${i + 1}` })));
    await withTraceAttributes({ ...QUERY_CONTEXT, prompt: { name: "qa", version: "v1" } }, () => index.asQueryEngine().query({ query: QUERY }));
  } finally {
    instrumentation.uninstrument();
  }
}

/** All three scenarios, one after the other, each its own trace. */
export async function recordScenarios(tracerProvider: TracerProvider, server: OpenAIServer): Promise<void> {
  await runRagChain(tracerProvider, server);
  await runLangGraphAgent(tracerProvider, server);
  await runLlamaIndexQuery(tracerProvider, server);
}
