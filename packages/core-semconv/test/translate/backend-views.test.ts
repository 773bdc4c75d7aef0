import { datadogTranslator, laminarTranslator, langfuseTranslator, openInferenceTranslator, traceloopTranslator, weaveTranslator } from "@genai-otel/core-semconv/internal";
import { describe, expect, it } from "vitest";
import { CHAT, DOCUMENTS, NODE, RETRIEVAL, ROOT, START_MS, TOOL } from "./context-fixtures";

const root = { name: "RunnableSequence", root: true, startTimeMs: START_MS };
const child = { name: "child", root: false, startTimeMs: START_MS };

describe("langfuse", () => {
  const t = langfuseTranslator();
  it("types retrievals and chains, fills their input/output, and tags/metadata on every span", () => {
    expect(t(ROOT, root)).toMatchObject({
      "langfuse.observation.type": "chain",
      "langfuse.observation.input": "What is the capital of France?",
      "langfuse.observation.output": '{"answer":"Paris"}',
      "langfuse.trace.tags": ["rag", "beta"],
      "langfuse.trace.metadata.tenant": "acme",
      "langfuse.trace.metadata.tier": 2,
      "langfuse.trace.metadata.internal": true,
    });
    expect(t(RETRIEVAL, child)).toMatchObject({
      "langfuse.observation.type": "retriever",
      "langfuse.observation.input": "capital of France",
      "langfuse.observation.output": DOCUMENTS,
      "langfuse.trace.tags": ["rag", "beta"],
    });
  });
  it("puts prompt name/version and the completion start time on generations only", () => {
    const chat = t(CHAT, child);
    expect(chat).toMatchObject({
      "langfuse.observation.prompt.name": "rag-answer",
      "langfuse.observation.prompt.version": 3,
      "langfuse.observation.completion_start_time": "2026-01-01T00:00:00.250Z",
    });
    expect(chat["langfuse.observation.type"]).toBeUndefined(); // Langfuse types chat as a generation itself
    expect(t(TOOL, child)["langfuse.observation.prompt.name"]).toBeUndefined();
  });
  it("adds no session or user key: Langfuse reads gen_ai.conversation.id and user.id", () => {
    expect(Object.keys(t(CHAT, child)).filter((k) => /session|user|conversation/.test(k))).toEqual(["gen_ai.conversation.id", "user.id"]);
  });
});

describe("openinference (Phoenix)", () => {
  const t = openInferenceTranslator();
  it("renders session, user, tags, metadata, prompt template and the root's input/output", () => {
    expect(t(ROOT, root)).toMatchObject({
      "openinference.span.kind": "CHAIN",
      "session.id": "thread-42",
      "user.id": "user-7",
      "tag.tags": ["rag", "beta"],
      metadata: '{"tenant":"acme","tier":2,"internal":true}',
      "input.value": "What is the capital of France?",
      "input.mime_type": "text/plain",
      "output.value": '{"answer":"Paris"}',
      "output.mime_type": "application/json",
    });
    expect(t(CHAT, child)).toMatchObject({
      "llm.prompt_template.template": "Answer {question} from {context}",
      "llm.prompt_template.variables": '{"question":"capital?","context":"docs"}',
      "llm.prompt_template.version": "3",
    });
  });
  it("names LangGraph nodes", () => {
    expect(t(NODE, child)).toMatchObject({ "graph.node.id": "agent", "graph.node.name": "agent" });
  });
});

describe("traceloop", () => {
  const t = traceloopTranslator();
  it("puts user, tags and metadata in association properties and the workflow name on descendants", () => {
    const chat = t(CHAT, { ...child, workflowName: "RunnableSequence" });
    expect(chat).toMatchObject({
      "gen_ai.conversation.id": "thread-42",
      "traceloop.association.properties.user_id": "user-7",
      "traceloop.association.properties.tags": "rag,beta",
      "traceloop.association.properties.tenant": "acme",
      "traceloop.association.properties.tier": "2",
      "traceloop.workflow.name": "RunnableSequence",
      "traceloop.prompt.key": "rag-answer",
      "traceloop.prompt.version": "3",
      "traceloop.prompt.template_variables.question": "capital?",
      "gen_ai.usage.reasoning_tokens": 6,
    });
    expect(t(RETRIEVAL, { ...child, workflowName: "RunnableSequence" })["traceloop.workflow.name"]).toBe("RunnableSequence");
  });
  it("keeps the conversation id when the source attributes are dropped", () => {
    expect(traceloopTranslator({ keepSource: false })(CHAT, child)["gen_ai.conversation.id"]).toBe("thread-42");
  });
  it("gives a root workflow its input and output", () => {
    expect(t(ROOT, root)).toMatchObject({
      "traceloop.span.kind": "workflow",
      "traceloop.workflow.name": "RunnableSequence",
      "traceloop.entity.input": "What is the capital of France?",
      "traceloop.entity.output": '{"answer":"Paris"}',
    });
  });
});

describe("datadog", () => {
  const t = datadogTranslator();
  it("types a retrieval as retrieval (no operation name on its copy) with its documents", () => {
    const r = t(RETRIEVAL, child);
    expect(r["gen_ai.operation.name"]).toBeUndefined();
    expect(RETRIEVAL["gen_ai.operation.name"]).toBe("retrieval");
    expect(r).toMatchObject({
      "openinference.span.kind": "RETRIEVER",
      "input.value": "capital of France",
      "retrieval.documents.0.document.id": "doc-1",
      "retrieval.documents.0.document.content": "Paris is the capital of France.",
      "retrieval.documents.0.document.score": 0.9,
      "retrieval.documents.1.document.id": "doc-2",
    });
  });
  it("renders cache/reasoning tokens, tags, metadata and prompt tracking", () => {
    const chat = t(CHAT, child);
    expect(chat).toMatchObject({
      "gen_ai.operation.name": "chat",
      "llm.token_count.prompt_details.cache_read": 40,
      "llm.token_count.prompt_details.cache_write": 8,
      "llm.token_count.completion_details.reasoning": 6,
      "tag.tags": ["rag", "beta"],
    });
    expect(JSON.parse(String(chat["_dd.ml_obs.metadata"]))).toEqual({ tenant: "acme", tier: 2, internal: true });
    expect(JSON.parse(String(chat["_dd.ml_obs.prompt_tracking"]))).toEqual({
      name: "rag-answer",
      version: "3",
      template: "Answer {question} from {context}",
      variables: { question: "capital?", context: "docs" },
    });
    expect(t(ROOT, root)).toMatchObject({ "input.value": "What is the capital of France?", "output.value": '{"answer":"Paris"}' });
  });
});

describe("weave", () => {
  const t = weaveTranslator();
  it("renders kinds, tool and retrieval input/output, thread, display name and attributes", () => {
    expect(t(TOOL, child)).toMatchObject({
      "weave.span.kind": "tool",
      "input.value": '{"q":"France"}',
      "output.value": '{"capital":"Paris"}',
      "wandb.display_name": "lookup",
      "wandb.thread_id": "thread-42",
    });
    expect(t(RETRIEVAL, child)).toMatchObject({ "weave.span.kind": "retriever", "input.value": "capital of France", "output.value": DOCUMENTS });
    expect(t(CHAT, child)).toMatchObject({ "weave.span.kind": "llm", "llm.provider": "openai", "gen_ai.usage.reasoning_tokens": 6 });
    expect(t(ROOT, root)).toMatchObject({
      "weave.span.kind": "chain",
      "wandb.is_turn": true,
      "input.value": "What is the capital of France?",
      "wandb.attributes.user_id": "user-7",
      "wandb.attributes.tags": ["rag", "beta"],
      "wandb.attributes.tenant": "acme",
    });
    expect(t(TOOL, child)["wandb.is_turn"]).toBeUndefined();
    expect(t(NODE, child)["wandb.display_name"]).toBe("agent");
  });
});

describe("laminar", () => {
  const t = laminarTranslator();
  it("adds gen_ai.system, reasoning tokens, association properties and retrieval/root input/output", () => {
    expect(t(CHAT, child)).toMatchObject({
      "gen_ai.system": "openai",
      "gen_ai.usage.reasoning_tokens": 6,
      "lmnr.association.properties.session_id": "thread-42",
      "lmnr.association.properties.user_id": "user-7",
      "lmnr.association.properties.tags": ["rag", "beta"],
      "lmnr.association.properties.metadata.tenant": "acme",
    });
    expect(t(RETRIEVAL, child)).toMatchObject({ "lmnr.span.input": '"capital of France"', "lmnr.span.output": DOCUMENTS });
    expect(t(ROOT, root)).toMatchObject({ "lmnr.span.input": '"What is the capital of France?"', "lmnr.span.output": '{"answer":"Paris"}' });
  });
});
