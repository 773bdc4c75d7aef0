import { type Attributes, ROOT_CONTEXT, SpanKind, type Tracer, trace } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import {
  ATTR_GENAI_OTEL_FRAMEWORK,
  ATTR_GENAI_OTEL_RUN_TYPE,
  ContentPolicy,
  agentAttributes,
  inferenceRequestAttributes,
  inferenceResultAttributes,
  retrievalAttributes,
  spanKindFor,
  spanName,
  toolAttributes,
} from "@genai-otel/core-semconv";
import { createTestTracing } from "@genai-otel/core-semconv/testing";

/**
 * A realistic agent run, recorded the way the adapters record it (core-semconv's builders and
 * content policy): an agent span with a chat span that calls tools (history holding an earlier call
 * and its result, output with a new call), the tool span for that call, and a retrieval span.
 */

export const WEATHER_SCHEMA = {
  type: "object",
  properties: { city: { type: "string" } },
  required: ["city"],
};

const FRAMEWORK = { [ATTR_GENAI_OTEL_FRAMEWORK]: "langchain" };

/** Records the chat span (with content when `capture`) as a child of `parent` context. */
export function recordChat(tracer: Tracer, policy: ContentPolicy, parent = ROOT_CONTEXT): void {
  const span = tracer.startSpan(
    spanName("chat", "gpt-4o-mini"),
    {
      kind: spanKindFor("chat"),
      attributes: {
        ...FRAMEWORK,
        ...inferenceRequestAttributes({
          operation: "chat",
          provider: "openai",
          model: "gpt-4o-mini",
          serverAddress: "api.openai.com",
          serverPort: 443,
          params: { temperature: 0.2, maxTokens: 256, stopSequences: ["END"], seed: 7 },
        }),
        ...policy.inference({
          systemInstructions: () => [{ type: "text", content: "You are a weather assistant." }],
          inputMessages: () => [
            { role: "user", parts: [{ type: "text", content: "Weather in Paris and Berlin?" }] },
            { role: "assistant", parts: [{ type: "tool_call", id: "call_1", name: "get_weather", arguments: { city: "Paris" } }] },
            { role: "tool", parts: [{ type: "tool_call_response", id: "call_1", response: { temp: 18, sky: "cloudy" } }] },
          ],
          toolDefinitions: () => [
            { type: "function", name: "get_weather", description: "Current weather for a city", parameters: WEATHER_SCHEMA },
          ],
        }),
      },
    },
    parent,
  );
  span.setAttributes(
    inferenceResultAttributes({
      responseId: "chatcmpl-42",
      responseModel: "gpt-4o-mini-2024-07-18",
      finishReasons: ["tool_call"],
      usage: { inputTokens: 120, outputTokens: 30, cacheReadInputTokens: 64, reasoningOutputTokens: 5 },
    }),
  );
  span.setAttributes(
    policy.inference({
      outputMessages: () => [
        {
          role: "assistant",
          parts: [
            { type: "text", content: "Paris is 18°C. Checking Berlin." },
            { type: "tool_call", id: "call_2", name: "get_weather", arguments: { city: "Berlin" } },
          ],
          finish_reason: "tool_call",
        },
      ],
    }),
  );
  span.end();
}

/** Records agent → (chat, execute_tool, retrieval). */
export function recordAgentRun(tracer: Tracer, policy: ContentPolicy): void {
  const agent = tracer.startSpan(spanName("invoke_agent", "weather-bot"), {
    kind: spanKindFor("invoke_agent"),
    attributes: { ...FRAMEWORK, ...agentAttributes({ name: "weather-bot", id: "agent-7" }) },
  });
  const ctx = trace.setSpan(ROOT_CONTEXT, agent);
  recordChat(tracer, policy, ctx);

  const tool = tracer.startSpan(
    spanName("execute_tool", "get_weather"),
    {
      kind: spanKindFor("execute_tool"),
      attributes: {
        ...FRAMEWORK,
        ...toolAttributes({ name: "get_weather", callId: "call_2", description: "Current weather for a city" }),
        ...policy.tool({ arguments: () => ({ city: "Berlin" }) }),
      },
    },
    ctx,
  );
  tool.setAttributes(policy.tool({ result: () => ({ temp: 21, sky: "sunny" }) }));
  tool.end();

  const retrieval = tracer.startSpan(
    spanName("retrieval", "climate-kb"),
    {
      kind: spanKindFor("retrieval"),
      attributes: { ...FRAMEWORK, ...retrievalAttributes({ dataSourceId: "climate-kb" }), ...policy.retrieval({ query: () => "Berlin climate" }) },
    },
    ctx,
  );
  retrieval.setAttributes({
    ...retrievalAttributes({ documentCount: 2 }),
    ...policy.retrieval({
      documents: () => [
        { id: "doc-1", content: "Berlin has a temperate climate.", score: 0.92, metadata: { source: "wiki" } },
        { id: "doc-2", content: "Summers are warm.", score: 0.81 },
      ],
    }),
  });
  retrieval.end();

  agent.setAttributes(
    policy.inference({
      inputMessages: () => [{ role: "user", parts: [{ type: "text", content: "Weather in Paris and Berlin?" }] }],
      outputMessages: () => [{ role: "assistant", parts: [{ type: "text", content: "Paris 18°C, Berlin 21°C." }] }],
    }),
  );
  agent.end();
}

/** Records a framework step (`query`) as a root, with a nested `synthesize` step. */
export function recordFrameworkSteps(tracer: Tracer): void {
  const attrs = (runType: string) => ({ [ATTR_GENAI_OTEL_FRAMEWORK]: "llamaindex", [ATTR_GENAI_OTEL_RUN_TYPE]: runType });
  const query = tracer.startSpan("query", { kind: SpanKind.INTERNAL, attributes: attrs("query") });
  const synth = tracer.startSpan("synthesize", { kind: SpanKind.INTERNAL, attributes: attrs("synthesize") }, trace.setSpan(ROOT_CONTEXT, query));
  synth.end();
  query.end();
}

/** Policies as adapters resolve them. */
export const CAPTURE_ON = new ContentPolicy({ captureContent: true });
export const CAPTURE_OFF = new ContentPolicy({ captureContent: false });

/** Finished spans of {@link recordAgentRun} (and {@link recordFrameworkSteps}), by span name. */
export function agentRunSpans(policy: ContentPolicy): Map<string, ReadableSpan> {
  const tracing = createTestTracing({ registerGlobal: false });
  const tracer = tracing.provider.getTracer("fixtures");
  recordAgentRun(tracer, policy);
  recordFrameworkSteps(tracer);
  return new Map(tracing.spans().map((s) => [s.name, s]));
}

/** The attributes a translation added (keys the source did not have). */
export function added(translated: Attributes, source: Attributes): Attributes {
  return Object.fromEntries(Object.entries(translated).filter(([k]) => !(k in source)));
}
