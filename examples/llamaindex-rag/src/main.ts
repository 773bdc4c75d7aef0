/**
 * LlamaIndex.TS retrieval-augmented QA, traced by @genai-otel/llamaindex-otel.
 *
 * Offline (default): starts the local OpenAI-compatible stand-in and prints the span trees.
 * Real services: set OPENAI_API_KEY (and OPENAI_BASE_URL / OPENAI_MODEL if you like) and a preset,
 * e.g. GENAI_OTEL_PRESET=otlp OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318.
 */
import { startOpenAIServer } from "@genai-otel-internal/openai-server";
import { setupTracing } from "@genai-otel/exporter-presets";
import { instrumentLlamaIndex } from "@genai-otel/llamaindex-otel";
import { askAll, buildIndex, type ModelEndpoint } from "./app";

const tracing = setupTracing({ serviceName: "llamaindex-rag", presets: process.env.GENAI_OTEL_PRESET ? undefined : ["console"] });
const instrumentation = instrumentLlamaIndex(); // before building indexes, engines and LLMs
const standIn = process.env.OPENAI_API_KEY ? undefined : await startOpenAIServer();
const endpoint: ModelEndpoint = {
  baseURL: standIn?.url ?? process.env.OPENAI_BASE_URL,
  apiKey: process.env.OPENAI_API_KEY ?? "test-fake-key",
  chatModel: process.env.OPENAI_MODEL ?? "gpt-4o-mini",
  embeddingModel: process.env.OPENAI_EMBEDDING_MODEL ?? "text-embedding-3-small",
};

try {
  const index = await buildIndex(endpoint);
  for (const answer of await askAll(index)) console.log(`answer: ${answer}`);
} finally {
  instrumentation.uninstrument();
  await tracing.shutdown();
  await standIn?.close();
}
