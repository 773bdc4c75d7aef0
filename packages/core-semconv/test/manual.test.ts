import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { withAgent, withTask, withTool, withWorkflow } from "@genai-otel/core-semconv";
import { createTestTracing } from "@genai-otel/core-semconv/testing";
import { afterAll, afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";

const tracing = createTestTracing();
afterEach(() => {
  tracing.reset();
  vi.unstubAllEnvs();
});
afterAll(() => tracing.shutdown());

describe("manual wrappers", () => {
  it("nest sync, async and async-generator work and keep return types", async () => {
    const result = await withWorkflow("ingest", async () => {
      const n = withTask("parse", (x: number) => x * 2, 21);
      expectTypeOf(n).toEqualTypeOf<number>();
      const words: string[] = [];
      for await (const w of withAgent({ name: "planner", description: "plans" }, async function* () {
        yield "a";
        yield await withTool("lookup", async (q: string) => `${q}!`, "b");
      })) words.push(w);
      return { n, words };
    });
    expectTypeOf(result).toEqualTypeOf<{ n: number; words: string[] }>();
    expect(result).toEqual({ n: 42, words: ["a", "b!"] });
    expect(tracing.shape(["gen_ai.operation.name", "gen_ai.workflow.name", "gen_ai.agent.name", "gen_ai.tool.name", "genai_otel.run.type"])).toEqual([
      {
        name: "invoke_workflow ingest",
        attributes: { "gen_ai.operation.name": "invoke_workflow", "gen_ai.workflow.name": "ingest" },
        children: [
          { name: "parse", attributes: { "genai_otel.run.type": "task" }, children: [] },
          {
            name: "invoke_agent planner",
            attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "planner" },
            children: [{ name: "execute_tool lookup", attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "lookup" }, children: [] }],
          },
        ],
      },
    ]);
    const ended = tracing.spans().map((s) => s.name); // in end order
    expect(tracing.spans().find((s) => s.name === "invoke_agent planner")!.kind).toBe(SpanKind.INTERNAL);
    // the agent's generator stayed open until its last chunk was consumed, after the tool ended
    expect(ended.indexOf("invoke_agent planner")).toBeGreaterThan(ended.indexOf("execute_tool lookup"));
  });

  it("record errors from throws, rejections and generators, rethrowing them unchanged", async () => {
    const boom = new Error("boom");
    expect(() => withTask("sync", () => { throw boom; })).toThrow(boom);
    await expect(withTool("async", async () => { throw boom; })).rejects.toBe(boom);
    const gen = withAgent("gen", async function* () {
      yield 1;
      throw boom;
    });
    await expect((async () => { for await (const _ of gen); })()).rejects.toBe(boom);
    const spans = tracing.spans();
    expect(spans).toHaveLength(3);
    for (const s of spans) {
      expect(s.status).toEqual({ code: SpanStatusCode.ERROR, message: "boom" });
      expect(s.events.map((e) => e.name)).toContain("exception");
    }
  });

  it("marks an async generator broken off early as incomplete", async () => {
    for await (const _ of withAgent("looping", async function* () {
      yield 1;
      yield 2;
    })) break;
    expect(tracing.spans()[0]!.attributes["genai_otel.incomplete"]).toBe(true);
  });

  it("records tool arguments and result only when content capture is on", async () => {
    await withTool("add", (a: number, b: number) => a + b, 1, 2);
    expect(tracing.spans()[0]!.attributes["gen_ai.tool.call.arguments"]).toBeUndefined();
    vi.resetModules();
    vi.stubEnv("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true");
    const fresh = await import("../src/manual/wrappers");
    tracing.reset();
    fresh.withTool("add", (a: number, b: number) => a + b, 1, 2);
    expect(tracing.spans()[0]!.attributes).toMatchObject({ "gen_ai.tool.call.arguments": "[1,2]", "gen_ai.tool.call.result": "3" });
  });
});

