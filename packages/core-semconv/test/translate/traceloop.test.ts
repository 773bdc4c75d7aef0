import { toTraceloop } from "@genai-otel/core-semconv";
import { spanInfoOf } from "@genai-otel/core-semconv/export";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { CAPTURE_OFF, CAPTURE_ON, added, agentRunSpans } from "./fixtures";

const on = agentRunSpans(CAPTURE_ON);
const off = agentRunSpans(CAPTURE_OFF);

function translated(span: ReadableSpan | undefined) {
  if (!span) throw new Error("span not recorded");
  return added(toTraceloop(span.attributes, spanInfoOf(span)), span.attributes);
}

const CHAT_METADATA = {
  "llm.request.type": "chat",
  "gen_ai.system": "openai",
  "gen_ai.usage.prompt_tokens": 120,
  "gen_ai.usage.completion_tokens": 30,
  "gen_ai.usage.total_tokens": 150,
  "llm.usage.total_tokens": 150,
  "gen_ai.usage.cache_read_input_tokens": 64,
  "gen_ai.usage.reasoning_tokens": 5,
  "llm.chat.stop_sequences": ["END"],
};

describe("toTraceloop", () => {
  it("renders a chat span with tool calls in the indexed prompt / completion form", () => {
    expect(translated(on.get("chat gpt-4o-mini"))).toEqual({
      ...CHAT_METADATA,
      "gen_ai.prompt.0.role": "system",
      "gen_ai.prompt.0.content": "You are a weather assistant.",
      "gen_ai.prompt.1.role": "user",
      "gen_ai.prompt.1.content": "Weather in Paris and Berlin?",
      "gen_ai.prompt.2.role": "assistant",
      "gen_ai.prompt.2.tool_calls.0.id": "call_1",
      "gen_ai.prompt.2.tool_calls.0.name": "get_weather",
      "gen_ai.prompt.2.tool_calls.0.arguments": '{"city":"Paris"}',
      "gen_ai.prompt.3.role": "tool",
      "gen_ai.prompt.3.content": '{"temp":18,"sky":"cloudy"}',
      "gen_ai.prompt.3.tool_call_id": "call_1",
      "gen_ai.completion.0.role": "assistant",
      "gen_ai.completion.0.content": "Paris is 18°C. Checking Berlin.",
      "gen_ai.completion.0.finish_reason": "tool_call",
      "gen_ai.completion.0.tool_calls.0.id": "call_2",
      "gen_ai.completion.0.tool_calls.0.name": "get_weather",
      "gen_ai.completion.0.tool_calls.0.arguments": '{"city":"Berlin"}',
      "llm.request.functions.0.name": "get_weather",
      "llm.request.functions.0.description": "Current weather for a city",
      "llm.request.functions.0.parameters": '{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}',
    });
  });

  it("still renders request type, system and usage when content capture was off", () => {
    expect(translated(off.get("chat gpt-4o-mini"))).toEqual(CHAT_METADATA);
  });

  it("renders a tool span as a tool entity", () => {
    expect(translated(on.get("execute_tool get_weather"))).toEqual({
      "traceloop.span.kind": "tool",
      "traceloop.entity.name": "get_weather",
      "traceloop.entity.input": '{"city":"Berlin"}',
      "traceloop.entity.output": '{"temp":21,"sky":"sunny"}',
    });
    expect(translated(off.get("execute_tool get_weather"))).toEqual({ "traceloop.span.kind": "tool", "traceloop.entity.name": "get_weather" });
  });

  it("renders a retrieval span as a task with the query and documents", () => {
    const span = on.get("retrieval climate-kb")!;
    expect(translated(span)).toEqual({
      "traceloop.span.kind": "task",
      "traceloop.entity.name": "retrieval climate-kb",
      "traceloop.entity.input": "Berlin climate",
      "traceloop.entity.output": span.attributes["gen_ai.retrieval.documents"],
    });
  });

  it("renders a root agent span as the agent naming the workflow", () => {
    const agent = on.get("invoke_agent weather-bot")!;
    expect(translated(agent)).toEqual({
      "traceloop.workflow.name": "weather-bot",
      "traceloop.span.kind": "agent",
      "traceloop.entity.name": "weather-bot",
      "traceloop.entity.input": agent.attributes["gen_ai.input.messages"],
      "traceloop.entity.output": agent.attributes["gen_ai.output.messages"],
    });
    expect(translated(off.get("invoke_agent weather-bot"))).toEqual({
      "traceloop.workflow.name": "weather-bot",
      "traceloop.span.kind": "agent",
      "traceloop.entity.name": "weather-bot",
    });
  });

  it("makes a root framework step the workflow and nested steps tasks", () => {
    expect(translated(on.get("query"))).toEqual({
      "traceloop.workflow.name": "query",
      "traceloop.span.kind": "workflow",
      "traceloop.entity.name": "query",
    });
    expect(translated(on.get("synthesize"))).toEqual({ "traceloop.span.kind": "task", "traceloop.entity.name": "synthesize" });
  });

  it("uses gen_ai.workflow.name when the span declares one", () => {
    const source = { "gen_ai.operation.name": "invoke_workflow", "gen_ai.workflow.name": "trip-planner" };
    expect(added(toTraceloop(source, { name: "invoke_workflow trip-planner" }), source)).toEqual({
      "traceloop.workflow.name": "trip-planner",
      "traceloop.span.kind": "workflow",
      "traceloop.entity.name": "trip-planner",
    });
  });

  it("marks text completions and embeddings with their request type", () => {
    expect(toTraceloop({ "gen_ai.operation.name": "text_completion" })["llm.request.type"]).toBe("completion");
    expect(toTraceloop({ "gen_ai.operation.name": "embeddings" })["llm.request.type"]).toBe("embedding");
  });

  it("with keepSource: false keeps only the gen_ai.* names Traceloop reads", () => {
    const out = toTraceloop(on.get("chat gpt-4o-mini")!.attributes, {}, { keepSource: false });
    expect(out["gen_ai.request.model"]).toBe("gpt-4o-mini");
    expect(out["gen_ai.usage.input_tokens"]).toBe(120);
    expect(out["gen_ai.input.messages"]).toBeDefined();
    expect(out["gen_ai.tool.definitions"]).toBeUndefined();
    expect(out["gen_ai.system_instructions"]).toBeUndefined();
    expect(out["gen_ai.prompt.0.role"]).toBe("system");
  });

  it("falls back to gen_ai.response.finish_reasons and caps tool calls per message", () => {
    const calls = Array.from({ length: 150 }, (_, i) => ({ type: "tool_call", id: `c${i}`, name: "f", arguments: "{}" }));
    const out = toTraceloop({
      "gen_ai.operation.name": "chat",
      "gen_ai.response.finish_reasons": ["length"],
      "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: calls }]),
    });
    expect(out["gen_ai.completion.0.finish_reason"]).toBe("length");
    expect(out["gen_ai.completion.0.tool_calls.99.id"]).toBe("c99");
    expect(out["gen_ai.completion.0.tool_calls.100.id"]).toBeUndefined();
  });
});
