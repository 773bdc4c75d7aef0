import { instrumentLlamaIndex, withTraceAttributes } from "@genai-otel/llamaindex-otel";
import { agent } from "@llamaindex/workflow";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { SimpleChatEngine, type VectorStoreIndex } from "llamaindex";
import { describe, expect, it } from "vitest";
import { buildIndex, useStandInModels, useStandInServer, weatherTool } from "./fixtures";

const { tracing, server } = useStandInServer();
let index: VectorStoreIndex;

const CONTENT_KEYS = ["genai_otel.input", "genai_otel.output", "genai_otel.prompt.template", "genai_otel.prompt.variables", "gen_ai.input.messages", "gen_ai.output.messages"];
const traceKeys = (s: ReadableSpan) =>
  Object.fromEntries(Object.entries(s.attributes).filter(([k]) => k === "gen_ai.conversation.id" || k === "user.id" || k.startsWith("genai_otel.tags") || k.startsWith("genai_otel.metadata.") || k.startsWith("genai_otel.prompt.")));
const span = (prefix: string) => {
  const found = tracing.spans().find((s) => s.name.startsWith(prefix));
  if (!found) throw new Error(`no span ${prefix} in\n${tracing.tree()}`);
  return found;
};

async function instrumented<T>(captureContent: boolean, fn: () => Promise<T>): Promise<T> {
  const instrumentation = instrumentLlamaIndex({ captureContent });
  try {
    await instrumentation.ready;
    // burst: the clients (also the index's embedding model) retry a reset connection and wait longer, for the 200-call test
    useStandInModels(server(), { includeUsage: true, burst: true });
    if (!index) index = await buildIndex();
    tracing.reset();
    return await fn();
  } finally {
    instrumentation.uninstrument();
  }
}


describe("withTraceAttributes around LlamaIndex calls", () => {
  it("query, chat engine and agent run: every span carries the scope; prompt name/version only on chat spans", async () => {
    await instrumented(false, async () => {
      const attributes = { conversationId: "c-li", userId: "u-li", tags: ["rag"], metadata: { tenant: "acme" }, prompt: { name: "qa", version: "v3" } };
      await withTraceAttributes(attributes, () => index.asQueryEngine().query({ query: "What does the keeper log?" }));
      await withTraceAttributes(attributes, () => new SimpleChatEngine().chat({ message: "Hello" }));
      await withTraceAttributes(attributes, () => agent({ name: "helper", tools: [weatherTool()] }).run("What is the weather in Oslo"));
    });
    const common = { "gen_ai.conversation.id": "c-li", "user.id": "u-li", "genai_otel.tags": ["rag"], "genai_otel.metadata.tenant": "acme" };
    const spans = tracing.spans();
    expect(spans.map((s) => s.name)).toEqual(expect.arrayContaining(["query", "chat_engine", "invoke_agent helper", "execute_tool weather"]));
    for (const s of spans) {
      if (s.attributes["gen_ai.operation.name"] === "chat") expect(traceKeys(s)).toEqual({ ...common, "genai_otel.prompt.name": "qa", "genai_otel.prompt.version": "v3" });
      else expect(traceKeys(s)).toEqual(common);
    }
  });

  it("200 concurrent queries with different conversation ids: no span carries another call's id", async () => {
    await instrumented(true, () =>
      Promise.all(
        Array.from({ length: 200 }, (_, i) => withTraceAttributes({ conversationId: `c-${i}` }, () => index.asQueryEngine().query({ query: `question ${i}` }))),
      ),
    );
    const spans = tracing.spans();
    const questionOf = new Map<string, string>();
    for (const s of spans) if (s.name === "query") questionOf.set(s.spanContext().traceId, String(s.attributes["genai_otel.input"]).split(" ")[1]!);
    expect(questionOf.size).toBe(200);
    const wrong = spans.filter((s) => s.attributes["gen_ai.conversation.id"] !== `c-${questionOf.get(s.spanContext().traceId)}`);
    expect(wrong.length).toBe(0);
  }, 180_000); // 200 concurrent queries: room on a loaded machine, as the other concurrency tests
});

describe("root input and output", () => {
  it("capture on: a query's question and answer, a streamed chat engine's message and concatenated answer", async () => {
    await instrumented(true, async () => {
      const response = await index.asQueryEngine().query({ query: "What does the keeper log?" });
      expect(span("query").attributes["genai_otel.input"]).toBe("What does the keeper log?");
      expect(span("query").attributes["genai_otel.output"]).toBe(response.message.content);
      tracing.reset();
      let text = "";
      for await (const chunk of await new SimpleChatEngine().chat({ message: "Hello there", stream: true })) text += chunk.delta;
      expect(text.length).toBeGreaterThan(0);
      expect(span("chat_engine").attributes).toMatchObject({ "genai_otel.input": "Hello there", "genai_otel.output": text });
      // the query's synthesize step is no root: nothing there
      expect(tracing.spans().every((s) => s.name === "chat_engine" || s.attributes["genai_otel.input"] === undefined)).toBe(true);
    });
  });

  it("capture on: a scope's prompt template and variables on the chat spans", async () => {
    await instrumented(true, () => withTraceAttributes({ prompt: { name: "p", template: "Answer {q}", variables: { q: "x" } } }, () => new SimpleChatEngine().chat({ message: "Hi" })));
    expect(span("chat ").attributes).toMatchObject({ "genai_otel.prompt.template": "Answer {q}", "genai_otel.prompt.variables": '{"q":"x"}' });
    expect(span("chat_engine").attributes["genai_otel.prompt.template"]).toBeUndefined();
  });

  it("capture off: no template, variables, inputs or outputs", async () => {
    await instrumented(false, () =>
      withTraceAttributes({ prompt: { name: "p", template: "Answer {q}", variables: { q: "x" } } }, async () => {
        await index.asQueryEngine().query({ query: "What does the keeper log?" });
        await new SimpleChatEngine().chat({ message: "Hi" });
        await agent({ name: "helper", tools: [weatherTool()] }).run("What is the weather in Oslo");
      }),
    );
    expect(tracing.spans().length).toBeGreaterThan(5);
    for (const s of tracing.spans()) for (const key of CONTENT_KEYS) expect(s.attributes[key]).toBeUndefined();
  });
});
