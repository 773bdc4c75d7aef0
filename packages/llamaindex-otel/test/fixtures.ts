import { createTestTracing, type SpanShape, type TestTracing } from "@genai-otel/core-semconv/testing";
import { instrumentLlamaIndex, type LlamaIndexInstrumentationOptions } from "@genai-otel/llamaindex-otel";
import { type OpenAIServer, startOpenAIServer } from "@genai-otel-internal/openai-server";
import { Settings } from "@llamaindex/core/global";
import { tool } from "@llamaindex/core/tools";
import { OpenAI, OpenAIEmbedding } from "@llamaindex/openai";
import { Document, VectorStoreIndex } from "llamaindex";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { z } from "zod";

/** Attribute keys the tests compare in span shapes. */
export const KEYS = [
  "gen_ai.operation.name",
  "gen_ai.provider.name",
  "gen_ai.request.model",
  "gen_ai.response.model",
  "gen_ai.request.stream",
  "gen_ai.usage.input_tokens",
  "gen_ai.usage.output_tokens",
  "gen_ai.response.finish_reasons",
  "gen_ai.retrieval.documents.count",
  "gen_ai.embeddings.dimension.count",
  "genai_otel.framework",
  "genai_otel.run.type",
  "genai_otel.incomplete",
  "error.type",
] as const;

export const DOCUMENTS = [
  "The lighthouse keeper logs every passing ship in a leather-bound book.",
  "Tide tables are printed each winter and pinned beside the lamp room door.",
];

/**
 * Options of the stand-in LLM: usage on streams, a model (`error-500` always fails), and `burst` for
 * hundreds of concurrent calls on a loaded machine (retries a reset connection, waits up to 10 minutes
 * instead of the client's default 60 s).
 */
export interface StandInOptions {
  includeUsage?: boolean;
  model?: string;
  burst?: boolean;
}

const clientLimits = (options: StandInOptions) => (options.burst ? { maxRetries: 3, timeout: 600_000 } : { maxRetries: 0 });

/** A real LlamaIndex OpenAI LLM pointed at the stand-in server (no retries unless `burst`, so a 500 fails at once). */
export function standInLLM(server: OpenAIServer, options: StandInOptions = {}): OpenAI {
  return new OpenAI({
    model: options.model ?? "gpt-4o-mini",
    apiKey: "test-fake-key",
    baseURL: server.url,
    ...clientLimits(options),
    ...(options.includeUsage ? { additionalChatOptions: { stream_options: { include_usage: true } } } : {}),
  });
}

/** Real LlamaIndex models pointed at the stand-in server, as `Settings.llm` and `Settings.embedModel`. */
export function useStandInModels(server: OpenAIServer, options: StandInOptions = {}): void {
  Settings.llm = standInLLM(server, options);
  Settings.embedModel = new OpenAIEmbedding({ model: "text-embedding-3-small", apiKey: "test-fake-key", baseURL: server.url, ...clientLimits(options) });
}

/** A vector index over {@link DOCUMENTS}, built with the current `Settings`. */
export function buildIndex(): Promise<VectorStoreIndex> {
  return VectorStoreIndex.fromDocuments(DOCUMENTS.map((text, i) => new Document({ text, id_: `doc-${i}` })));
}

/** A tool the stand-in model calls when the user names it: the weather of the last word of the question. */
export function weatherTool() {
  return tool({
    name: "weather",
    description: "Current weather in a city",
    parameters: z.object({ city: z.string() }),
    execute: ({ city }) => `sunny in ${city}`,
  });
}

/** A tool that always throws a TypeError. */
export function brokenTool() {
  return tool({
    name: "broken",
    description: "Always fails",
    parameters: z.object({ input: z.string() }),
    execute: (): string => {
      throw new TypeError("the broken tool broke");
    },
  });
}

/** Span trees as indented lines of names: `["query", "  retrieval ...", "    embeddings ..."]`. */
export function outline(shapes: readonly SpanShape[], depth = 0): string[] {
  return shapes.flatMap((s) => [`${"  ".repeat(depth)}${s.name}`, ...outline(s.children, depth + 1)]);
}

/** The settled rejection of `promise` (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

/**
 * True when the suite runs against the oldest supported LlamaIndex (compat/llamaindex-oldest).
 * The few expectations that differ there say why.
 */
export const onOldestLlamaIndex = process.env.LLAMAINDEX_SUITE === "oldest";

/** LlamaIndex's MockLLM, which moved from `@llamaindex/core/utils` (0.6.14) to `@llamaindex/core/llms/mock`. */
export async function loadMockLLM(): Promise<typeof import("@llamaindex/core/llms/mock").MockLLM> {
  const specifier = onOldestLlamaIndex ? "@llamaindex/core/utils" : "@llamaindex/core/llms/mock";
  return ((await import(/* @vite-ignore */ specifier)) as typeof import("@llamaindex/core/llms/mock")).MockLLM;
}

export type { OpenAIServer };
export { startOpenAIServer };

/** What {@link useStandInServer} gives a test file; call `server()` inside tests (it starts in `beforeAll`). */
export interface StandInServer {
  tracing: TestTracing;
  server: () => OpenAIServer;
}

/**
 * The set-up of a test file that instruments LlamaIndex itself (per test, or after building objects first): an
 * in-memory tracing setup (reset before each test) and a stand-in server (started in `beforeAll`), both shut down
 * after the file.
 */
export function useStandInServer(): StandInServer {
  const tracing = createTestTracing();
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer();
  });
  beforeEach(() => tracing.reset());
  afterAll(async () => {
    await server.close();
    await tracing.shutdown();
  });
  return { tracing, server: () => server };
}

/** What {@link useStandIns} gives a test file. */
export interface StandIns extends StandInServer {
  instrumentation: ReturnType<typeof instrumentLlamaIndex>;
}

/**
 * The set-up of a test file instrumented once: {@link useStandInServer}, LlamaIndex instrumented for the file (with
 * `options`; uninstrumented after it) and LlamaIndex's `Settings` models pointed at the server (unless `models` is
 * false). `beforeAll` waits for `ready` (the workflow patches).
 */
export function useStandIns(options: LlamaIndexInstrumentationOptions = {}, models: StandInOptions | false = {}): StandIns {
  const standIns = useStandInServer();
  const instrumentation = instrumentLlamaIndex(options);
  beforeAll(async () => {
    await instrumentation.ready;
    if (models) useStandInModels(standIns.server(), models);
  });
  afterAll(() => instrumentation.uninstrument());
  return { ...standIns, instrumentation };
}
