import type { ReceivedRequest, ReceivedSpan } from "@genai-otel-internal/otlp-receiver";
import { setupTracing } from "@genai-otel/exporter-presets";
import { beforeEach, describe, expect, it } from "vitest";
import { useReceiver } from "./receiver-fixture";
import { AGENT_QUESTION, AGENT_ROOT, QUERY, RAG_DOCS, RAG_INPUT, RAG_ROOT, RAG_TEMPLATE, THREAD_ID } from "./scenarios";
import { attrs, KEY, SECRET, selection, sendScenarios, traceOf, VIEW_PRESETS } from "./views-fixture";

/**
 * Each LLM backend's own view (reference/backend-views.md), asserted by value on the spans it
 * receives over the wire: a real LangChain RAG chain with run metadata and tags, a real LangGraph
 * ReAct agent with a thread id and a real LlamaIndex query inside `withTraceAttributes`, all run
 * against the stand-in OpenAI server with content capture on, sent to the seven backends at once
 * (immediate export: children leave before their root). Values the frameworks produce (replies,
 * documents, usage) are read from the spans as recorded (New Relic's view, which adds nothing).
 */
const fx = useReceiver({ secrets: [KEY, SECRET], proxy: true });

let received: Map<string, ReceivedSpan[]>;
let requests: ReceivedRequest[];
const rag = (preset: string) => traceOf(received.get(preset) ?? [], RAG_ROOT);
const graph = (preset: string) => traceOf(received.get(preset) ?? [], AGENT_ROOT);
const query = (preset: string) => traceOf(received.get(preset) ?? [], "query");
const RETRIEVAL = "retrieval VectorStoreRetriever";
const QUERY_RETRIEVAL = "retrieval VectorIndexRetriever";
const CHAT = "chat gpt-4o-mini";
/** As recorded: New Relic receives the spans unchanged. */
const recorded = (trace: (preset: string) => Map<string, ReceivedSpan>, name: string) => attrs(trace("newrelic"), name);
let RAG_OUTPUT: string;
let DOCUMENTS: string;
let QUERY_OUTPUT: string;
const TEMPLATE = JSON.stringify([{ role: "user", content: RAG_TEMPLATE }]);
const VARIABLES = { question: RAG_INPUT, context: RAG_DOCS.join("\n") };

let recording: Promise<void> | undefined;
/** Runs the scenarios once, inside the first test (each test gets its own receiver, started in beforeEach). */
const recordOnce = () => {
  recording ??= (async () => {
    received = await sendScenarios(
      fx,
      VIEW_PRESETS.map((name) => selection(fx, name, name === "langfuse" ? { environment: "staging", release: "1.2.3" } : {})),
    );
    requests = [...fx.receiver.requests];
    RAG_OUTPUT = String(recorded(rag, RAG_ROOT)["genai_otel.output"]);
    DOCUMENTS = String(recorded(rag, RETRIEVAL)["gen_ai.retrieval.documents"]);
    QUERY_OUTPUT = String(recorded(query, "query")["genai_otel.output"]);
  })();
  return recording;
};
// Three real framework runs fanned out to seven destinations: a generous hook timeout for a loaded CI machine.
beforeEach(recordOnce, 180_000);

describe("the recorded scenarios", () => {
  it("carry the frameworks' real answers, documents, tool call and trace context", () => {
    expect(RAG_OUTPUT).toMatch(/^Answer: /);
    expect(RAG_OUTPUT).toContain(RAG_INPUT);
    expect(JSON.parse(DOCUMENTS)).toEqual([
      { id: "doc-1", content: RAG_DOCS[0], metadata: { source: "wiki" } },
      { id: "doc-2", content: RAG_DOCS[1], metadata: { source: "wiki" } },
    ]);
    expect(QUERY_OUTPUT).toMatch(/^Answer: Where is Paris\?/);
    expect(recorded(graph, "execute_tool lookup")).toMatchObject({ "gen_ai.tool.call.arguments": '{"country":"France"}', "gen_ai.tool.call.result": '{"capital":"Paris"}' });
    expect(recorded(graph, AGENT_ROOT)["gen_ai.input.messages"]).toBe(JSON.stringify([{ role: "user", parts: [{ type: "text", content: AGENT_QUESTION }] }]));
    expect(typeof recorded(rag, CHAT)["gen_ai.response.time_to_first_chunk"]).toBe("number");
  });
});

describe("langfuse", () => {
  it("types, input/output, tags, metadata, prompt, completion start, session, user, environment, release", () => {
    const root = attrs(rag("langfuse"), RAG_ROOT);
    expect(root).toMatchObject({
      "langfuse.observation.type": "chain",
      "langfuse.observation.input": RAG_INPUT,
      "langfuse.observation.output": RAG_OUTPUT,
      "langfuse.trace.tags": ["rag", "beta"],
      "langfuse.trace.metadata.tenant": "acme",
      "langfuse.trace.metadata.tier": 2,
      "user.id": "user-7",
      "gen_ai.conversation.id": "session-rag",
    });
    expect(attrs(rag("langfuse"), RETRIEVAL)).toMatchObject({
      "langfuse.observation.type": "retriever",
      "langfuse.observation.input": RAG_INPUT,
      "langfuse.observation.output": DOCUMENTS,
      // LangChain's memory vector store adds its own run tag.
      "langfuse.trace.tags": ["rag", "beta", "memory"],
      "user.id": "user-7",
    });
    const chatSpan = rag("langfuse").get(CHAT) as ReceivedSpan;
    const firstChunkMs = Number(chatSpan.startTimeUnixNano / 1_000_000n) + Number(chatSpan.attributes["gen_ai.response.time_to_first_chunk"]) * 1000;
    expect(chatSpan.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "langfuse.observation.prompt.name": "rag-answer",
      "langfuse.observation.prompt.version": 3,
      "gen_ai.usage.cache_read.input_tokens": recorded(rag, CHAT)["gen_ai.usage.cache_read.input_tokens"],
    });
    expect(Date.parse(String(chatSpan.attributes["langfuse.observation.completion_start_time"]))).toBeCloseTo(firstChunkMs, -1);
    for (const span of graph("langfuse").values()) expect(span.attributes["gen_ai.conversation.id"]).toBe(THREAD_ID);
    expect(attrs(graph("langfuse"), "agent")["langfuse.observation.type"]).toBe("chain");
    expect(rag("langfuse").get(RAG_ROOT)?.resource).toMatchObject({ "deployment.environment.name": "staging", "service.version": "1.2.3" });
  });
});

describe("phoenix", () => {
  it("kinds, root input/output, session, user, tags, metadata, prompt template, documents, graph nodes", () => {
    expect(attrs(rag("phoenix"), RAG_ROOT)).toMatchObject({
      "openinference.span.kind": "CHAIN",
      "input.value": RAG_INPUT,
      "output.value": RAG_OUTPUT,
      "session.id": "session-rag",
      "user.id": "user-7",
      "tag.tags": ["rag", "beta"],
      metadata: '{"tenant":"acme","tier":2}',
    });
    expect(attrs(rag("phoenix"), RETRIEVAL)).toMatchObject({
      "openinference.span.kind": "RETRIEVER",
      "retrieval.documents.0.document.id": "doc-1",
      "retrieval.documents.0.document.content": RAG_DOCS[0],
      "retrieval.documents.1.document.content": RAG_DOCS[1],
      "retrieval.documents.1.document.metadata": '{"source":"wiki"}',
    });
    const chat = recorded(rag, CHAT);
    expect(attrs(rag("phoenix"), CHAT)).toMatchObject({
      "openinference.span.kind": "LLM",
      "llm.prompt_template.template": TEMPLATE,
      "llm.prompt_template.version": "3",
      "llm.prompt_template.variables": JSON.stringify(VARIABLES),
      "llm.token_count.prompt": chat["gen_ai.usage.input_tokens"],
      "llm.token_count.prompt_details.cache_read": chat["gen_ai.usage.cache_read.input_tokens"],
      "llm.token_count.completion_details.reasoning": chat["gen_ai.usage.reasoning.output_tokens"],
    });
    for (const span of graph("phoenix").values()) expect(span.attributes["session.id"]).toBe(THREAD_ID);
    expect(attrs(graph("phoenix"), "agent")).toMatchObject({ "graph.node.id": "agent", "graph.node.name": "agent" });
    expect(attrs(graph("phoenix"), AGENT_ROOT)).toMatchObject({
      "openinference.span.kind": "AGENT",
      "agent.name": "capitals_agent",
      "output.value": recorded(graph, AGENT_ROOT)["gen_ai.output.messages"],
    });
    expect(attrs(query("phoenix"), "query")).toMatchObject({ "session.id": "session-9", "user.id": "user-3", "input.value": QUERY, "output.value": QUERY_OUTPUT });
    expect(attrs(query("phoenix"), QUERY_RETRIEVAL)).toMatchObject({ "openinference.span.kind": "RETRIEVER", "retrieval.documents.0.document.content": "Paris is in France." });
    expect(typeof attrs(query("phoenix"), QUERY_RETRIEVAL)["retrieval.documents.0.document.score"]).toBe("number");
  });
});

describe("traceloop", () => {
  it("workflow name on every descendant, association properties, conversation, prompt, reasoning tokens", () => {
    for (const span of rag("traceloop").values()) {
      expect(span.attributes).toMatchObject({
        "traceloop.workflow.name": "RunnableSequence",
        "traceloop.association.properties.user_id": "user-7",
        "traceloop.association.properties.tenant": "acme",
        "traceloop.association.properties.tier": "2",
      });
      expect(String(span.attributes["traceloop.association.properties.tags"])).toMatch(/^rag,beta(,memory)?$/);
    }
    expect(attrs(rag("traceloop"), RAG_ROOT)).toMatchObject({
      "traceloop.span.kind": "workflow",
      "traceloop.association.properties.tags": "rag,beta",
      "traceloop.entity.input": RAG_INPUT,
      "traceloop.entity.output": RAG_OUTPUT,
    });
    expect(attrs(rag("traceloop"), CHAT)).toMatchObject({
      "traceloop.prompt.key": "rag-answer",
      "traceloop.prompt.version": "3",
      "traceloop.prompt.template": TEMPLATE,
      "traceloop.prompt.template_variables.question": RAG_INPUT,
      "gen_ai.usage.reasoning_tokens": recorded(rag, CHAT)["gen_ai.usage.reasoning.output_tokens"],
      "gen_ai.usage.cache_read_input_tokens": recorded(rag, CHAT)["gen_ai.usage.cache_read.input_tokens"],
    });
    for (const span of graph("traceloop").values()) {
      expect(span.attributes).toMatchObject({ "gen_ai.conversation.id": THREAD_ID, "traceloop.workflow.name": "capitals_agent" });
    }
    expect(attrs(graph("traceloop"), "execute_tool lookup")).toMatchObject({ "traceloop.span.kind": "tool", "traceloop.entity.input": '{"country":"France"}' });
    expect(attrs(query("traceloop"), QUERY_RETRIEVAL)["traceloop.workflow.name"]).toBe("query");
  });
});

describe("datadog-llmobs", () => {
  it("retrieval typed retrieval with documents, cache/reasoning tokens, tags, metadata, prompt tracking, session, ml_app", () => {
    const retrieval = attrs(rag("datadog-llmobs"), RETRIEVAL);
    expect(retrieval["gen_ai.operation.name"]).toBeUndefined();
    expect(retrieval).toMatchObject({
      "openinference.span.kind": "RETRIEVER",
      "input.value": RAG_INPUT,
      "retrieval.documents.0.document.id": "doc-1",
      "retrieval.documents.0.document.content": RAG_DOCS[0],
    });
    expect(attrs(query("datadog-llmobs"), QUERY_RETRIEVAL)["retrieval.documents.0.document.score"]).toBe(
      JSON.parse(String(recorded(query, QUERY_RETRIEVAL)["gen_ai.retrieval.documents"]))[0].score,
    );
    const chat = attrs(rag("datadog-llmobs"), CHAT);
    expect(chat).toMatchObject({
      "gen_ai.operation.name": "chat",
      "llm.token_count.prompt_details.cache_read": recorded(rag, CHAT)["gen_ai.usage.cache_read.input_tokens"],
      "llm.token_count.completion_details.reasoning": recorded(rag, CHAT)["gen_ai.usage.reasoning.output_tokens"],
      "tag.tags": ["rag", "beta"],
      "user.id": "user-7",
    });
    expect(JSON.parse(String(chat["_dd.ml_obs.metadata"]))).toEqual({ tenant: "acme", tier: 2 });
    expect(JSON.parse(String(chat["_dd.ml_obs.prompt_tracking"]))).toEqual({ name: "rag-answer", version: "3", template: TEMPLATE, variables: VARIABLES });
    expect(attrs(rag("datadog-llmobs"), RAG_ROOT)).toMatchObject({ "input.value": RAG_INPUT, "output.value": RAG_OUTPUT });
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
    expect(attrs(graph("weave"), AGENT_ROOT)).toMatchObject({
      "weave.span.kind": "agent",
      "wandb.display_name": "capitals_agent",
      "wandb.is_turn": true,
      "wandb.thread_id": THREAD_ID,
    });
    expect(attrs(graph("weave"), "agent")).toMatchObject({ "weave.span.kind": "chain", "wandb.display_name": "agent" });
    expect(attrs(rag("weave"), RETRIEVAL)).toMatchObject({ "weave.span.kind": "retriever", "input.value": RAG_INPUT, "output.value": DOCUMENTS });
    expect(attrs(rag("weave"), CHAT)).toMatchObject({
      "weave.span.kind": "llm",
      "llm.provider": "openai",
      "gen_ai.usage.reasoning_tokens": recorded(rag, CHAT)["gen_ai.usage.reasoning.output_tokens"],
    });
    expect(attrs(rag("weave"), RAG_ROOT)).toMatchObject({
      "input.value": RAG_INPUT,
      "output.value": RAG_OUTPUT,
      "wandb.thread_id": "session-rag",
      "wandb.attributes.user_id": "user-7",
      "wandb.attributes.tags": ["rag", "beta"],
      "wandb.attributes.tenant": "acme",
    });
  });
});

describe("laminar", () => {
  it("gen_ai.system, reasoning tokens, association properties, retrieval and root input/output", () => {
    expect(attrs(rag("laminar"), CHAT)).toMatchObject({
      "gen_ai.system": "openai",
      "gen_ai.provider.name": "openai",
      "gen_ai.usage.reasoning_tokens": recorded(rag, CHAT)["gen_ai.usage.reasoning.output_tokens"],
      "lmnr.association.properties.session_id": "session-rag",
      "lmnr.association.properties.user_id": "user-7",
      "lmnr.association.properties.tags": ["rag", "beta"],
      "lmnr.association.properties.metadata.tenant": "acme",
    });
    expect(attrs(rag("laminar"), RETRIEVAL)).toMatchObject({ "lmnr.span.input": JSON.stringify(RAG_INPUT), "lmnr.span.output": DOCUMENTS });
    expect(attrs(query("laminar"), "query")).toMatchObject({
      "lmnr.span.input": JSON.stringify(QUERY),
      "lmnr.span.output": JSON.stringify(QUERY_OUTPUT),
      "lmnr.association.properties.session_id": "session-9",
    });
    for (const span of graph("laminar").values()) expect(span.attributes["lmnr.association.properties.session_id"]).toBe(THREAD_ID);
  });
});

describe("newrelic", () => {
  it("lists the app in AI monitoring and reads the GenAI spans as recorded", () => {
    for (const span of received.get("newrelic") ?? []) expect(span.resource.aiEnabledApp).toBe("true");
    expect(attrs(rag("newrelic"), CHAT)).toMatchObject({ "gen_ai.provider.name": "openai", "gen_ai.usage.input_tokens": attrs(rag("phoenix"), CHAT)["llm.token_count.prompt"] });
    expect(attrs(rag("newrelic"), CHAT)["gen_ai.usage.input_tokens"]).toBeGreaterThan(0);
    expect(Object.keys(attrs(rag("newrelic"), CHAT)).filter((k) => k.startsWith("openinference.") || k.startsWith("langfuse."))).toEqual([]);
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
