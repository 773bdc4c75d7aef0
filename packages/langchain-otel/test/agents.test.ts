import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { AIMessage, HumanMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { Annotation, END, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { createAgent } from "langchain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chatModel, useStandIns } from "./setup";

const { server, tracing } = useStandIns();

const weather = tool(async ({ city }: { city: string }) => `It is sunny in ${city}.`, {
  name: "get_weather",
  description: "Current weather for a city",
  schema: z.object({ city: z.string() }),
});

describe("agents and workflows", () => {
  it("makes a plain graph with a node named `model` an invoke_workflow root, not an agent", async () => {
    const model = chatModel(server());
    const graph = new StateGraph(MessagesAnnotation)
      .addNode("model", async (s) => ({ messages: [await model.invoke(s.messages)] }))
      .addNode("tools", async () => ({ messages: [new AIMessage("no tools here")] }))
      .addEdge(START, "model")
      .addEdge("model", "tools")
      .addEdge("tools", END)
      .compile({ name: "summariser" });
    const handler = new OpenTelemetryCallbackHandler();
    await graph.invoke({ messages: [new HumanMessage("Summarise this")] }, { callbacks: [handler] });
    const root = tracing().shape(["gen_ai.operation.name", "gen_ai.workflow.name", "genai_otel.run.type"])[0]!;
    expect(root).toMatchObject({
      name: "invoke_workflow summariser",
      attributes: { "gen_ai.operation.name": "invoke_workflow", "gen_ai.workflow.name": "summariser" },
    });
    expect(root.attributes?.["genai_otel.run.type"]).toBeUndefined();
    expect(tracing().spans().some((s) => s.attributes["gen_ai.operation.name"] === "invoke_agent")).toBe(false);
    expect(root.children.map((c) => c.name)).toEqual(["model", "tools"]);
  });

  it("gives an agent one operation, its model and provider, and its total usage", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    const agent = createAgent({ model: chatModel(server()), tools: [weather], name: "support_agent" });
    await agent.invoke({ messages: [new HumanMessage("Use get_weather for Lima")] }, { callbacks: [handler] });
    const spans = tracing().spans();
    const root = spans.find((s) => s.name === "invoke_agent support_agent")!;
    expect(root.attributes["genai_otel.run.type"]).toBeUndefined();
    expect(root.attributes["gen_ai.provider.name"]).toBe("openai");
    expect(root.attributes["gen_ai.request.model"]).toBe("gpt-4o-mini");
    const chats = spans.filter((s) => s.name === "chat gpt-4o-mini");
    expect(chats).toHaveLength(2);
    const sum = (key: string) => chats.reduce((n, s) => n + Number(s.attributes[key]), 0);
    expect(root.attributes["gen_ai.usage.input_tokens"]).toBe(sum("gen_ai.usage.input_tokens"));
    expect(root.attributes["gen_ai.usage.output_tokens"]).toBe(sum("gen_ai.usage.output_tokens"));
    for (const s of spans) {
      if (s.attributes["gen_ai.operation.name"] !== undefined) expect(s.attributes["genai_otel.run.type"]).toBeUndefined();
    }
  });

  it("recognises createReactAgent by its tool-choosing model, and leaves out provider and model when two models serve it", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    const agent = createReactAgent({ llm: chatModel(server(), { model: "gpt-4o" }), tools: [weather], name: "weather_agent" });
    const other = chatModel(server(), { model: "gpt-4o-mini" });
    const outer = new StateGraph(MessagesAnnotation)
      .addNode("prepare", async (s) => ({ messages: [await other.invoke(s.messages)] }))
      .addNode("react", agent)
      .addEdge(START, "prepare")
      .addEdge("prepare", "react")
      .addEdge("react", END)
      .compile({ name: "pipeline" });
    await outer.invoke({ messages: [new HumanMessage("Use get_weather for Oslo")] }, { callbacks: [handler] });
    const spans = tracing().spans();
    const inner = spans.find((s) => s.name === "invoke_agent weather_agent")!;
    expect(inner.attributes["gen_ai.request.model"]).toBe("gpt-4o");
    // the subgraph's node span carries langgraph.node/step; the agent span below it does not repeat them
    const node = spans.find((s) => s.name === "react")!;
    expect(node.attributes["langgraph.node"]).toBe("react");
    expect(inner.parentSpanContext?.spanId).toBe(node.spanContext().spanId);
    expect(inner.attributes["langgraph.node"]).toBeUndefined();
    expect(inner.attributes["langgraph.step"]).toBeUndefined();
    const root = spans.find((s) => s.name === "invoke_workflow pipeline")!;
    expect(root.attributes["gen_ai.operation.name"]).toBe("invoke_workflow");
    expect(root.attributes["gen_ai.request.model"]).toBeUndefined();
  });

  it("names a subgraph agent whose name is its node's once: node span, then agent span", async () => {
    const State = Annotation.Root({ messages: MessagesAnnotation.spec.messages });
    const researcher = createAgent({ model: chatModel(server()), tools: [weather], name: "researcher" });
    const graph = new StateGraph(State).addNode("researcher", researcher.graph).addEdge(START, "researcher").addEdge("researcher", END).compile();
    const handler = new OpenTelemetryCallbackHandler();
    await graph.invoke({ messages: [new HumanMessage("Use get_weather for Rome")] }, { callbacks: [handler] });
    const spans = tracing().spans();
    const withNode = spans.filter((s) => s.attributes["langgraph.node"] === "researcher");
    expect(withNode.map((s) => s.name)).toEqual(["researcher"]);
    expect(spans.filter((s) => s.name === "invoke_agent researcher")).toHaveLength(1);
    expect(handler.openRuns).toBe(0);
  });
});
