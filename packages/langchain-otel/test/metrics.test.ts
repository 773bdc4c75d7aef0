import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { createTestMetrics } from "@genai-otel/core-semconv/testing";
import { afterAll, describe, expect, it } from "vitest";
import { chatModel, useStandIns } from "./setup";

const { server, tracing } = useStandIns();
const testMetrics = createTestMetrics();
afterAll(() => testMetrics.shutdown());

describe("GenAI client metrics", () => {
  it("records duration and token usage per chat run, and error.type on failures", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    await chatModel(server()).invoke("How many tokens?", { callbacks: [handler] });
    await expect(chatModel(server(), { model: "error-500" }).invoke("fail", { callbacks: [handler] })).rejects.toThrow();
    const chat = tracing().spans().find((s) => s.name === "chat gpt-4o-mini")!;
    const port = Number(new URL(server().url).port);
    expect(chat.attributes).toMatchObject({ "server.address": "127.0.0.1", "server.port": port });

    const h = await testMetrics.histograms();
    const tokens = h.get("gen_ai.client.token.usage")!.points;
    const byType = Object.fromEntries(tokens.map((p) => [p.attributes["gen_ai.token.type"], p.sum]));
    expect(byType).toEqual({ input: chat.attributes["gen_ai.usage.input_tokens"], output: chat.attributes["gen_ai.usage.output_tokens"] });
    expect(tokens[0]!.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "server.address": "127.0.0.1",
      "server.port": port,
    });

    const durations = h.get("gen_ai.client.operation.duration")!.points;
    expect(durations.map((p) => [p.attributes["gen_ai.request.model"], p.attributes["error.type"], p.count])).toEqual([
      ["gpt-4o-mini", undefined, 1],
      ["error-500", "InternalServerError", 1],
    ]);
  });

  it("records the duration of a model run ended unfinished (stream not read to its end, handler shut down), as LlamaIndex does", async () => {
    const own = createTestMetrics({ registerGlobal: false });
    const handler = new OpenTelemetryCallbackHandler({ meterProvider: own.provider });
    const stream = await chatModel(server(), { model: "gpt-4o-mini-unfinished" }).stream("Stream?", { callbacks: [handler] });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    expect(handler.openRuns).toBe(1);
    handler.shutdown();
    const chat = tracing().spans().find((s) => s.attributes["gen_ai.request.model"] === "gpt-4o-mini-unfinished")!;
    expect(chat.attributes["genai_otel.incomplete"]).toBe(true);
    const durations = (await own.histograms()).get("gen_ai.client.operation.duration")!.points;
    expect(durations.map((p) => [p.attributes["gen_ai.request.model"], p.attributes["error.type"], p.count])).toEqual([["gpt-4o-mini-unfinished", undefined, 1]]);
    await iterator.return?.();
    await own.shutdown();
  });
});
