import { startOpenAIServer, type OpenAIServer } from "@genai-otel-internal/openai-server";
import { createTestTracing, type TestTracing } from "@genai-otel/core-semconv/testing";
import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { afterAll, afterEach, beforeAll } from "vitest";

/** One stand-in server and one in-memory tracing setup per test file. */
export function useStandIns(): { server: () => OpenAIServer; tracing: () => TestTracing } {
  let server: OpenAIServer;
  let tracing: TestTracing;
  beforeAll(async () => {
    server = await startOpenAIServer();
    tracing = createTestTracing();
  });
  afterEach(() => tracing.reset());
  afterAll(async () => {
    await tracing.shutdown();
    await server.close();
  });
  return { server: () => server, tracing: () => tracing };
}

/** A real ChatOpenAI client pointed at the stand-in server. */
export function chatModel(server: OpenAIServer, fields: Record<string, unknown> = {}): ChatOpenAI {
  return new ChatOpenAI({ model: "gpt-4o-mini", apiKey: "test-fake-key", configuration: { baseURL: server.url }, maxRetries: 0, ...fields });
}

/** Real OpenAIEmbeddings pointed at the stand-in server. */
export function embeddings(server: OpenAIServer): OpenAIEmbeddings {
  return new OpenAIEmbeddings({ model: "text-embedding-3-small", apiKey: "test-fake-key", configuration: { baseURL: server.url }, maxRetries: 0 });
}
