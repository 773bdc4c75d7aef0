import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import {
  agentAttributes,
  errorType,
  inferenceRequestAttributes,
  inferenceResultAttributes,
  recordSpanError,
  retrievalAttributes,
  spanKindFor,
  spanName,
  toolAttributes,
} from "@genai-otel/core-semconv";
import { createTestTracing } from "@genai-otel/core-semconv/testing";
import { afterAll, describe, expect, it } from "vitest";

describe("span names and kinds", () => {
  it("follows `{operation} {subject}` and the spec's kinds", () => {
    expect(spanName("chat", "gpt-4o-mini")).toBe("chat gpt-4o-mini");
    expect(spanName("embeddings", "text-embedding-3-small")).toBe("embeddings text-embedding-3-small");
    expect(spanName("execute_tool", "search")).toBe("execute_tool search");
    expect(spanName("invoke_agent")).toBe("invoke_agent");
    expect(spanKindFor("chat")).toBe(SpanKind.CLIENT);
    expect(spanKindFor("chat", true)).toBe(SpanKind.INTERNAL);
    expect(spanKindFor("execute_tool")).toBe(SpanKind.INTERNAL);
    expect(spanKindFor("invoke_agent")).toBe(SpanKind.INTERNAL);
    expect(spanKindFor("retrieval")).toBe(SpanKind.CLIENT);
  });
});

describe("attribute builders", () => {
  it("maps an inference request, leaving out what is unknown", () => {
    expect(
      inferenceRequestAttributes({
        operation: "chat",
        provider: "openai",
        model: "gpt-4o-mini",
        serverAddress: "api.openai.com",
        serverPort: 443,
        params: { temperature: 0, maxTokens: 100, stopSequences: ["\n"], choiceCount: 1, topP: Number.NaN },
      }),
    ).toEqual({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "server.address": "api.openai.com",
      "server.port": 443,
      "gen_ai.request.temperature": 0,
      "gen_ai.request.max_tokens": 100,
      "gen_ai.request.stop_sequences": ["\n"],
    });
    expect(inferenceRequestAttributes({ operation: "chat", params: { choiceCount: 3 } })["gen_ai.request.choice.count"]).toBe(3);
  });

  it("maps a result with usage, flagging estimates", () => {
    expect(
      inferenceResultAttributes({
        responseId: "chatcmpl-1",
        responseModel: "gpt-4o-mini-2024",
        finishReasons: ["stop"],
        timeToFirstChunk: 0.25,
        usage: { inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 4, reasoningOutputTokens: 2, estimated: true },
      }),
    ).toEqual({
      "gen_ai.response.id": "chatcmpl-1",
      "gen_ai.response.model": "gpt-4o-mini-2024",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.response.time_to_first_chunk": 0.25,
      "gen_ai.usage.input_tokens": 10,
      "gen_ai.usage.output_tokens": 5,
      "gen_ai.usage.cache_read.input_tokens": 4,
      "gen_ai.usage.reasoning.output_tokens": 2,
      "genai_otel.usage.estimated": true,
    });
  });

  it("maps tools, retrievals and agents", () => {
    expect(toolAttributes({ name: "search", callId: "call_1" })).toEqual({
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "search",
      "gen_ai.tool.call.id": "call_1",
      "gen_ai.tool.type": "function",
    });
    expect(retrievalAttributes({ dataSourceId: "docs", documentCount: 3 })).toEqual({
      "gen_ai.operation.name": "retrieval",
      "gen_ai.data_source.id": "docs",
      "gen_ai.retrieval.documents.count": 3,
    });
    expect(agentAttributes({ name: "planner" })).toEqual({ "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "planner" });
  });
});

describe("errors", () => {
  const tracing = createTestTracing();
  afterAll(() => tracing.shutdown());

  it("records status, exception event and error.type", () => {
    class RateLimitError extends Error {}
    const span = trace.getTracer("t").startSpan("op");
    recordSpanError(span, new RateLimitError("slow down"));
    recordSpanError(span, "plain string");
    span.end();
    const [done] = tracing.spans();
    expect(done!.status).toEqual({ code: SpanStatusCode.ERROR, message: "plain string" });
    expect(done!.events.filter((e) => e.name === "exception")).toHaveLength(2);
    expect(done!.attributes["error.type"]).toBe("_OTHER");
    expect(errorType(new RateLimitError("x"))).toBe("RateLimitError");
  });

  it("names the exception event's exception.type after the error's class, as error.type (not its code or name)", () => {
    class APIConnectionError extends Error {
      code = "ECONNRESET";
    }
    tracing.reset();
    const span = trace.getTracer("t").startSpan("op");
    recordSpanError(span, new APIConnectionError("socket hang up"));
    span.end();
    const [done] = tracing.spans();
    expect(done!.events.map((e) => [e.attributes?.["exception.type"], e.attributes?.["exception.message"]])).toEqual([["APIConnectionError", "socket hang up"]]);
    expect(done!.attributes["error.type"]).toBe("APIConnectionError");
    expect(done!.events[0]!.attributes?.["exception.stacktrace"]).toContain("socket hang up");
    expect(errorType({})).toBe("_OTHER");
    expect(errorType(null)).toBe("_OTHER");
  });

  it("gives the exception event the class name as exception.type, as error.type, never a code", () => {
    class RateLimitError extends Error {
      code = "ECONNRESET";
    }
    const span = trace.getTracer("t").startSpan("op");
    recordSpanError(span, new RateLimitError("slow down"));
    span.end();
    const done = tracing.spans().at(-1)!;
    const event = done.events.find((e) => e.name === "exception")!;
    expect(event.attributes?.["exception.type"]).toBe("RateLimitError");
    expect(event.attributes?.["exception.message"]).toBe("slow down");
    expect(typeof event.attributes?.["exception.stacktrace"]).toBe("string");
    expect(done.attributes["error.type"]).toBe("RateLimitError");
  });
});
