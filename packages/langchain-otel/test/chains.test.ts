import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import type { Serialized } from "@langchain/core/load/serializable";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { describe, expect, it } from "vitest";
import { chatModel, useStandIns } from "./setup";

const { server, tracing } = useStandIns();

function chain(model = chatModel(server())) {
  const prompt = ChatPromptTemplate.fromMessages([
    ["system", "You answer questions about {topic}."],
    ["human", "{question}"],
  ]);
  return prompt.pipe(model).pipe(new StringOutputParser());
}

describe("prompt | chat model | parser", () => {
  it("nests the chain, prompt, chat and parser spans with GenAI names, kinds and usage", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    const answer = await chain().invoke({ topic: "otel", question: "What is a span?" }, { callbacks: [handler] });
    expect(answer).toContain("What is a span?");

    expect(tracing().shape()).toEqual([
      {
        name: "invoke_workflow RunnableSequence",
        children: [
          { name: "ChatPromptTemplate", children: [] },
          { name: "chat gpt-4o-mini", children: [] },
          { name: "StrOutputParser", children: [] },
        ],
      },
    ]);
    const chat = tracing().spans().find((s) => s.name === "chat gpt-4o-mini")!;
    expect(chat.kind).toBe(SpanKind.CLIENT);
    const request = server().requests.at(-1)!;
    expect(request.path).toBe("/v1/chat/completions");
    expect(chat.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.response.model": "gpt-4o-mini",
      "gen_ai.response.finish_reasons": ["stop"],
    });
    expect(chat.attributes["gen_ai.response.id"]).toMatch(/^chatcmpl-/);
    expect(chat.attributes["gen_ai.usage.input_tokens"]).toBeGreaterThan(0);
    expect(chat.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
    expect(chat.attributes["gen_ai.usage.estimated"]).toBeUndefined();
    expect(chat.attributes["gen_ai.input.messages"]).toBeUndefined();
    const root = tracing().spans().find((s) => s.name === "invoke_workflow RunnableSequence")!;
    expect(root.kind).toBe(SpanKind.INTERNAL);
    expect(handler.openRuns).toBe(0);
  });

  it("records request parameters from invocation params", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    const model = chatModel(server(), { temperature: 0.2, maxTokens: 64, topP: 0.9, stop: ["\n\n"] });
    await chain(model).invoke({ topic: "otel", question: "Why?" }, { callbacks: [handler] });
    const chat = tracing().spans().find((s) => s.name.startsWith("chat "))!;
    expect(chat.attributes).toMatchObject({
      "gen_ai.request.temperature": 0.2,
      "gen_ai.request.max_tokens": 64,
      "gen_ai.request.top_p": 0.9,
      "gen_ai.request.stop_sequences": ["\n\n"],
    });
  });

  it("parents the root run on the span active when the run starts", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    const tracer = trace.getTracer("test");
    await tracer.startActiveSpan("request", async (span) => {
      await chain().invoke({ topic: "otel", question: "Where?" }, { callbacks: [handler] });
      span.end();
    });
    expect(tracing().shape()[0]).toMatchObject({ name: "request", children: [{ name: "invoke_workflow RunnableSequence" }] });
  });

  it("records a model error on the chat span and the chain, and rethrows it unchanged", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    const failing = chain(chatModel(server(), { model: "error-500" }));
    await expect(failing.invoke({ topic: "otel", question: "Fail?" }, { callbacks: [handler] })).rejects.toThrow(/500|server had an error/i);
    const spans = tracing().spans();
    const chat = spans.find((s) => s.name === "chat error-500")!;
    const root = spans.find((s) => s.name === "invoke_workflow RunnableSequence")!;
    for (const span of [chat, root]) {
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.events.some((e) => e.name === "exception")).toBe(true);
      expect(span.attributes["error.type"]).toBeTruthy();
    }
    expect(handler.openRuns).toBe(0);
  });

  it("records streaming: time to first chunk and usage from the final chunk", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    const model = chatModel(server(), { streaming: true, streamUsage: true });
    const chunks: string[] = [];
    for await (const chunk of await chain(model).stream({ topic: "otel", question: "Stream?" }, { callbacks: [handler] })) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    const chat = tracing().spans().find((s) => s.name === "chat gpt-4o-mini")!;
    expect(chat.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThan(0);
    expect(chat.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
    expect(tracing().shape()[0]?.name).toBe("invoke_workflow RunnableSequence");
  });

  it("captures content only when asked, as GenAI message JSON", async () => {
    const handler = new OpenTelemetryCallbackHandler({ captureContent: true });
    await chain().invoke({ topic: "otel", question: "Content?" }, { callbacks: [handler] });
    const chat = tracing().spans().find((s) => s.name === "chat gpt-4o-mini")!;
    const input = JSON.parse(String(chat.attributes["gen_ai.input.messages"]));
    expect(input).toEqual([
      { role: "system", parts: [{ type: "text", content: "You answer questions about otel." }] },
      { role: "user", parts: [{ type: "text", content: "Content?" }] },
    ]);
    const output = JSON.parse(String(chat.attributes["gen_ai.output.messages"]));
    expect(output[0]).toMatchObject({ role: "assistant", finish_reason: "stop" });
    expect(output[0].parts[0].content).toContain("Content?");
  });

  it("drops input content for a run whose metadata says mask_input", async () => {
    const handler = new OpenTelemetryCallbackHandler({ captureContent: true });
    await chain().invoke({ topic: "otel", question: "Secret?" }, { callbacks: [handler], metadata: { mask_input: true } });
    const chat = tracing().spans().find((s) => s.name === "chat gpt-4o-mini")!;
    expect(chat.attributes["gen_ai.input.messages"]).toBeUndefined();
    expect(chat.attributes["gen_ai.output.messages"]).toBeDefined();
  });

  it("puts content on an event in EVENT_ONLY mode, and applies the redaction hook", async () => {
    const redact = (value: unknown, where: { attribute: string }) =>
      where.attribute === "gen_ai.input.messages" ? JSON.parse(JSON.stringify(value).replaceAll("Secret", "[email]")) : value;
    const handler = new OpenTelemetryCallbackHandler({ captureContent: "EVENT_ONLY", redact });
    await chain().invoke({ topic: "otel", question: "Secret?" }, { callbacks: [handler] });
    const chat = tracing().spans().find((s) => s.name === "chat gpt-4o-mini")!;
    expect(chat.attributes["gen_ai.input.messages"]).toBeUndefined();
    const events = chat.events.filter((e) => e.name === "gen_ai.client.inference.operation.details");
    expect(events).toHaveLength(2);
    expect(String(events[0]!.attributes!["gen_ai.input.messages"])).toContain("[email]?");
    expect(String(events[0]!.attributes!["gen_ai.input.messages"])).not.toContain("Secret");
    expect(events[1]!.attributes!["gen_ai.output.messages"]).toBeDefined();
  });

  it("keeps 1,000 concurrent invocations in 1,000 separate, correctly parented trees", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    // the client may retry a connection the loaded machine resets: still one chat run per invocation
    const c = chain(chatModel(server(), { maxRetries: 3 }));
    await Promise.all(Array.from({ length: 1000 }, (_, i) => c.invoke({ topic: "otel", question: `Question ${i}?` }, { callbacks: [handler] })));
    const spans = tracing().spans();
    const roots = spans.filter((s) => s.name === "invoke_workflow RunnableSequence");
    expect(roots).toHaveLength(1000);
    expect(new Set(roots.map((r) => r.spanContext().traceId)).size).toBe(1000);
    const rootsById = new Map(roots.map((r) => [r.spanContext().spanId, r]));
    for (const child of spans.filter((s) => s.name !== "invoke_workflow RunnableSequence")) {
      const parent = rootsById.get(child.parentSpanContext?.spanId ?? "");
      expect(parent?.spanContext().traceId).toBe(child.spanContext().traceId);
    }
    expect(spans).toHaveLength(4000);
    expect(handler.openRuns).toBe(0);
  }, 180_000); // 10 s alone, up to 30 s beside the other suites on a loaded 2-core machine

  it("records the finish reasons, usage and output of every generation of a run with several prompts", () => {
    const handler = new OpenTelemetryCallbackHandler({ captureContent: true });
    const llm: Serialized = { lc: 1, type: "not_implemented", id: ["llm"] };
    handler.handleLLMStart(llm, ["first?", "second?"], "multi", undefined, { invocation_params: { model: "m" } });
    const gen = (text: string, finish: string, input: number, output: number) => ({
      text,
      generationInfo: { finish_reason: finish },
      message: { content: text, usage_metadata: { input_tokens: input, output_tokens: output } },
    });
    handler.handleLLMEnd({ generations: [[gen("one", "stop", 1, 2)], [gen("two", "length", 3, 4)]] } as never, "multi");
    const [span] = tracing().spans();
    expect(span!.attributes).toMatchObject({
      "gen_ai.response.finish_reasons": ["stop", "length"],
      "gen_ai.usage.input_tokens": 4,
      "gen_ai.usage.output_tokens": 6,
    });
    const output = JSON.parse(span!.attributes["gen_ai.output.messages"] as string);
    expect(output.map((m: { finish_reason: string }) => m.finish_reason)).toEqual(["stop", "length"]);
  });

  it("never throws into LangChain when the tracer fails", async () => {
    const broken = { getTracer: () => { throw new Error("tracer exploded"); } };
    const handler = new OpenTelemetryCallbackHandler({ tracerProvider: broken as never });
    // after the 1,000-invocation burst, a reused keep-alive socket may be reset on a loaded machine: let the client retry
    const answer = await chain(chatModel(server(), { maxRetries: 3 })).invoke({ topic: "otel", question: "Still works?" }, { callbacks: [handler] });
    expect(answer).toContain("Still works?");
  });
});
