import type { Attributes } from "@opentelemetry/api";

/**
 * Attributes of a RAG chain run as the adapters stamp them with trace context on and content
 * capture on (real attribute names from `attributes.ts`): the root chain, its retrieval, its chat
 * (with a prompt template, time to first chunk, cache and reasoning tokens), a tool and a LangGraph node.
 */
export const CONTEXT: Attributes = {
  "gen_ai.conversation.id": "thread-42",
  "user.id": "user-7",
  "genai_otel.tags": ["rag", "beta"],
  "genai_otel.metadata.tenant": "acme",
  "genai_otel.metadata.tier": 2,
  "genai_otel.metadata.internal": true,
};

export const ROOT: Attributes = {
  ...CONTEXT,
  "genai_otel.framework": "langchain",
  "genai_otel.run.type": "chain",
  "genai_otel.input": "What is the capital of France?",
  "genai_otel.output": '{"answer":"Paris"}',
};

export const DOCUMENTS = JSON.stringify([
  { id: "doc-1", content: "Paris is the capital of France.", score: 0.9, metadata: { source: "wiki" } },
  { id: "doc-2", content: "France is in Europe.", score: 0.5 },
]);

export const RETRIEVAL: Attributes = {
  ...CONTEXT,
  "genai_otel.framework": "langchain",
  "gen_ai.operation.name": "retrieval",
  "gen_ai.data_source.id": "capitals",
  "gen_ai.retrieval.query.text": "capital of France",
  "gen_ai.retrieval.documents": DOCUMENTS,
};

export const CHAT: Attributes = {
  ...CONTEXT,
  "genai_otel.framework": "langchain",
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": "gpt-4o-mini",
  "gen_ai.usage.input_tokens": 100,
  "gen_ai.usage.output_tokens": 20,
  "gen_ai.usage.cache_read.input_tokens": 40,
  "gen_ai.usage.cache_creation.input_tokens": 8,
  "gen_ai.usage.reasoning.output_tokens": 6,
  "gen_ai.response.time_to_first_chunk": 0.25,
  "genai_otel.prompt.name": "rag-answer",
  "genai_otel.prompt.version": "3",
  "genai_otel.prompt.template": "Answer {question} from {context}",
  "genai_otel.prompt.variables": '{"question":"capital?","context":"docs"}',
  "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "capital?" }] }]),
  "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "Paris" }], finish_reason: "stop" }]),
};

export const TOOL: Attributes = {
  ...CONTEXT,
  "genai_otel.framework": "langchain",
  "gen_ai.operation.name": "execute_tool",
  "gen_ai.tool.name": "lookup",
  "gen_ai.tool.call.arguments": '{"q":"France"}',
  "gen_ai.tool.call.result": '{"capital":"Paris"}',
};

export const NODE: Attributes = {
  ...CONTEXT,
  "genai_otel.framework": "langchain",
  "genai_otel.run.type": "chain",
  "langgraph.node": "agent",
  "langgraph.step": 1,
};

/** 2026-01-01T00:00:00.000Z in epoch milliseconds. */
export const START_MS = Date.UTC(2026, 0, 1);
