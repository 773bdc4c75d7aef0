import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { MemoryVectorStore } from "@langchain/classic/vectorstores/memory";
import { Document } from "@langchain/core/documents";
import { type AIMessage, HumanMessage, type ToolMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chatModel, embeddings, useStandIns } from "./setup";

const { server, tracing } = useStandIns();

const weather = tool(async ({ city }: { city: string }) => `It is sunny in ${city}.`, {
  name: "get_weather",
  description: "Current weather for a city",
  schema: z.object({ city: z.string() }),
});

const failing = tool(
  async () => {
    throw new Error("weather service down");
  },
  { name: "broken_weather", description: "Always fails", schema: z.object({ city: z.string() }) },
);

describe("tools", () => {
  it("gives execute_tool spans with the tool name and the model's call id", async () => {
    const handler = new OpenTelemetryCallbackHandler({ captureContent: true });
    const model = chatModel(server()).bindTools([weather]);
    const question = new HumanMessage("Use get_weather for Paris");
    const ai = (await model.invoke([question], { callbacks: [handler] })) as AIMessage;
    const call = ai.tool_calls![0]!;
    expect(call.name).toBe("get_weather");
    const result = (await weather.invoke(call, { callbacks: [handler] })) as ToolMessage;
    await model.invoke([question, ai, result], { callbacks: [handler] });

    const spans = tracing().spans();
    const toolSpan = spans.find((s) => s.name === "execute_tool get_weather")!;
    expect(toolSpan.kind).toBe(SpanKind.INTERNAL);
    expect(toolSpan.attributes).toMatchObject({
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "get_weather",
      "gen_ai.tool.call.id": call.id,
      "gen_ai.tool.type": "function",
    });
    expect(JSON.parse(String(toolSpan.attributes["gen_ai.tool.call.arguments"]))).toEqual(call.args);
    expect(String(toolSpan.attributes["gen_ai.tool.call.result"])).toContain("sunny");

    const [first, second] = spans.filter((s) => s.name === "chat gpt-4o-mini");
    expect(first!.attributes["gen_ai.response.finish_reasons"]).toEqual(["tool_calls"]);
    const defs = JSON.parse(String(first!.attributes["gen_ai.tool.definitions"]));
    expect(defs[0]).toMatchObject({ type: "function", name: "get_weather", description: "Current weather for a city" });
    const out = JSON.parse(String(first!.attributes["gen_ai.output.messages"]));
    expect(out[0].parts).toContainEqual({ type: "tool_call", id: call.id, name: "get_weather", arguments: call.args });
    const input = JSON.parse(String(second!.attributes["gen_ai.input.messages"]));
    expect(input.at(-1)).toEqual({ role: "tool", parts: [{ type: "tool_call_response", id: call.id, response: "It is sunny in Paris." }] });
  });

  it("records a failing tool as an error span", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    await expect(failing.invoke({ city: "Oslo" }, { callbacks: [handler] })).rejects.toThrow("weather service down");
    const span = tracing().spans().find((s) => s.name === "execute_tool broken_weather")!;
    expect(span.status).toMatchObject({ code: SpanStatusCode.ERROR, message: "weather service down" });
    expect(span.attributes["error.type"]).toBe("Error");
    expect(handler.openRuns).toBe(0);
  });
});

describe("retrievers", () => {
  it("gives a retrieval span with the document count, and nests the embeddings call's run under it", async () => {
    const store = await MemoryVectorStore.fromDocuments(
      [
        new Document({ pageContent: "Spans form a tree.", metadata: { id: "a" } }),
        new Document({ pageContent: "Metrics are aggregated.", metadata: { id: "b" } }),
        new Document({ pageContent: "Logs are records.", metadata: { id: "c" } }),
      ],
      embeddings(server()),
    );
    const handler = new OpenTelemetryCallbackHandler({ captureContent: true });
    const docs = await store.asRetriever({ k: 2 }).invoke("What is a span?", { callbacks: [handler] });
    expect(docs).toHaveLength(2);
    const span = tracing().spans().find((s) => s.name.startsWith("retrieval"))!;
    expect(span.name).toBe("retrieval VectorStoreRetriever");
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.attributes).toMatchObject({
      "gen_ai.operation.name": "retrieval",
      "gen_ai.data_source.id": "VectorStoreRetriever",
      "gen_ai.retrieval.documents.count": 2,
      "gen_ai.retrieval.query.text": "What is a span?",
    });
    expect(JSON.parse(String(span.attributes["gen_ai.retrieval.documents"]))).toHaveLength(2);
  });

  it("ends a failing retriever's span with an error", async () => {
    const store = new MemoryVectorStore(embeddings(server()));
    server().failNext({ status: 500 });
    const handler = new OpenTelemetryCallbackHandler();
    await expect(store.asRetriever().invoke("anything", { callbacks: [handler] })).rejects.toThrow();
    const span = tracing().spans().find((s) => s.name.startsWith("retrieval"))!;
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(handler.openRuns).toBe(0);
  });
});
