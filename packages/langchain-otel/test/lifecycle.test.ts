import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { InMemoryCache } from "@langchain/core/caches";
import type { Serialized } from "@langchain/core/load/serializable";
import { dispatchCustomEvent } from "@langchain/core/callbacks/dispatch";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { RunnableLambda } from "@langchain/core/runnables";
import { describe, expect, it } from "vitest";
import { chatModel, useStandIns } from "./setup";

const { server, tracing } = useStandIns();

const prompt = ChatPromptTemplate.fromMessages([["human", "{question}"]]);

describe("lifecycle", () => {
  it("ends the runs of a stream broken off early when their root run ends, marked incomplete", async () => {
    const inner = prompt.pipe(chatModel(server(), { streaming: true })).pipe(new StringOutputParser());
    const outer = RunnableLambda.from(async (question: string, config) => {
      for await (const chunk of await inner.stream({ question }, config)) return chunk; // break after the first chunk
      return "";
    }).withConfig({ runName: "first-chunk" });
    const handler = new OpenTelemetryCallbackHandler();
    await outer.invoke("Tell me a long story please", { callbacks: [handler] });
    expect(handler.openRuns).toBe(0);
    const spans = tracing().spans();
    const incomplete = spans.filter((s) => s.attributes["genai_otel.incomplete"] === true).map((s) => s.name);
    expect(incomplete).toContain("RunnableSequence");
    expect(incomplete).toContain("chat gpt-4o-mini");
    const root = spans.find((s) => s.name === "invoke_workflow first-chunk")!;
    expect(root.attributes["genai_otel.incomplete"]).toBeUndefined();
    expect(tracing().shape()[0]!.name).toBe("invoke_workflow first-chunk");
  });

  it("sweeps runs past the cap and ignores duplicate starts and unknown ends", async () => {
    const handler = new OpenTelemetryCallbackHandler({ maxOpenRuns: 2 });
    for (const id of ["a", "b", "c"]) handler.handleChainStart({ lc: 1, type: "not_implemented", id: ["x"] }, {}, id, undefined, [], {}, "chain", `run-${id}`);
    handler.handleChainStart({ lc: 1, type: "not_implemented", id: ["x"] }, {}, "c", undefined, [], {}, "chain", "run-c-again");
    handler.handleChainEnd({}, "unknown");
    expect(handler.openRuns).toBe(2);
    const swept = tracing().spans();
    expect(swept.map((s) => [s.name, s.attributes["genai_otel.incomplete"]])).toEqual([["invoke_workflow run-a", true]]);
    handler.shutdown();
    expect(handler.openRuns).toBe(0);
    expect(tracing().spans().map((s) => s.name).sort()).toEqual(["invoke_workflow run-a", "invoke_workflow run-b", "invoke_workflow run-c"]);
  });

  it("ends only the still-open runs of the root's own tree, and counts runs of a tree whose root was swept", async () => {
    const handler = new OpenTelemetryCallbackHandler({ maxOpenRuns: 4 });
    const serialized: Serialized = { lc: 1, type: "not_implemented", id: ["x"] };
    const start = (id: string, parent?: string) => handler.handleChainStart(serialized, {}, id, parent, [], {}, "chain", `run-${id}`);
    start("r1");
    start("r1-a", "r1");
    start("r1-b", "r1-a");
    start("r2");
    handler.handleChainEnd({}, "r1-b");
    handler.handleChainEnd({}, "r2"); // a root with nothing else open: the other tree is left alone
    expect(handler.openRuns).toBe(2);
    handler.handleChainEnd({}, "r1");
    expect(handler.openRuns).toBe(0);
    const incomplete = () => tracing().spans().filter((s) => s.attributes["genai_otel.incomplete"] === true).map((s) => s.name);
    expect(incomplete()).toEqual(["run-r1-a"]);
    // A root swept by the cap while its child is open: the child ends normally, the registry empties.
    start("r3");
    start("r3-a", "r3");
    for (const id of ["x1", "x2", "x3"]) start(id);
    expect(incomplete()).toEqual(["run-r1-a", "invoke_workflow run-r3"]);
    handler.handleChainEnd({}, "r3-a");
    for (const id of ["x1", "x2", "x3"]) handler.handleChainEnd({}, id);
    expect(handler.openRuns).toBe(0);
    expect(incomplete()).toEqual(["run-r1-a", "invoke_workflow run-r3"]);
  });

  it("sweeps runs older than the time-to-live when later runs start", async () => {
    const handler = new OpenTelemetryCallbackHandler({ runTtlMs: 20 });
    const serialized: Serialized = { lc: 1, type: "not_implemented", id: ["x"] };
    handler.handleChainStart(serialized, {}, "old", undefined, [], {}, "chain", "old-run");
    await new Promise((r) => setTimeout(r, 40));
    handler.handleChainStart(serialized, {}, "new", undefined, [], {}, "chain", "new-run");
    expect(tracing().spans().map((s) => [s.name, s.attributes["genai_otel.incomplete"]])).toEqual([["invoke_workflow old-run", true]]);
    expect(handler.openRuns).toBe(1);
    handler.shutdown();
  });

  it("records custom events on the run's span and marks cached LLM results", async () => {
    const model = chatModel(server(), { cache: new InMemoryCache() });
    const chain = RunnableLambda.from(async (q: string, config) => {
      await dispatchCustomEvent("progress", { step: 1 }, config);
      return (await model.invoke(q, config)).content;
    }).withConfig({ runName: "cached-ask" });
    const handler = new OpenTelemetryCallbackHandler();
    await chain.invoke("Same question?", { callbacks: [handler] });
    await chain.invoke("Same question?", { callbacks: [handler] });
    const roots = tracing().spans().filter((s) => s.name === "invoke_workflow cached-ask");
    expect(roots).toHaveLength(2);
    for (const r of roots) expect(r.events.map((e) => e.name)).toContain("progress");
    const chats = tracing().spans().filter((s) => s.name === "chat gpt-4o-mini");
    expect(chats.map((s) => s.attributes["genai_otel.cached"])).toEqual([undefined, true]);
    expect(server().requests.filter((r) => r.path.endsWith("/chat/completions") && r.body.messages[0].content === "Same question?")).toHaveLength(1);
  });
});
