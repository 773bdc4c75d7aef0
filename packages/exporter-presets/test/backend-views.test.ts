import type { ReceivedRequest, ReceivedSpan } from "@genai-otel-internal/otlp-receiver";
import { setupTracing } from "@genai-otel/exporter-presets";
import { beforeAll, describe, expect, it } from "vitest";
import { useReceiver } from "./receiver-fixture";
import { DOCUMENTS, OUTPUT_MESSAGES, RAG_INPUT, RAG_OUTPUT, THREAD_ID } from "./scenarios";
import { attrs, KEY, SECRET, selection, sendScenarios, traceOf, VIEW_PRESETS } from "./views-fixture";

/**
 * Each LLM backend's own view (reference/backend-views.md), asserted by value on the spans it
 * receives over the wire: a LangChain RAG chain with metadata and tags, a LangGraph agent with a
 * thread id and a LlamaIndex query with trace attributes, all with content capture on, sent to the
 * seven backends at once (immediate export: children leave before their root).
 */
const fx = useReceiver({ secrets: [KEY, SECRET], proxy: true });

let received: Map<string, ReceivedSpan[]>;
let requests: ReceivedRequest[];
const rag = (preset: string) => traceOf(received.get(preset) ?? [], "RunnableSequence");
const graph = (preset: string) => traceOf(received.get(preset) ?? [], "invoke_agent LangGraph");
const query = (preset: string) => traceOf(received.get(preset) ?? [], "query");

beforeAll(async () => {
  // useReceiver resets before each test: record once, in the first hook after the receiver starts.
  received = await sendScenarios(
    fx,
    VIEW_PRESETS.map((name) => selection(fx, name, name === "langfuse" ? { environment: "staging", release: "1.2.3" } : {})),
  );
  requests = [...fx.receiver.requests];
});

describe("langfuse", () => {
  it("types, input/output, tags, metadata, prompt, completion start, session, user, environment, release", () => {
    const root = attrs(rag("langfuse"), "RunnableSequence");
    expect(root).toMatchObject({
      "langfuse.observation.type": "chain",
      "langfuse.observation.input": RAG_INPUT,
      "langfuse.observation.output": RAG_OUTPUT,
      "langfuse.trace.tags": ["rag", "beta"],
      "langfuse.trace.metadata.tenant": "acme",
      "langfuse.trace.metadata.tier": 2,
      "user.id": "user-7",
    });
    expect(attrs(rag("langfuse"), "retrieval capitals")).toMatchObject({
      "langfuse.observation.type": "retriever",
      "langfuse.observation.input": RAG_INPUT,
      "langfuse.observation.output": DOCUMENTS,
      "langfuse.trace.tags": ["rag", "beta"],
      "user.id": "user-7",
    });
    expect(attrs(rag("langfuse"), "chat gpt-4o-mini")).toMatchObject({
      "gen_ai.operation.name": "chat",
      "langfuse.observation.prompt.name": "rag-answer",
      "langfuse.observation.prompt.version": 3,
      "langfuse.observation.completion_start_time": "2026-01-01T00:00:00.250Z",
      "gen_ai.usage.cache_read.input_tokens": 40,
    });
    for (const span of graph("langfuse").values()) expect(span.attributes["gen_ai.conversation.id"]).toBe(THREAD_ID);
    expect(attrs(graph("langfuse"), "agent")["langfuse.observation.type"]).toBe("chain");
    expect(rag("langfuse").get("RunnableSequence")?.resource).toMatchObject({ "deployment.environment.name": "staging", "service.version": "1.2.3" });
  });
});

describe("phoenix", () => {
  it("kinds, root input/output, session, user, tags, metadata, prompt template, documents, graph nodes", () => {
    expect(attrs(rag("phoenix"), "RunnableSequence")).toMatchObject({
      "openinference.span.kind": "CHAIN",
      "input.value": RAG_INPUT,
      "output.value": RAG_OUTPUT,
      "user.id": "user-7",
      "tag.tags": ["rag", "beta"],
      metadata: '{"tenant":"acme","tier":2}',
    });
    expect(attrs(rag("phoenix"), "retrieval capitals")).toMatchObject({
      "openinference.span.kind": "RETRIEVER",
      "retrieval.documents.0.document.content": "Paris is the capital of France.",
      "retrieval.documents.1.document.score": 0.5,
    });
    expect(attrs(rag("phoenix"), "chat gpt-4o-mini")).toMatchObject({
      "openinference.span.kind": "LLM",
      "llm.prompt_template.template": "Answer {question} from {context}",
      "llm.prompt_template.version": "3",
      "llm.prompt_template.variables": JSON.stringify({ question: RAG_INPUT, context: "docs" }),
      "llm.token_count.prompt_details.cache_read": 40,
      "llm.token_count.completion_details.reasoning": 6,
    });
    for (const span of graph("phoenix").values()) expect(span.attributes["session.id"]).toBe(THREAD_ID);
    expect(attrs(graph("phoenix"), "agent")).toMatchObject({ "graph.node.id": "agent", "graph.node.name": "agent" });
    expect(attrs(graph("phoenix"), "invoke_agent LangGraph")).toMatchObject({ "openinference.span.kind": "AGENT", "output.value": OUTPUT_MESSAGES });
    expect(attrs(query("phoenix"), "query")).toMatchObject({ "session.id": "session-9", "user.id": "user-3", "input.value": "Where is Paris?", "output.value": "In France." });
  });
});

describe("traceloop", () => {
  it("workflow name on every descendant, association properties, conversation, prompt, reasoning tokens", () => {
    for (const span of rag("traceloop").values()) {
      expect(span.attributes).toMatchObject({
        "traceloop.workflow.name": "RunnableSequence",
        "traceloop.association.properties.user_id": "user-7",
        "traceloop.association.properties.tags": "rag,beta",
        "traceloop.association.properties.tenant": "acme",
        "traceloop.association.properties.tier": "2",
      });
    }
    expect(attrs(rag("traceloop"), "RunnableSequence")).toMatchObject({
      "traceloop.span.kind": "workflow",
      "traceloop.entity.input": RAG_INPUT,
      "traceloop.entity.output": RAG_OUTPUT,
    });
    expect(attrs(rag("traceloop"), "chat gpt-4o-mini")).toMatchObject({
      "traceloop.prompt.key": "rag-answer",
      "traceloop.prompt.version": "3",
      "traceloop.prompt.template_variables.question": RAG_INPUT,
      "gen_ai.usage.reasoning_tokens": 6,
      "gen_ai.usage.cache_read_input_tokens": 40,
    });
    for (const span of graph("traceloop").values()) {
      expect(span.attributes).toMatchObject({ "gen_ai.conversation.id": THREAD_ID, "traceloop.workflow.name": "LangGraph" });
    }
    expect(attrs(query("traceloop"), "retrieval vector-index")["traceloop.workflow.name"]).toBe("query");
  });
});

describe("datadog-llmobs", () => {
  it("retrieval typed retrieval with documents, cache/reasoning tokens, tags, metadata, prompt tracking, session, ml_app", () => {
    const retrieval = attrs(rag("datadog-llmobs"), "retrieval capitals");
    expect(retrieval["gen_ai.operation.name"]).toBeUndefined();
    expect(retrieval).toMatchObject({
      "openinference.span.kind": "RETRIEVER",
      "input.value": RAG_INPUT,
      "retrieval.documents.0.document.id": "doc-1",
      "retrieval.documents.0.document.content": "Paris is the capital of France.",
      "retrieval.documents.0.document.score": 0.9,
    });
    const chat = attrs(rag("datadog-llmobs"), "chat gpt-4o-mini");
    expect(chat).toMatchObject({
      "gen_ai.operation.name": "chat",
      "llm.token_count.prompt_details.cache_read": 40,
      "llm.token_count.completion_details.reasoning": 6,
      "tag.tags": ["rag", "beta"],
      "user.id": "user-7",
    });
    expect(JSON.parse(String(chat["_dd.ml_obs.metadata"]))).toEqual({ tenant: "acme", tier: 2 });
    expect(JSON.parse(String(chat["_dd.ml_obs.prompt_tracking"]))).toEqual({
      name: "rag-answer",
      version: "3",
      template: "Answer {question} from {context}",
      variables: { question: RAG_INPUT, context: "docs" },
    });
    expect(attrs(rag("datadog-llmobs"), "RunnableSequence")).toMatchObject({ "input.value": RAG_INPUT, "output.value": RAG_OUTPUT });
    for (const span of graph("datadog-llmobs").values()) expect(span.attributes["gen_ai.conversation.id"]).toBe(THREAD_ID);
    const datadog = requests.filter((r) => r.headers["x-original-path"]?.startsWith("/datadog-llmobs/"));
    expect(datadog.length).toBeGreaterThan(0);
    for (const r of datadog) expect(r.headers).toMatchObject({ "dd-ml-app": "support-bot", "dd-otlp-source": "llmobs" });
  });
});

describe("weave", () => {
  it("span kinds, tool and retrieval input/output, thread, turn, display name, provider, attributes", () => {
    expect(attrs(graph("weave"), "execute_tool lookup")).toMatchObject({
      "weave.span.kind": "tool",
      "input.value": '{"country":"France"}',
      "output.value": '{"capital":"Paris"}',
      "wandb.display_name": "lookup",
      "wandb.thread_id": THREAD_ID,
    });
    expect(attrs(graph("weave"), "invoke_agent LangGraph")).toMatchObject({ "weave.span.kind": "agent", "wandb.is_turn": true, "wandb.thread_id": THREAD_ID });
    expect(attrs(graph("weave"), "agent")).toMatchObject({ "weave.span.kind": "chain", "wandb.display_name": "agent" });
    expect(attrs(rag("weave"), "retrieval capitals")).toMatchObject({ "weave.span.kind": "retriever", "input.value": RAG_INPUT, "output.value": DOCUMENTS });
    expect(attrs(rag("weave"), "chat gpt-4o-mini")).toMatchObject({ "weave.span.kind": "llm", "llm.provider": "openai", "gen_ai.usage.reasoning_tokens": 6 });
    expect(attrs(rag("weave"), "RunnableSequence")).toMatchObject({
      "input.value": RAG_INPUT,
      "output.value": RAG_OUTPUT,
      "wandb.attributes.user_id": "user-7",
      "wandb.attributes.tags": ["rag", "beta"],
      "wandb.attributes.tenant": "acme",
    });
  });
});

describe("laminar", () => {
  it("gen_ai.system, reasoning tokens, association properties, retrieval and root input/output", () => {
    expect(attrs(rag("laminar"), "chat gpt-4o-mini")).toMatchObject({
      "gen_ai.system": "openai",
      "gen_ai.provider.name": "openai",
      "gen_ai.usage.reasoning_tokens": 6,
      "lmnr.association.properties.user_id": "user-7",
      "lmnr.association.properties.tags": ["rag", "beta"],
      "lmnr.association.properties.metadata.tenant": "acme",
    });
    expect(attrs(rag("laminar"), "retrieval capitals")).toMatchObject({ "lmnr.span.input": JSON.stringify(RAG_INPUT), "lmnr.span.output": DOCUMENTS });
    expect(attrs(query("laminar"), "query")).toMatchObject({
      "lmnr.span.input": '"Where is Paris?"',
      "lmnr.span.output": '"In France."',
      "lmnr.association.properties.session_id": "session-9",
    });
    for (const span of graph("laminar").values()) expect(span.attributes["lmnr.association.properties.session_id"]).toBe(THREAD_ID);
  });
});

describe("newrelic", () => {
  it("lists the app in AI monitoring and reads the GenAI spans as recorded", () => {
    for (const span of received.get("newrelic") ?? []) expect(span.resource.aiEnabledApp).toBe("true");
    expect(attrs(rag("newrelic"), "chat gpt-4o-mini")).toMatchObject({ "gen_ai.provider.name": "openai", "gen_ai.usage.input_tokens": 100 });
    expect(Object.keys(attrs(rag("newrelic"), "chat gpt-4o-mini")).filter((k) => k.startsWith("openinference.") || k.startsWith("langfuse."))).toEqual([]);
  });
});

describe("size limits", () => {
  it("New Relic gets long message lists shortened by whole messages, as valid JSON under 4,095 characters", async () => {
    const messages = Array.from({ length: 30 }, (_, i) => ({ role: i % 2 ? "assistant" : "user", parts: [{ type: "text", content: `turn ${i} `.padEnd(400, "·") }] }));
    const tracing = setupTracing({ serviceName: "views-limits", presets: [selection(fx, "newrelic"), selection(fx, "phoenix")], registerGlobal: false });
    tracing.tracerProvider
      .getTracer("limits")
      .startSpan("chat m", { attributes: { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.input.messages": JSON.stringify(messages) } })
      .end();
    await tracing.shutdown();
    const spans = (prefix: string) =>
      fx.receiver.requests.filter((r) => r.headers["x-original-path"]?.startsWith(prefix)).flatMap((r) => r.spans.filter((s) => s.resource["service.name"] === "views-limits"));
    const sent = String(spans("/newrelic/")[0]?.attributes["gen_ai.input.messages"]);
    expect(sent.length).toBeLessThanOrEqual(4095);
    const kept = JSON.parse(sent) as typeof messages;
    expect(kept.length).toBeGreaterThan(1);
    expect(kept).toEqual(messages.slice(-kept.length));
    // Phoenix has no such limit: it gets every message.
    expect(spans("/phoenix/")[0]?.attributes["gen_ai.input.messages"]).toBe(JSON.stringify(messages));
  });
});
