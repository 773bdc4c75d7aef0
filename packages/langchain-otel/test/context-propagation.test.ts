import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { RunnableLambda } from "@langchain/core/runnables";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { tool } from "@langchain/core/tools";
import { Annotation, END, START, StateGraph } from "@langchain/langgraph";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { chatModel, useStandIns } from "./setup";

const { server, tracing } = useStandIns();
const undici = new UndiciInstrumentation();

beforeAll(() => {
  undici.setTracerProvider(tracing().provider);
  undici.enable();
});
afterAll(() => undici.disable());

function parentOf(span: ReadableSpan): ReadableSpan | undefined {
  return tracing().spans().find((s) => s.spanContext().spanId === span.parentSpanContext?.spanId);
}

function httpSpans(path: string): ReadableSpan[] {
  return tracing().spans().filter((s) => String(s.attributes["url.full"] ?? "").endsWith(path));
}

describe("context propagation (propagateContext: true)", () => {
  it("nests the chat model's own HTTP request under the chat span, plain and streaming", async () => {
    const handler = new OpenTelemetryCallbackHandler({ propagateContext: true });
    try {
      await chatModel(server()).invoke("Hello?", { callbacks: [handler] });
      const chunks = [];
      for await (const c of await chatModel(server()).stream("Stream?", { callbacks: [handler] })) chunks.push(c);
      expect(chunks.length).toBeGreaterThan(1);
    } finally {
      handler.shutdown();
    }
    const http = httpSpans("/v1/chat/completions");
    expect(http).toHaveLength(2);
    for (const span of http) expect(parentOf(span)?.name).toBe("chat gpt-4o-mini");
  });

  it("nests an HTTP call made inside a tool under the tool span", async () => {
    const lookup = tool(async () => (await fetch(`${server().url}/models`)).status, {
      name: "list_models",
      description: "Lists models",
      schema: z.object({}),
    });
    const handler = new OpenTelemetryCallbackHandler({ propagateContext: true });
    try {
      await lookup.invoke({}, { callbacks: [handler] });
    } finally {
      handler.shutdown();
    }
    const [http] = httpSpans("/v1/models");
    expect(parentOf(http!)?.name).toBe("execute_tool list_models");
  });

  it("nests HTTP calls in a RunnableLambda and in a LangGraph node under their spans", async () => {
    const fetchModels = async () => (await fetch(`${server().url}/models`)).status;
    const lambda = RunnableLambda.from(fetchModels).withConfig({ runName: "fetcher" });
    const State = Annotation.Root({ status: Annotation<number> });
    const graph = new StateGraph(State)
      .addNode("call_api", async () => ({ status: await fetchModels() }))
      .addEdge(START, "call_api")
      .addEdge("call_api", END)
      .compile();
    const handler = new OpenTelemetryCallbackHandler({ propagateContext: true });
    try {
      await lambda.invoke({}, { callbacks: [handler] });
      await graph.invoke({ status: 0 }, { callbacks: [handler] });
    } finally {
      handler.shutdown();
    }
    const parents = httpSpans("/v1/models").map((s) => parentOf(s)?.name);
    expect(parents).toEqual(["invoke_workflow fetcher", "call_api"]);
  });

  it("is off by default: the HTTP request then hangs off the caller's context", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    await chatModel(server()).invoke("Hello?", { callbacks: [handler] });
    const [http] = httpSpans("/v1/chat/completions");
    expect(parentOf(http!)).toBeUndefined();
  });

  it("keeps propagateContext: false on one handler while another handler has it on", async () => {
    const lookup = tool(async () => (await fetch(`${server().url}/models`)).status, {
      name: "list_models",
      description: "Lists models",
      schema: z.object({}),
    });
    const on = new OpenTelemetryCallbackHandler({ propagateContext: true });
    const off = new OpenTelemetryCallbackHandler({ propagateContext: false });
    try {
      await lookup.invoke({}, { callbacks: [off] });
      await chatModel(server()).invoke("Hello?", { callbacks: [off] });
    } finally {
      on.shutdown();
      off.shutdown();
    }
    const [toolHttp] = httpSpans("/v1/models");
    expect(toolHttp!.parentSpanContext?.spanId).toBeUndefined();
    const [chatHttp] = httpSpans("/v1/chat/completions");
    expect(parentOf(chatHttp!)?.name).toBeUndefined();
  });
});
