import { type Attributes, context, type Span, SpanKind, type Tracer, trace } from "@opentelemetry/api";

/**
 * Three traces as the adapters record them with content capture on, trace context included, under
 * the attribute names fixed for trace context (`gen_ai.conversation.id`, `user.id`, `genai_otel.tags`,
 * `genai_otel.metadata.<key>`, `genai_otel.prompt.*`, `genai_otel.input` / `output`): a LangChain
 * RAG chain with metadata and tags, a LangGraph agent with a thread id, and a LlamaIndex query run
 * inside `withTraceAttributes`. Recorded through the API (the spans the adapters produce), so each
 * backend's rendering can be asserted by value.
 */

/** Start of every chat span, in epoch ms: 2026-01-01T00:00:00.000Z. */
export const CHAT_START_MS = Date.UTC(2026, 0, 1);

export const RAG_CONTEXT: Attributes = {
  "user.id": "user-7",
  "genai_otel.tags": ["rag", "beta"],
  "genai_otel.metadata.tenant": "acme",
  "genai_otel.metadata.tier": 2,
};
export const RAG_INPUT = "What is the capital of France?";
export const RAG_OUTPUT = "Paris is the capital of France.";
export const DOCUMENTS = JSON.stringify([
  { id: "doc-1", content: "Paris is the capital of France.", score: 0.9, metadata: { source: "wiki" } },
  { id: "doc-2", content: "France is in Europe.", score: 0.5 },
]);
export const INPUT_MESSAGES = JSON.stringify([{ role: "user", parts: [{ type: "text", content: "capital of France?" }] }]);
export const OUTPUT_MESSAGES = JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "Paris." }], finish_reason: "stop" }]);

export const THREAD_ID = "thread-42";
export const QUERY_CONTEXT: Attributes = { "gen_ai.conversation.id": "session-9", "user.id": "user-3", "genai_otel.tags": ["docs"] };

function child(tracer: Tracer, parent: Span, name: string, attributes: Attributes, kind = SpanKind.INTERNAL, startTime?: number): Span {
  return tracer.startSpan(name, { kind, attributes, ...(startTime === undefined ? {} : { startTime }) }, trace.setSpan(context.active(), parent));
}

function chat(tracer: Tracer, parent: Span, extra: Attributes): void {
  child(
    tracer,
    parent,
    "chat gpt-4o-mini",
    {
      "genai_otel.framework": "langchain",
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.response.model": "gpt-4o-mini",
      "gen_ai.usage.input_tokens": 100,
      "gen_ai.usage.output_tokens": 20,
      "gen_ai.usage.cache_read.input_tokens": 40,
      "gen_ai.usage.reasoning.output_tokens": 6,
      "gen_ai.response.time_to_first_chunk": 0.25,
      "gen_ai.input.messages": INPUT_MESSAGES,
      "gen_ai.output.messages": OUTPUT_MESSAGES,
      ...extra,
    },
    SpanKind.CLIENT,
    CHAT_START_MS,
  ).end(CHAT_START_MS + 400);
}

/** LangChain RAG chain: chain root → retrieval, chat (with a prompt template). */
export function recordRagChain(tracer: Tracer): void {
  const root = tracer.startSpan("RunnableSequence", {
    attributes: { ...RAG_CONTEXT, "genai_otel.framework": "langchain", "genai_otel.run.type": "chain", "genai_otel.input": RAG_INPUT },
  });
  child(tracer, root, "retrieval capitals", {
    ...RAG_CONTEXT,
    "genai_otel.framework": "langchain",
    "gen_ai.operation.name": "retrieval",
    "gen_ai.data_source.id": "capitals",
    "gen_ai.retrieval.query.text": RAG_INPUT,
    "gen_ai.retrieval.documents": DOCUMENTS,
    "gen_ai.retrieval.documents.count": 2,
  }).end();
  chat(tracer, root, {
    ...RAG_CONTEXT,
    "genai_otel.prompt.name": "rag-answer",
    "genai_otel.prompt.version": "3",
    "genai_otel.prompt.template": "Answer {question} from {context}",
    "genai_otel.prompt.variables": JSON.stringify({ question: RAG_INPUT, context: "docs" }),
  });
  root.setAttribute("genai_otel.output", RAG_OUTPUT);
  root.end();
}

/** LangGraph agent with a thread id: graph root → node "agent" (chat) → node "tools" (execute_tool). */
export function recordLangGraphAgent(tracer: Tracer): void {
  const ctx = { "gen_ai.conversation.id": THREAD_ID, "genai_otel.framework": "langchain" };
  const root = tracer.startSpan("invoke_agent LangGraph", {
    attributes: { ...ctx, "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "LangGraph", "gen_ai.input.messages": INPUT_MESSAGES },
  });
  const agentNode = child(tracer, root, "agent", { ...ctx, "genai_otel.run.type": "chain", "langgraph.node": "agent", "langgraph.step": 1 });
  chat(tracer, agentNode, ctx);
  agentNode.end();
  const toolsNode = child(tracer, root, "tools", { ...ctx, "genai_otel.run.type": "chain", "langgraph.node": "tools", "langgraph.step": 2 });
  child(tracer, toolsNode, "execute_tool lookup", {
    ...ctx,
    "gen_ai.operation.name": "execute_tool",
    "gen_ai.tool.name": "lookup",
    "gen_ai.tool.call.id": "call_1",
    "gen_ai.tool.call.arguments": '{"country":"France"}',
    "gen_ai.tool.call.result": '{"capital":"Paris"}',
  }).end();
  toolsNode.end();
  root.setAttribute("gen_ai.output.messages", OUTPUT_MESSAGES);
  root.end();
}

/** LlamaIndex query inside `withTraceAttributes`: query root → retrieval, chat. */
export function recordLlamaIndexQuery(tracer: Tracer): void {
  const ctx = { ...QUERY_CONTEXT, "genai_otel.framework": "llamaindex" };
  const root = tracer.startSpan("query", { attributes: { ...ctx, "genai_otel.run.type": "query", "genai_otel.input": "Where is Paris?" } });
  child(tracer, root, "retrieval vector-index", {
    ...ctx,
    "gen_ai.operation.name": "retrieval",
    "gen_ai.retrieval.query.text": "Where is Paris?",
    "gen_ai.retrieval.documents": DOCUMENTS,
  }).end();
  chat(tracer, root, ctx);
  root.setAttribute("genai_otel.output", "In France.");
  root.end();
}

/** All three scenarios, each its own trace. */
export function recordScenarios(tracer: Tracer): void {
  recordRagChain(tracer);
  recordLangGraphAgent(tracer);
  recordLlamaIndexQuery(tracer);
}
