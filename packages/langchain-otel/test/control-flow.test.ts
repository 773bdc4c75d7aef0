import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { SpanStatusCode } from "@opentelemetry/api";
import { Annotation, Command, END, MemorySaver, START, StateGraph, interrupt } from "@langchain/langgraph";
import { describe, expect, it, vi } from "vitest";
import { useStandIns } from "./setup";

const { tracing } = useStandIns();
const State = Annotation.Root({ value: Annotation<string> });

function approvalGraph() {
  return new StateGraph(State)
    .addNode("ask", async (s) => ({ value: `${s.value}+${interrupt({ question: "Ship it?" })}` }))
    .addEdge(START, "ask")
    .addEdge("ask", END)
    .compile({ checkpointer: new MemorySaver() });
}

const errors = () => tracing().spans().filter((s) => s.status.code === SpanStatusCode.ERROR || s.events.some((e) => e.name === "exception"));

describe("LangGraph control flow", () => {
  it("ends interrupted node and graph spans without ERROR, and links the resume to the interrupted trace", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    const config = { configurable: { thread_id: "thread-1" }, callbacks: [handler] };
    const graph = approvalGraph();
    const first = await graph.invoke({ value: "x" }, config);
    expect((first as Record<string, unknown>).__interrupt__).toHaveLength(1);
    expect(errors()).toEqual([]);
    const ask = tracing().spans().find((s) => s.name === "ask")!;
    expect(ask.attributes["genai_otel.outcome"]).toBe("interrupted");
    const event = ask.events.find((e) => e.name === "genai_otel.interrupt")!;
    expect(event.attributes?.["genai_otel.interrupt.id"]).toHaveLength(1);
    expect(event.attributes?.["genai_otel.interrupt.value"]).toBeUndefined(); // capture off
    const root = tracing().spans().find((s) => s.name === "invoke_workflow LangGraph")!;
    expect(root.attributes["genai_otel.outcome"]).toBe("interrupted");
    tracing().reset();

    const second = await graph.invoke(new Command({ resume: "yes" }), config);
    expect(second.value).toBe("x+yes");
    const resumed = tracing().spans().find((s) => s.name === "invoke_workflow LangGraph")!;
    expect(resumed.spanContext().traceId).not.toBe(root.spanContext().traceId);
    expect(resumed.attributes["genai_otel.resumed"]).toBe(true);
    expect(resumed.links.map((l) => l.context.spanId)).toEqual([root.spanContext().spanId]);
    expect(resumed.attributes["genai_otel.outcome"]).toBeUndefined();
    expect(handler.openRuns).toBe(0);
  });

  it("records the interrupt payload only with content capture on", async () => {
    const handler = new OpenTelemetryCallbackHandler({ captureContent: true });
    await approvalGraph().invoke({ value: "x" }, { configurable: { thread_id: "thread-2" }, callbacks: [handler] });
    const ask = tracing().spans().find((s) => s.name === "ask")!;
    const event = ask.events.find((e) => e.name === "genai_otel.interrupt")!;
    expect(JSON.parse(String(event.attributes?.["genai_otel.interrupt.value"]))).toEqual([{ question: "Ship it?" }]);
  });

  it("ends the spans a Command to the parent graph passes through as handed off, not failed", async () => {
    const inner = new StateGraph(State)
      .addNode("hand", async () => new Command({ graph: Command.PARENT, goto: "done", update: { value: "handed" } }))
      .addEdge(START, "hand")
      .compile();
    const outer = new StateGraph(State)
      .addNode("sub", inner, { ends: ["done"] })
      .addNode("done", async (s) => ({ value: `${s.value}+done` }))
      .addEdge(START, "sub")
      .compile();
    const handler = new OpenTelemetryCallbackHandler();
    expect((await outer.invoke({ value: "y" }, { callbacks: [handler] })).value).toBe("handed+done");
    expect(errors()).toEqual([]);
    const handedOff = tracing().spans().filter((s) => s.attributes["genai_otel.outcome"] === "handed_off").map((s) => s.name);
    expect(handedOff.sort()).toEqual(["LangGraph", "hand", "sub"]);
    const hand = tracing().spans().find((s) => s.name === "hand")!;
    expect(hand.events.find((e) => e.name === "genai_otel.handoff")?.attributes?.["genai_otel.handoff.goto"]).toEqual(["done"]);
    expect(handler.openRuns).toBe(0);
  });

  it("ends a run aborted by the caller's AbortSignal as cancelled", async () => {
    const controller = new AbortController();
    const graph = new StateGraph(State)
      .addNode("slow", async (s) => {
        controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { value: s.value };
      })
      .addEdge(START, "slow")
      .compile();
    const handler = new OpenTelemetryCallbackHandler();
    await expect(graph.invoke({ value: "z" }, { callbacks: [handler], signal: controller.signal })).rejects.toThrow();
    await vi.waitFor(() => expect(handler.openRuns).toBe(0)); // the graph's own end comes after the caller's rejection
    expect(errors()).toEqual([]);
    const outcomes = tracing().spans().map((s) => [s.name, s.attributes["genai_otel.outcome"], s.attributes["error.type"]]);
    expect(outcomes).toEqual(expect.arrayContaining([["slow", "cancelled", undefined], ["invoke_workflow LangGraph", "cancelled", undefined]]));
    expect(String(tracing().spans().find((s) => s.name === "slow")!.attributes["genai_otel.outcome.reason"])).toContain("AbortError");
    expect(handler.openRuns).toBe(0);
  });
});
