import { OpenAIAgent } from "@llamaindex/openai";
import { agent, multiAgent } from "@llamaindex/workflow";
import { SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it, vi } from "vitest";
import { brokenTool, onOldestLlamaIndex, outline, useStandIns, weatherTool } from "./fixtures";

/** How long to wait for spans ended asynchronously (generous: CI machines are loaded). */
const WAIT = { timeout: 10_000, interval: 20 };

const { tracing, server } = useStandIns({}, { includeUsage: true });

const STEP = ["  agent_step helper", "    chat gpt-4o-mini"];
const runTree = (tool: string) => ["invoke_agent helper", ...STEP, `  execute_tool ${tool}`, ...STEP];
const span = (prefix: string) => tracing.spans().find((s) => s.name.startsWith(prefix))!;


describe("a workflow agent with two tools", () => {
  const helper = () => agent({ name: "helper", description: "Answers with tools", tools: [weatherTool(), brokenTool()] });

  it("gives invoke_agent > agent_step > chat, and execute_tool for the tool call", async () => {
    const result = await helper().run("What is the weather in Paris");
    expect(result.data.result).toContain("sunny in Paris");
    expect(outline(tracing.shape())).toEqual(runTree("weather"));
    expect(span("invoke_agent").attributes).toMatchObject({
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": "helper",
      "gen_ai.agent.description": "Answers with tools",
    });
    const request = server().requests.filter((r) => r.path.endsWith("/chat/completions")).at(-2)!;
    expect(request.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(["weather", "broken"]);
    expect(span("execute_tool").attributes).toMatchObject({
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "weather",
      "gen_ai.tool.type": "function",
      "gen_ai.tool.description": "Current weather in a city",
      // @llamaindex/workflow 1.1.14 does not hand the model's tool-call id to the tool call
      ...(onOldestLlamaIndex ? {} : { "gen_ai.tool.call.id": expect.stringMatching(/^call_/) }),
    });
  });

  it("records a throwing tool on execute_tool only: the agent reads the error and answers", async () => {
    const result = await helper().run("Please use the broken tool");
    expect(result.data.result).toContain("the broken tool broke");
    expect(outline(tracing.shape())).toEqual(runTree("broken"));
    const failed = tracing.spans().filter((s) => s.status.code === SpanStatusCode.ERROR);
    expect(failed.map((s) => [s.name, s.attributes["error.type"]])).toEqual([["execute_tool broken", "TypeError"]]);
    expect(failed[0]!.events.map((e) => e.name)).toEqual(["exception"]);
  });

  it("keeps invoke_agent open over runStream until the events are read (toArray)", async () => {
    const events = await helper().runStream("What is the weather in Rome").toArray();
    expect(events.length).toBeGreaterThan(0);
    expect(outline(tracing.shape())).toEqual(runTree("weather"));
  });

  it("ends invoke_agent when a runStream is read with for await", async () => {
    let last: unknown;
    for await (const event of helper().runStream("What is the weather in Oslo")) last = event;
    expect((last as { data: { result: string } }).data.result).toContain("sunny in Oslo");
    expect(outline(tracing.shape())).toEqual(runTree("weather"));
    expect(span("invoke_agent").attributes["genai_otel.incomplete"]).toBeUndefined();
  });

  it("ends invoke_agent, marked incomplete, when a runStream is broken off", async () => {
    for await (const _ of helper().runStream("What is the weather in Rome")) break;
    // The cancel reaches the run's stream asynchronously; the workflow itself runs on (LlamaIndex
    // does not stop it), its later spans still children of the run.
    await vi.waitFor(() => expect(span("invoke_agent")?.attributes["genai_otel.incomplete"]).toBe(true), WAIT);
    await vi.waitFor(() => expect(outline(tracing.shape())).toEqual(runTree("weather")), WAIT);
  });
});

describe("multiAgent", () => {
  it("gives one invoke_agent per run, with each agent's steps and the handOff tool", async () => {
    const writer = agent({ name: "writer", description: "Writes the answer", tools: [weatherTool()] });
    const planner = agent({ name: "planner", description: "Plans", tools: [weatherTool()], canHandoffTo: [writer] });
    const workflow = multiAgent({ agents: [planner, writer], rootAgent: planner });
    await workflow.run("Please handOff to writer");
    expect(outline(tracing.shape())).toEqual([
      "invoke_agent planner",
      "  agent_step planner",
      "    chat gpt-4o-mini",
      "  execute_tool handOff",
      "  agent_step writer",
      "    chat gpt-4o-mini",
    ]);
  });
});

describe("a legacy agent (OpenAIAgent)", () => {
  it("gives invoke_agent > chat, execute_tool, chat", async () => {
    const response = await new OpenAIAgent({ tools: [weatherTool()] }).chat({ message: "What is the weather in Oslo" });
    expect(response.message.content).toContain("sunny in Oslo");
    expect(outline(tracing.shape())).toEqual(["invoke_agent OpenAIAgent", "  chat gpt-4o-mini", "  execute_tool weather", "  chat gpt-4o-mini"]);
    expect(span("execute_tool").attributes["gen_ai.tool.call.id"]).toEqual(expect.stringMatching(/^call_/));
  });
});
