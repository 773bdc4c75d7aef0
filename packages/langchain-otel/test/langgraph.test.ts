import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { HumanMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { Annotation, END, START, StateGraph } from "@langchain/langgraph";
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

describe("LangGraph", () => {
  it("traces a ReAct agent: model calls and the tool call nest under the graph's nodes", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    const agent = createReactAgent({ llm: chatModel(server()), tools: [weather], name: "weather_agent" });
    const result = await agent.invoke({ messages: [new HumanMessage("Use get_weather for Paris")] }, { callbacks: [handler] });
    expect(String(result.messages.at(-1)?.content)).toContain("sunny");
    const names = tracing().spans().map((s) => s.name);
    expect(names).not.toContain("__start__");
    const shape = tracing().shape(["gen_ai.operation.name", "gen_ai.agent.name"]);
    expect(shape).toHaveLength(1);
    expect(shape[0]).toMatchObject({ name: "invoke_agent weather_agent", attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "weather_agent" } });
    expect(shape[0]!.children.map((c) => c.name)).toEqual(["agent", "tools", "agent"]);
    expect(shape[0]!.children[1]!.children.map((c) => c.name)).toEqual(["execute_tool get_weather"]);
    // LangChain gives tool runs no description: it comes from the tools the model was offered
    const toolSpan = tracing().spans().find((s) => s.name === "execute_tool get_weather")!;
    expect(toolSpan.attributes["gen_ai.tool.description"]).toBe("Current weather for a city");
    expect(names.filter((n) => n === "chat gpt-4o-mini")).toHaveLength(2);
    expect(names).toContain("execute_tool get_weather");
    expect(handler.openRuns).toBe(0);
  });

  it("traces createAgent (langchain v1) as invoke_agent with the model and tool calls under it", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    const agent = createAgent({ model: chatModel(server()), tools: [weather], name: "support_agent" });
    const result = await agent.invoke({ messages: [new HumanMessage("Use get_weather for Lima")] }, { callbacks: [handler] });
    expect(String(result.messages.at(-1)?.content)).toContain("sunny");
    const shape = tracing().shape(["gen_ai.agent.name"]);
    expect(shape).toHaveLength(1);
    expect(shape[0]).toMatchObject({ name: "invoke_agent support_agent", attributes: { "gen_ai.agent.name": "support_agent" } });
    const names = tracing().spans().map((s) => s.name);
    expect(names.filter((n) => n === "chat gpt-4o-mini")).toHaveLength(2);
    expect(names).toContain("execute_tool get_weather");
    expect(handler.openRuns).toBe(0);
  });

  it("nests a subgraph under its node and hides __start__", async () => {
    const State = Annotation.Root({ value: Annotation<string> });
    const inner = new StateGraph(State)
      .addNode("inner_step", async (s) => ({ value: `${s.value}+inner` }))
      .addEdge(START, "inner_step")
      .addEdge("inner_step", END)
      .compile();
    const outer = new StateGraph(State)
      .addNode("first", async (s) => ({ value: `${s.value}+first` }))
      .addNode("sub", inner)
      .addEdge(START, "first")
      .addEdge("first", "sub")
      .addEdge("sub", END)
      .compile();
    const handler = new OpenTelemetryCallbackHandler();
    const out = await outer.invoke({ value: "x" }, { callbacks: [handler] });
    expect(out.value).toBe("x+first+inner");
    const shape = tracing().shape(["langgraph.node", "langgraph.step"]);
    expect(shape).toHaveLength(1);
    const root = shape[0]!;
    expect(root.name).toBe("invoke_workflow LangGraph");
    expect(root.attributes).toEqual({});
    const sub = root.children.find((c) => c.name === "sub")!;
    expect(sub.attributes).toMatchObject({ "langgraph.node": "sub" });
    expect(JSON.stringify(sub)).toContain("inner_step");
    expect(JSON.stringify(shape)).not.toContain("__start__");
    expect(handler.openRuns).toBe(0);
  });
});
