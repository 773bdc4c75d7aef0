import { CallbackManager, Settings } from "@llamaindex/core/global";
import { BaseRetriever } from "@llamaindex/core/retriever";
import type { NodeWithScore } from "@llamaindex/core/schema";
import type { OpenAI } from "@llamaindex/openai";
import { SpanStatusCode, trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { loadMockLLM, outline, rejection, standInLLM, startOpenAIServer, useStandIns } from "./fixtures";

const MockLLM = await loadMockLLM();

// LLMs this package never met (not in Settings, not held by a synthesizer, engine or agent) are
// traced from LlamaIndex's llm-start / llm-stream / llm-end events; their later calls are wrapped.
const { tracing, server, instrumentation } = useStandIns({}, false);
const tracer = trace.getTracer("test");

const hello = { messages: [{ role: "user" as const, content: "Hello" }] };
const chatSpans = () => tracing.spans().filter((s) => s.name.startsWith("chat "));

/** Reads a stream to its end (or its error). */
async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of stream);
}

/** A retriever that asks its own LLM to rewrite the query first: an LLM call inside one of our spans. */
class RewritingRetriever extends BaseRetriever {
  constructor(private readonly llm: OpenAI) {
    super();
  }
  async _retrieve(): Promise<NodeWithScore[]> {
    await this.llm.chat(hello);
    return [];
  }
}


describe("an LLM nothing wrapped", () => {
  it("gets a chat span from its events, parented on the active context; its next call is wrapped", async () => {
    const llm = standInLLM(server());
    await tracer.startActiveSpan("request", async (span) => {
      await llm.chat(hello);
      await llm.chat(hello);
      span.end();
    });
    expect(outline(tracing.shape())).toEqual(["request", "  chat gpt-4o-mini", "  chat gpt-4o-mini"]);
    const [fromEvents, wrapped] = chatSpans();
    expect(fromEvents!.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.response.model": "gpt-4o-mini",
      "gen_ai.usage.input_tokens": expect.any(Number),
      "gen_ai.response.finish_reasons": ["stop"],
    });
    expect(fromEvents!.attributes["gen_ai.request.stream"]).toBeUndefined(); // llm-start does not say
    expect(wrapped!.attributes["gen_ai.request.stream"]).toBe(false);
  });

  it("gets a streamed chat span with time to first chunk and usage from its events", async () => {
    const llm = standInLLM(server(), { includeUsage: true });
    for await (const _ of await llm.chat({ ...hello, stream: true }));
    const [chat] = chatSpans();
    expect(chat!.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "gen_ai.usage.output_tokens": expect.any(Number),
      "gen_ai.response.time_to_first_chunk": expect.any(Number),
    });
  });

  it("ends its chat span with the error when the parent span fails (there is no end event on errors)", async () => {
    const retriever = new RewritingRetriever(standInLLM(server(), { model: "error-500" }));
    const err = await rejection(retriever.retrieve("tides"));
    expect(err.status).toBe(500);
    expect(outline(tracing.shape())).toEqual(["retrieval RewritingRetriever", "  chat error-500"]);
    expect(tracing.spans().map((s) => [s.name, s.status.code, s.attributes["error.type"]])).toEqual([
      ["chat error-500", SpanStatusCode.ERROR, "InternalServerError"],
      ["retrieval RewritingRetriever", SpanStatusCode.ERROR, "InternalServerError"],
    ]);
  });

  it("ends its chat span with the error when its first call fails outside any span of ours", async () => {
    const err = await rejection(standInLLM(server(), { model: "error-500" }).chat(hello));
    expect(err.status).toBe(500);
    expect(tracing.spans().map((s) => [s.name, s.status.code, s.attributes["error.type"], s.parentSpanContext])).toEqual([
      ["chat error-500", SpanStatusCode.ERROR, "InternalServerError", undefined],
    ]);
    expect(instrumentation.stats().openEventSpans).toBe(0);
  });

  it("ends its chat span with the error at once when its first streaming call fails (HTTP 500)", async () => {
    const stream = await standInLLM(server(), { model: "error-500" }).chat({ ...hello, stream: true });
    const err = await rejection(drain(stream));
    expect(err.status).toBe(500);
    expect(tracing.spans().map((s) => [s.name, s.status.code, s.attributes["error.type"], s.parentSpanContext])).toEqual([
      ["chat error-500", SpanStatusCode.ERROR, "InternalServerError", undefined],
    ]);
    expect(tracing.spans()[0]!.events.map((e) => e.name)).toEqual(["exception"]);
    expect(instrumentation.stats().openEventSpans).toBe(0);
  });

  it("ends its chat span with the error at once when its first call cannot connect (streaming or not)", async () => {
    const closed = await startOpenAIServer();
    await closed.close(); // nothing listens on its port any more: the client's request fails to connect
    await tracer.startActiveSpan("request", async (span) => {
      const streamed = await standInLLM(closed).chat({ ...hello, stream: true });
      expect((await rejection(drain(streamed))).constructor.name).toBe("APIConnectionError");
      expect((await rejection(standInLLM(closed).chat(hello))).constructor.name).toBe("APIConnectionError");
      // Both ended before their parent did, with the error.
      expect(tracing.spans().map((s) => [s.name, s.status.code, s.attributes["error.type"]])).toEqual([
        ["chat gpt-4o-mini", SpanStatusCode.ERROR, "APIConnectionError"],
        ["chat gpt-4o-mini", SpanStatusCode.ERROR, "APIConnectionError"],
      ]);
      expect(instrumentation.stats().openEventSpans).toBe(0);
      span.end();
    });
    expect(outline(tracing.shape())).toEqual(["request", "  chat gpt-4o-mini", "  chat gpt-4o-mini"]);
  });

  it("ends its chat span with the error at once when the stream of its first call breaks while read", async () => {
    server().failNext({ dropStream: true });
    const stream = await standInLLM(server()).chat({ ...hello, stream: true });
    const err = await rejection(drain(stream));
    expect(tracing.spans().map((s) => [s.name, s.status.code, s.attributes["error.type"]])).toEqual([
      ["chat gpt-4o-mini", SpanStatusCode.ERROR, err.constructor.name],
    ]);
    expect(instrumentation.stats().openEventSpans).toBe(0);
  });

  it("is still seen after Settings.callbackManager was replaced", async () => {
    const before = Settings.callbackManager;
    Settings.callbackManager = new CallbackManager();
    try {
      await standInLLM(server()).chat(hello);
      expect(chatSpans()).toHaveLength(1);
    } finally {
      Settings.callbackManager = before;
    }
  });
});

describe("an LLM class nothing knows", () => {
  it("is traced when met through Settings.llm (MockLLM: no events, no provider package)", async () => {
    Settings.llm = new MockLLM({ timeBetweenToken: 0 });
    await Settings.llm.chat(hello);
    expect(tracing.shape(["gen_ai.provider.name", "gen_ai.request.model"])).toEqual([
      { name: "chat MockLLM", attributes: { "gen_ai.provider.name": "mock", "gen_ai.request.model": "MockLLM" }, children: [] },
    ]);
  });
});

describe("an LLM class with its own complete", () => {
  it("gets text_completion spans for complete (and chat spans for chat)", async () => {
    // A class overriding complete (here without calling chat), as some providers do.
    const echo = new MockLLM({ timeBetweenToken: 0 });
    Object.setPrototypeOf(echo, Object.create(MockLLM.prototype, { complete: { value: async ({ prompt }: { prompt: string }) => ({ text: prompt, raw: null }), configurable: true, writable: true } }));
    Settings.llm = echo;
    await Settings.llm.complete({ prompt: "Hello" });
    await Settings.llm.chat(hello);
    expect(tracing.spans().map((s) => [s.name, s.attributes["gen_ai.operation.name"]])).toEqual([
      ["text_completion MockLLM", "text_completion"],
      ["chat MockLLM", "chat"],
    ]);
  });
});

describe("uninstrument", () => {
  it("ends event spans still waiting for their end, marked incomplete", async () => {
    expect(instrumentation.stats().openEventSpans).toBe(0);
    // A call failing before it reaches a client this package watches, with no parent of ours: stays open.
    const llm = standInLLM(server());
    Object.defineProperty(llm, "session", { get: () => Promise.reject(new Error("no client")) });
    await rejection(llm.chat(hello));
    expect(chatSpans()).toEqual([]);
    expect(instrumentation.stats()).toEqual({ openEventSpans: 1, openStreams: 0 });
    instrumentation.uninstrument();
    expect(chatSpans().map((s) => [s.name, s.attributes["genai_otel.incomplete"]])).toEqual([["chat gpt-4o-mini", true]]);
    expect(instrumentation.stats().openEventSpans).toBe(0);
  });
});
