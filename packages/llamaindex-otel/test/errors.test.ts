import { SpanStatusCode, type Tracer, type TracerProvider } from "@opentelemetry/api";
import { createTestTracing } from "@genai-otel/core-semconv/testing";
import { instrumentLlamaIndex } from "@genai-otel/llamaindex-otel";
import type { VectorStoreIndex } from "llamaindex";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OpenAIServer, buildIndex, startOpenAIServer, useStandInModels } from "./fixtures";

const tracing = createTestTracing();
let server: OpenAIServer;
let index: VectorStoreIndex;

function errors() {
  return Object.fromEntries(
    tracing.spans().map((s) => [s.name.split(" ")[0], s.status.code === SpanStatusCode.ERROR ? s.attributes["error.type"] : "ok"]),
  );
}

async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("a failing model (HTTP 500)", () => {
  let instrumentation: ReturnType<typeof instrumentLlamaIndex>;
  beforeAll(async () => {
    instrumentation = instrumentLlamaIndex();
    server = await startOpenAIServer();
    useStandInModels(server);
    index = await buildIndex();
  });
  beforeEach(() => tracing.reset());
  afterAll(() => instrumentation.uninstrument());

  it("records the error on chat and every span it passes through, and rethrows it unchanged", async () => {
    useStandInModels(server, { model: "error-500" });
    const err = await rejection(index.asQueryEngine().query({ query: "What does the keeper log?" }));
    expect(err.status).toBe(500);
    expect(err.constructor.name).toBe("InternalServerError");
    expect(errors()).toEqual({ embeddings: "ok", retrieval: "ok", chat: "InternalServerError", synthesize: "InternalServerError", query: "InternalServerError" });
    const chat = tracing.spans().find((s) => s.name.startsWith("chat"))!;
    expect(chat.name).toBe("chat error-500");
    expect(chat.events.map((e) => e.name)).toEqual(["exception"]);
  });

  it("records a failed embedding request on embeddings, retrieval and query", async () => {
    server.failNext(1);
    const err = await rejection(index.asQueryEngine().query({ query: "What does the keeper log?" }));
    expect(err.status).toBe(500);
    expect(errors()).toEqual({ embeddings: "InternalServerError", retrieval: "InternalServerError", query: "InternalServerError" });
  });

  it("records a stream failing while consumed on chat, synthesize and query", async () => {
    useStandInModels(server);
    const stream = await index.asQueryEngine().query({ query: "What does the keeper log?", stream: true });
    server.failNext(1);
    const err = await rejection((async () => { for await (const _ of stream); })());
    expect(err.status).toBe(500);
    expect(errors()).toEqual({ embeddings: "ok", retrieval: "ok", chat: "InternalServerError", synthesize: "InternalServerError", query: "InternalServerError" });
  });
});

describe("a telemetry failure", () => {
  const broken = () => {
    throw new Error("telemetry broke");
  };
  // A span whose every method throws (spanContext aside, which context propagation reads).
  const brokenSpan = new Proxy({}, { get: (_t, key) => (key === "spanContext" ? () => ({ traceId: "1".repeat(32), spanId: "1".repeat(16), traceFlags: 1 }) : broken) });
  const tracers: Record<string, Tracer> = {
    "startSpan throws": { startSpan: broken } as unknown as Tracer,
    "every span method throws": { startSpan: () => brokenSpan } as unknown as Tracer,
  };

  it.each(Object.keys(tracers))("never reaches the host (%s)", async (which) => {
    const tracerProvider: TracerProvider = { getTracer: () => tracers[which]! };
    const instrumentation = instrumentLlamaIndex({ tracerProvider });
    try {
      useStandInModels(server, { includeUsage: true });
      const built = await buildIndex();
      const response = await built.asQueryEngine().query({ query: "What does the keeper log?" });
      expect(response.message.content).toContain("deterministic reply");
      let text = "";
      for await (const chunk of await built.asQueryEngine().query({ query: "again?", stream: true })) text += chunk.delta;
      expect(text).toContain("deterministic reply");
      useStandInModels(server, { model: "error-500" });
      const err = await rejection(built.asQueryEngine().query({ query: "fail?" }));
      expect(err.status).toBe(500);
    } finally {
      instrumentation.uninstrument();
    }
  });
});

afterAll(async () => {
  await server.close();
  await tracing.shutdown();
});
