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

/** A tool-calling AgentExecutor with the weather tool, on the stand-in model. */
function weatherAgent(): AgentExecutor {
  const prompt = ChatPromptTemplate.fromMessages([
    ["system", "You are a weather assistant."],
    ["human", "{input}"],
    ["placeholder", "{agent_scratchpad}"],
  ]);
  const agent = createToolCallingAgent({ llm: chatModel(server()), tools: [weather], prompt });
  return new AgentExecutor({ agent, tools: [weather] });
}

describe("legacy AgentExecutor", () => {
  it("is one invoke_agent span with agent actions as events, never a second span for the same run", async () => {
    const executor = weatherAgent();
    const handler = new OpenTelemetryCallbackHandler({ captureContent: true });
    const result = await executor.invoke({ input: "Use get_weather for Rome" }, { callbacks: [handler] });
    expect(String(result.output)).toContain("sunny");

    const roots = tracing().shape();
    expect(roots).toHaveLength(1);
    expect(roots[0]!.name).toBe("invoke_agent AgentExecutor");
    const root = tracing().spans().find((s) => s.name === "invoke_agent AgentExecutor")!;
    expect(root.attributes).toMatchObject({ "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "AgentExecutor" });
    const events = root.events.map((e) => e.name);
    expect(events).toEqual(["genai_otel.agent.action", "genai_otel.agent.finish"]);
    // SPAN_ONLY: no content on the agent's events; the tool span carries the arguments as attributes.
    expect(root.events[0]!.attributes).toEqual({ "gen_ai.tool.name": "get_weather" });
    expect(root.events[1]!.attributes ?? {}).toEqual({});
    const toolSpan = tracing().spans().find((s) => s.name === "execute_tool get_weather")!;
    expect(JSON.parse(String(toolSpan.attributes["gen_ai.tool.call.arguments"]))).toEqual({ city: "Rome" });
    const names = tracing().spans().map((s) => s.name);
    expect(names.filter((n) => n === "invoke_agent AgentExecutor")).toHaveLength(1);
    expect(names).toContain("execute_tool get_weather");
    expect(names.filter((n) => n === "chat gpt-4o-mini")).toHaveLength(2);
    expect(handler.openRuns).toBe(0);
  });

  it("puts the agent's steps' content on its events only in the event modes, and as mask_input / mask_output say", async () => {
    const run = async (captureContent: "EVENT_ONLY" | "SPAN_AND_EVENT", metadata: Record<string, unknown>) => {
      const executor = weatherAgent();
      const handler = new OpenTelemetryCallbackHandler({ captureContent });
      await executor.invoke({ input: "Use get_weather for Rome" }, { callbacks: [handler], metadata });
      const root = tracing().spans().filter((s) => s.name === "invoke_agent AgentExecutor").at(-1)!; // the run just ended
      return Object.fromEntries(root.events.map((e) => [e.name, e.attributes ?? {}]));
    };
    const open = await run("EVENT_ONLY", {});
    expect(JSON.parse(String(open["genai_otel.agent.action"]!["gen_ai.tool.call.arguments"]))).toEqual({ city: "Rome" });
    expect(String(open["genai_otel.agent.finish"]!["genai_otel.output"])).toContain("sunny");

    const masked = await run("SPAN_AND_EVENT", { mask_input: true, mask_output: true });
    expect(masked["genai_otel.agent.action"]).toEqual({ "gen_ai.tool.name": "get_weather" });
    expect(masked["genai_otel.agent.finish"]).toEqual({});
  });
});
