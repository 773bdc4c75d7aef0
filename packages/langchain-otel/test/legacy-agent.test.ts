import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { AgentExecutor, createToolCallingAgent } from "@langchain/classic/agents";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { tool } from "@langchain/core/tools";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chatModel, useStandIns } from "./setup";

const { server, tracing } = useStandIns();

const weather = tool(async ({ city }: { city: string }) => `It is sunny in ${city}.`, {
  name: "get_weather",
  description: "Current weather for a city",
  schema: z.object({ city: z.string() }),
});

describe("legacy AgentExecutor", () => {
  it("is one invoke_agent span with agent actions as events, never a second span for the same run", async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      ["system", "You are a weather assistant."],
      ["human", "{input}"],
      ["placeholder", "{agent_scratchpad}"],
    ]);
    const agent = createToolCallingAgent({ llm: chatModel(server()), tools: [weather], prompt });
    const executor = new AgentExecutor({ agent, tools: [weather] });
    const handler = new OpenTelemetryCallbackHandler({ captureContent: true });
    const result = await executor.invoke({ input: "Use get_weather for Rome" }, { callbacks: [handler] });
    expect(String(result.output)).toContain("sunny");

    const roots = tracing().shape();
    expect(roots).toHaveLength(1);
    expect(roots[0]!.name).toBe("invoke_agent AgentExecutor");
    const root = tracing().spans().find((s) => s.name === "invoke_agent AgentExecutor")!;
    expect(root.attributes).toMatchObject({ "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "AgentExecutor" });
    const events = root.events.map((e) => e.name);
    expect(events).toEqual(["gen_ai.agent.action", "gen_ai.agent.finish"]);
    expect(root.events[0]!.attributes).toMatchObject({ "gen_ai.tool.name": "get_weather" });
    const names = tracing().spans().map((s) => s.name);
    expect(names.filter((n) => n === "invoke_agent AgentExecutor")).toHaveLength(1);
    expect(names).toContain("execute_tool get_weather");
    expect(names.filter((n) => n === "chat gpt-4o-mini")).toHaveLength(2);
    expect(handler.openRuns).toBe(0);
  });
});
