import { instrumentLlamaIndex } from "@genai-otel/llamaindex-otel";
import { AgentRunner } from "@llamaindex/core/agent";
import { ContextChatEngine, SimpleChatEngine } from "@llamaindex/core/chat-engine";
import { BaseEmbedding } from "@llamaindex/core/embeddings";
import { CallbackManager, Settings } from "@llamaindex/core/global";
import { BaseQueryEngine } from "@llamaindex/core/query-engine";
import { BaseSynthesizer } from "@llamaindex/core/response-synthesizers";
import { BaseRetriever } from "@llamaindex/core/retriever";
import { FunctionTool } from "@llamaindex/core/tools";
import { AgentWorkflow, FunctionAgent, agent } from "@llamaindex/workflow";
import { CondenseQuestionChatEngine } from "llamaindex";
import { expect, it } from "vitest";
import { buildIndex, standInLLM, useStandInModels, useStandInServer, weatherTool } from "./fixtures";

const { tracing, server } = useStandInServer();

const PATCHED: Array<[object, string]> = [
  [BaseQueryEngine.prototype, "query"],
  [BaseSynthesizer.prototype, "synthesize"],
  [BaseRetriever.prototype, "retrieve"],
  [BaseEmbedding.prototype, "getQueryEmbedding"],
  [BaseEmbedding.prototype, "getTextEmbeddingsBatch"],
  [BaseEmbedding.prototype, "getTextEmbeddings"],
  [Settings, "llm"],
  [Settings, "embedModel"],
  [CallbackManager.prototype, "dispatchEvent"],
  [ContextChatEngine.prototype, "chat"],
  [SimpleChatEngine.prototype, "chat"],
  [CondenseQuestionChatEngine.prototype, "chat"],
  [AgentRunner.prototype, "chat"],
  [FunctionTool.prototype, "call"],
  [AgentWorkflow.prototype, "run"],
  [AgentWorkflow.prototype, "runStream"],
  [FunctionAgent.prototype, "takeStep"],
];
const snapshot = () => PATCHED.map(([target, name]) => Object.getOwnPropertyDescriptor(target, name));


async function useAll(index: Awaited<ReturnType<typeof buildIndex>>) {
  await index.asQueryEngine().query({ query: "What does the keeper log?" });
  for await (const _ of await index.asQueryEngine().query({ query: "again?", stream: true }));
  await new ContextChatEngine({ retriever: index.asRetriever() }).chat({ message: "Hello" });
  await agent({ name: "helper", tools: [weatherTool()] }).run("What is the weather in Oslo");
}

it("restores every patched method and accessor, and objects built while instrumented make no more spans", async () => {
  const before = snapshot();
  const llm = standInLLM(server());
  const ownChat = Object.getOwnPropertyDescriptor(llm, "chat");
  const instrumentation = instrumentLlamaIndex();
  await instrumentation.ready;
  Settings.llm = llm; // met: its own `chat` is wrapped
  useStandInModels(server());
  const index = await buildIndex();
  const engine = index.asQueryEngine(); // binds the patched `query` to this instance
  await useAll(index);
  expect(snapshot()).not.toEqual(before);
  expect(Object.getOwnPropertyDescriptor(llm, "chat")).not.toEqual(ownChat);
  expect(tracing.spans().length).toBeGreaterThan(0);

  instrumentation.uninstrument();
  instrumentation.uninstrument(); // idempotent
  expect(snapshot()).toEqual(before);
  expect(Object.getOwnPropertyDescriptor(llm, "chat")).toEqual(ownChat);
  tracing.reset();
  await engine.query({ query: "untraced?" });
  await llm.chat({ messages: [{ role: "user", content: "Hello" }] });
  await useAll(index);
  useStandInModels(server());
  await useAll(await buildIndex());
  expect(tracing.spans()).toEqual([]);
});

it("can instrument again after uninstrument, reaching LLMs built in between", async () => {
  useStandInModels(server());
  const index = await buildIndex(); // built while not instrumented
  const instrumentation = instrumentLlamaIndex();
  expect(instrumentLlamaIndex()).toBe(instrumentation); // a second call returns the same handle
  tracing.reset();
  await index.asQueryEngine().query({ query: "traced again?" });
  const names = tracing.spans().map((s) => s.name);
  expect(names).toContain("query");
  expect(names).toContain("chat gpt-4o-mini"); // the LLM is met through Settings.llm
  instrumentation.uninstrument();
});

it("ends the spans of a stream never read, marked incomplete", async () => {
  const instrumentation = instrumentLlamaIndex();
  useStandInModels(server());
  const index = await buildIndex();
  tracing.reset();
  const stream = await index.asQueryEngine().query({ query: "What does the keeper log?", stream: true });
  instrumentation.uninstrument();
  const open = tracing.spans().filter((s) => s.attributes["genai_otel.incomplete"] === true);
  expect(open.map((s) => s.name).sort()).toEqual(["chat gpt-4o-mini", "query", "synthesize"]); // chat returned its stream too
  for await (const _ of stream); // the app can still read it
});
