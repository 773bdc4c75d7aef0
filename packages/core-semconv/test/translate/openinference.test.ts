import { toOpenInference } from "@genai-otel/core-semconv";
import { spanInfoOf } from "@genai-otel/core-semconv/export";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { CAPTURE_OFF, CAPTURE_ON, added, agentRunSpans } from "./fixtures";

const on = agentRunSpans(CAPTURE_ON);
const off = agentRunSpans(CAPTURE_OFF);

function translated(span: ReadableSpan | undefined) {
  if (!span) throw new Error("span not recorded");
  return added(toOpenInference(span.attributes, spanInfoOf(span)), span.attributes);
}

const LLM_METADATA = {
  "openinference.span.kind": "LLM",
  "llm.model_name": "gpt-4o-mini-2024-07-18",
  "llm.request.model_name": "gpt-4o-mini",
  "llm.response.model_name": "gpt-4o-mini-2024-07-18",
  "llm.provider": "openai",
  "llm.system": "openai",
  "llm.invocation_parameters": '{"model":"gpt-4o-mini","temperature":0.2,"max_tokens":256,"stop":["END"],"seed":7}',
  "llm.finish_reason": "tool_call",
  "llm.token_count.prompt": 120,
  "llm.token_count.completion": 30,
  "llm.token_count.total": 150,
  "llm.token_count.prompt_details.cache_read": 64,
  "llm.token_count.completion_details.reasoning": 5,
};

describe("toOpenInference", () => {
  it("renders a chat span with tool calls: messages, tool calls, tool results, tools, usage", () => {
    const span = on.get("chat gpt-4o-mini")!;
    expect(translated(span)).toEqual({
      ...LLM_METADATA,
      "input.value": span.attributes["gen_ai.input.messages"],
      "input.mime_type": "application/json",
      "output.value": span.attributes["gen_ai.output.messages"],
      "output.mime_type": "application/json",
      "llm.input_messages.0.message.role": "system",
      "llm.input_messages.0.message.content": "You are a weather assistant.",
      "llm.input_messages.1.message.role": "user",
      "llm.input_messages.1.message.content": "Weather in Paris and Berlin?",
      "llm.input_messages.2.message.role": "assistant",
      "llm.input_messages.2.message.tool_calls.0.tool_call.id": "call_1",
      "llm.input_messages.2.message.tool_calls.0.tool_call.function.name": "get_weather",
      "llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments": '{"city":"Paris"}',
      "llm.input_messages.3.message.role": "tool",
      "llm.input_messages.3.message.content": '{"temp":18,"sky":"cloudy"}',
      "llm.input_messages.3.message.tool_call_id": "call_1",
      "llm.output_messages.0.message.role": "assistant",
      "llm.output_messages.0.message.content": "Paris is 18°C. Checking Berlin.",
      "llm.output_messages.0.message.tool_calls.0.tool_call.id": "call_2",
      "llm.output_messages.0.message.tool_calls.0.tool_call.function.name": "get_weather",
      "llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments": '{"city":"Berlin"}',
      "llm.tools.0.tool.json_schema":
        '{"type":"function","function":{"name":"get_weather","description":"Current weather for a city",' +
        '"parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}',
    });
  });

  it("still renders kind, model, provider, parameters and usage when content capture was off", () => {
    expect(translated(off.get("chat gpt-4o-mini"))).toEqual(LLM_METADATA);
  });

  it("renders a tool span", () => {
    expect(translated(on.get("execute_tool get_weather"))).toEqual({
      "openinference.span.kind": "TOOL",
      "tool.name": "get_weather",
      "tool.description": "Current weather for a city",
      "tool.id": "call_2",
      "input.value": '{"city":"Berlin"}',
      "input.mime_type": "application/json",
      "output.value": '{"temp":21,"sky":"sunny"}',
      "output.mime_type": "application/json",
    });
    expect(translated(off.get("execute_tool get_weather"))).toEqual({
      "openinference.span.kind": "TOOL",
      "tool.name": "get_weather",
      "tool.description": "Current weather for a city",
      "tool.id": "call_2",
    });
  });

  it("renders a retrieval span with its documents", () => {
    const span = on.get("retrieval climate-kb")!;
    expect(translated(span)).toEqual({
      "openinference.span.kind": "RETRIEVER",
      "input.value": "Berlin climate",
      "input.mime_type": "text/plain",
      "output.value": span.attributes["gen_ai.retrieval.documents"],
      "output.mime_type": "application/json",
      "retrieval.documents.0.document.id": "doc-1",
      "retrieval.documents.0.document.content": "Berlin has a temperate climate.",
      "retrieval.documents.0.document.score": 0.92,
      "retrieval.documents.0.document.metadata": '{"source":"wiki"}',
      "retrieval.documents.1.document.id": "doc-2",
      "retrieval.documents.1.document.content": "Summers are warm.",
      "retrieval.documents.1.document.score": 0.81,
    });
    expect(translated(off.get("retrieval climate-kb"))).toEqual({ "openinference.span.kind": "RETRIEVER" });
  });

  it("renders an agent span and framework steps", () => {
    const agent = on.get("invoke_agent weather-bot")!;
    expect(translated(agent)).toEqual({
      "openinference.span.kind": "AGENT",
      "agent.name": "weather-bot",
      "input.value": agent.attributes["gen_ai.input.messages"],
      "input.mime_type": "application/json",
      "output.value": agent.attributes["gen_ai.output.messages"],
      "output.mime_type": "application/json",
    });
    expect(translated(off.get("invoke_agent weather-bot"))).toEqual({ "openinference.span.kind": "AGENT", "agent.name": "weather-bot" });
    expect(translated(on.get("query"))).toEqual({ "openinference.span.kind": "CHAIN" });
    expect(translated(on.get("synthesize"))).toEqual({ "openinference.span.kind": "CHAIN" });
  });

  it("keeps the source attributes by default, and never overwrites what the span has", () => {
    const source = { ...on.get("execute_tool get_weather")!.attributes, "tool.name": "set-by-user" };
    const out = toOpenInference(source);
    for (const [k, v] of Object.entries(source)) expect(out[k]).toEqual(v);
    expect(out["tool.name"]).toBe("set-by-user");
  });

  it("drops the gen_ai.* source attributes with keepSource: false, keeping the others", () => {
    const out = toOpenInference(on.get("chat gpt-4o-mini")!.attributes, {}, { keepSource: false });
    expect(Object.keys(out).filter((k) => k.startsWith("gen_ai."))).toEqual([]);
    expect(out).toMatchObject({ "server.address": "api.openai.com", "genai_otel.framework": "langchain", "llm.model_name": "gpt-4o-mini-2024-07-18" });
  });

  it("renders embeddings with embedding.model_name and no llm.system / llm.provider", () => {
    const source = {
      "gen_ai.operation.name": "embeddings",
      "gen_ai.provider.name": "azure.ai.openai",
      "gen_ai.request.model": "text-embedding-3-small",
      "gen_ai.request.encoding_formats": ["float"],
      "gen_ai.usage.input_tokens": 8,
    };
    expect(added(toOpenInference(source), source)).toEqual({
      "openinference.span.kind": "EMBEDDING",
      "embedding.model_name": "text-embedding-3-small",
      "embedding.invocation_parameters": '{"model":"text-embedding-3-small","encoding_format":"float"}',
      "llm.token_count.prompt": 8,
      "llm.token_count.total": 8,
    });
  });

  it("maps providers to OpenInference's provider and system values", () => {
    const kind = (provider: string) => {
      const out = toOpenInference({ "gen_ai.operation.name": "chat", "gen_ai.provider.name": provider });
      return [out["llm.provider"], out["llm.system"]];
    };
    expect(kind("azure.ai.openai")).toEqual(["azure", "openai"]);
    expect(kind("aws.bedrock")).toEqual(["aws", undefined]);
    expect(kind("gcp.vertex_ai")).toEqual(["google", "vertexai"]);
    expect(kind("mistral_ai")).toEqual(["mistralai", "mistralai"]);
    expect(kind("ollama")).toEqual(["ollama", undefined]);
  });

  it("caps indexed expansion at maxItems", () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ role: "user", parts: [{ type: "text", content: `m${i}` }] }));
    const out = toOpenInference({ "gen_ai.operation.name": "chat", "gen_ai.input.messages": JSON.stringify(many) });
    const roles = Object.keys(out).filter((k) => k.startsWith("llm.input_messages.") && k.endsWith(".role"));
    expect(roles).toHaveLength(100);
    expect(out["llm.input_messages.99.message.content"]).toBe("m99");
    const five = toOpenInference({ "gen_ai.operation.name": "chat", "gen_ai.input.messages": JSON.stringify(many) }, {}, { maxItems: 5 });
    expect(five["llm.input_messages.5.message.role"]).toBeUndefined();
  });

  it("leaves non-GenAI spans alone and survives malformed content", () => {
    const http = { "http.request.method": "GET" };
    expect(toOpenInference(http)).toBe(http);
    const out = toOpenInference({ "gen_ai.operation.name": "chat", "gen_ai.input.messages": "[{not json", "gen_ai.output.messages": "42" });
    expect(out["openinference.span.kind"]).toBe("LLM");
    expect(Object.keys(out).some((k) => k.startsWith("llm.input_messages"))).toBe(false);
  });
});
