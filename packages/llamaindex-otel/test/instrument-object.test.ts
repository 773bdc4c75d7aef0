import { type DiagLogger, DiagLogLevel, diag } from "@opentelemetry/api";
import { instrumentLlamaIndex, instrumentObject } from "@genai-otel/llamaindex-otel";
import { agent } from "@llamaindex/workflow";
import { ContextChatEngine } from "llamaindex";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildIndex, outline, useStandInModels, useStandInServer, weatherTool } from "./fixtures";

// Objects built before instrumentLlamaIndex(): LlamaIndex bound their methods per instance.
const { tracing, server } = useStandInServer();
let built: Awaited<ReturnType<typeof buildAll>>;
let instrumentation: ReturnType<typeof instrumentLlamaIndex>;

async function buildAll() {
  useStandInModels(server());
  const index = await buildIndex();
  return {
    index,
    engine: index.asQueryEngine(),
    chatEngine: new ContextChatEngine({ retriever: index.asRetriever() }),
    tool: weatherTool(),
    workflow: agent({ name: "helper", tools: [weatherTool()] }),
  };
}

beforeAll(async () => {
  built = await buildAll();
});
afterAll(async () => {
  instrumentation.uninstrument();
});

it("warns and does nothing while LlamaIndex is not instrumented", () => {
  const warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message) } as unknown as DiagLogger;
  diag.setLogger({ ...logger, error() {}, info() {}, debug() {}, verbose() {} }, DiagLogLevel.WARN);
  try {
    expect(instrumentObject(built.engine)).toBe(false);
  } finally {
    diag.disable();
  }
  expect(warnings).toEqual([expect.stringContaining("call instrumentLlamaIndex() first")]);
});

it("without it, an engine built earlier misses its query span (its LLM is still met through Settings)", async () => {
  instrumentation = instrumentLlamaIndex();
  await built.engine.query({ query: "What does the keeper log?" });
  expect(outline(tracing.shape())).toEqual(["retrieval VectorIndexRetriever", "  embeddings text-embedding-3-small", "synthesize", "  chat gpt-4o-mini"]);
});

it("traces a query engine built earlier", async () => {
  expect(instrumentObject(built.engine)).toBe(true);
  expect(instrumentObject(built.engine)).toBe(true); // idempotent
  await built.engine.query({ query: "What does the keeper log?" });
  expect(outline(tracing.shape())).toEqual([
    "query",
    "  retrieval VectorIndexRetriever",
    "    embeddings text-embedding-3-small",
    "  synthesize",
    "    chat gpt-4o-mini",
  ]);
});

it("traces a chat engine, a tool and a workflow agent built earlier", async () => {
  for (const target of [built.chatEngine, built.tool, built.workflow]) expect(instrumentObject(target)).toBe(true);
  await built.chatEngine.chat({ message: "Hello" });
  await built.tool.call({ city: "Oslo" });
  await built.workflow.run("What is the weather in Oslo");
  expect(outline(tracing.shape()).filter((line) => !line.startsWith(" "))).toEqual(["chat_engine", "execute_tool weather", "invoke_agent helper"]);
});

it("says false for an object it does not know", () => {
  expect(instrumentObject({ hello: "world" })).toBe(false);
});
