import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { HumanMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { createAgent } from "langchain";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { chatModel, useStandIns } from "./setup";
import { LANGGRAPH_ABORTS_ON_BREAK, OPENAI_STREAM_EVENTS_CARRY_FINISH_REASON } from "./versions";

const { server, tracing } = useStandIns();
const weather = tool(async ({ city }: { city: string }) => `It is sunny in ${city}.`, {
  name: "get_weather",
  description: "Current weather for a city",
  schema: z.object({ city: z.string() }),
});
const question = () => ({ messages: [new HumanMessage("Use get_weather for Paris")] });
// `streaming: true` streams the model in every mode. In updates/values modes ChatOpenAI's streamed `_generate` then
// estimates tokens with tiktoken, which downloads encodings (offline: a long wait): those modes use a plain model,
// which LangGraph does not stream.
const agent = (streaming = true) => createAgent({ model: chatModel(server(), { streaming }), tools: [weather], name: "streamer" });

const chats = () => tracing().spans().filter((s) => s.name === "chat gpt-4o-mini");
const failed = () => tracing().spans().filter((s) => s.status.code === SpanStatusCode.ERROR);
const root = (): ReadableSpan => tracing().spans().find((s) => s.name === "invoke_agent streamer")!;

/** Consumes a stream, breaking off after the first chunk when `early`. */
async function consume(stream: AsyncIterable<unknown>, early: boolean): Promise<number> {
  let n = 0;
  for await (const _ of stream) {
    n++;
    if (early) break;
  }
  return n;
}

/**
 * After a full run: every span ended, the chat spans streamed (when the model did), with time to first chunk and the
 * provider's finish reasons (`viaStreamEvents`: a streamEvents v3 run, where an older `@langchain/openai` leaves only
 * LangChain's `stop`).
 */
function expectFullRun(handler: OpenTelemetryCallbackHandler, streamed = true, viaStreamEvents = false): void {
  expect(handler.openRuns).toBe(0);
  expect(failed()).toEqual([]);
  expect(chats()).toHaveLength(2);
  for (const chat of chats()) {
    expect(chat.attributes["gen_ai.request.stream"]).toBe(streamed ? true : undefined);
    if (streamed) expect(chat.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThan(0);
  }
  const toolTurn = viaStreamEvents && !OPENAI_STREAM_EVENTS_CARRY_FINISH_REASON ? "stop" : "tool_calls";
  expect(chats().map((c) => c.attributes["gen_ai.response.finish_reasons"])).toEqual([[toolTurn], ["stop"]]);
  expect(root().attributes["genai_otel.outcome"]).toBeUndefined();
}

/**
 * After an early break: nothing left open, nothing failed, the agent ended as cancelled or complete. Before LangGraph
 * 1.7.3 the graph runs on to its end and LangGraph sends the root no end: every node ends, the root stays open until
 * the handler's shutdown(), which ends it marked incomplete.
 */
async function expectEarlyBreak(handler: OpenTelemetryCallbackHandler): Promise<void> {
  if (!LANGGRAPH_ABORTS_ON_BREAK) {
    await vi.waitFor(() => expect(chats()).toHaveLength(2));
    await vi.waitFor(() => expect(handler.openRuns).toBe(1));
    expect(root()).toBeUndefined();
    handler.shutdown();
    expect(root().attributes["genai_otel.incomplete"]).toBe(true);
  }
  await vi.waitFor(() => expect(handler.openRuns).toBe(0));
  expect(failed()).toEqual([]);
  expect(root()).toBeDefined();
  expect([undefined, "cancelled"]).toContain(root().attributes["genai_otel.outcome"]);
}

describe("streaming paths of a createAgent with a streaming ChatOpenAI", () => {
  for (const mode of ["messages", "updates", "values"] as const) {
    it(`graph.stream in ${mode} mode: a full run, and one broken off after the first chunk`, { timeout: 60_000 }, async () => {
      const streamed = mode === "messages";
      const full = new OpenTelemetryCallbackHandler();
      expect(await consume(await agent(streamed).stream(question(), { callbacks: [full], streamMode: mode }), false)).toBeGreaterThan(1);
      expectFullRun(full, streamed);
      tracing().reset();
      const early = new OpenTelemetryCallbackHandler();
      await consume(await agent(streamed).stream(question(), { callbacks: [early], streamMode: mode }), true);
      await expectEarlyBreak(early);
    });
  }

  for (const version of ["v2", "v3"] as const) {
    it(`streamEvents ${version}: a full run, and one broken off after the first event`, { timeout: 60_000 }, async () => {
      const full = new OpenTelemetryCallbackHandler();
      await consume(await (agent().graph.streamEvents(question(), { callbacks: [full], version } as never) as unknown as Promise<AsyncIterable<unknown>>), false);
      expectFullRun(full, true, version === "v3");
      tracing().reset();
      const early = new OpenTelemetryCallbackHandler();
      await consume(await (agent().graph.streamEvents(question(), { callbacks: [early], version } as never) as unknown as Promise<AsyncIterable<unknown>>), true);
      await vi.waitFor(() => expect(early.openRuns).toBe(0));
      expect(failed()).toEqual([]);
    });
  }
});

describe("plain model .stream()", () => {
  // Spans of this test only (runs of earlier tests' broken-off streams may still end in the background).
  const plain = () => tracing().spans().filter((s) => s.name === "chat plain-stream");
  it("a full stream records streaming and time to first chunk; a stream broken off ends by shutdown, and nothing starts after it", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    await consume(await chatModel(server(), { streaming: true, model: "plain-stream" }).stream("Tell me a story", { callbacks: [handler] }), false);
    const [chat] = plain();
    expect(chat!.attributes["gen_ai.request.stream"]).toBe(true);
    expect(chat!.attributes["gen_ai.response.finish_reasons"]).toEqual(["stop"]);
    expect(handler.openRuns).toBe(0);
    tracing().reset();
    // LangChain sends a root model stream broken off no end at all: the run stays open until shutdown (or the TTL)
    await consume(await chatModel(server(), { streaming: true, model: "plain-stream" }).stream("Tell me a story", { callbacks: [handler] }), true);
    expect(handler.openRuns).toBe(1);
    handler.shutdown();
    expect(handler.openRuns).toBe(0);
    expect(plain().map((c) => c.attributes["genai_otel.incomplete"])).toEqual([true]);
    tracing().reset();
    await chatModel(server(), { model: "plain-stream" }).invoke("After shutdown", { callbacks: [handler] });
    expect(plain()).toEqual([]);
    expect(handler.openRuns).toBe(0);
  });
});
