import { context, propagation, trace } from "@opentelemetry/api";
import { W3CBaggagePropagator } from "@opentelemetry/core";
import {
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_USER_ID,
  TraceAttributesSpanProcessor,
  activeTraceContext,
  traceAttributesStats,
  withTask,
  withTool,
  withTraceAttributes,
  withWorkflow,
} from "@genai-otel/core-semconv";
import { createTestTracing } from "@genai-otel/core-semconv/testing";

const MAX_TAGS = 64;
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const tracing = createTestTracing();
afterEach(() => tracing.reset());
afterAll(() => tracing.shutdown());

const traceKeys = (attrs: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(attrs).filter(([k]) => k === ATTR_GEN_AI_CONVERSATION_ID || k === ATTR_USER_ID || k.startsWith("genai_otel.tags") || k.startsWith("genai_otel.metadata.") || k.startsWith("genai_otel.prompt.")));
const byName = (name: string) => {
  const span = tracing.spans().find((s) => s.name === name);
  if (!span) throw new Error(`no span ${name} in\n${tracing.tree()}`);
  return traceKeys(span.attributes);
};

describe("withTraceAttributes", () => {
  it("stamps every manual span in scope; nested scopes merge (inner wins, tag union, metadata merge)", async () => {
    await withTraceAttributes({ conversationId: "c-outer", userId: "u-1", tags: ["a", "b"], metadata: { plan: "pro", region: "eu" } }, () =>
      withWorkflow("outer", async () => {
        await withTraceAttributes({ conversationId: "c-inner", tags: ["b", "c"], metadata: { region: "us", step: 2 } }, () =>
          withTask("inner", async () => "x"),
        );
        withTask("after", () => 1);
      }),
    );
    expect(byName("invoke_workflow outer")).toEqual({
      "gen_ai.conversation.id": "c-outer",
      "user.id": "u-1",
      "genai_otel.tags": ["a", "b"],
      "genai_otel.metadata.plan": "pro",
      "genai_otel.metadata.region": "eu",
    });
    expect(byName("inner")).toEqual({
      "gen_ai.conversation.id": "c-inner",
      "user.id": "u-1",
      "genai_otel.tags": ["a", "b", "c"],
      "genai_otel.metadata.plan": "pro",
      "genai_otel.metadata.region": "us",
      "genai_otel.metadata.step": 2,
    });
    expect(byName("after")).toEqual(byName("invoke_workflow outer"));
  });

  it("returns fn's result and passes errors unchanged (sync and async)", async () => {
    expect(withTraceAttributes({ userId: "u" }, () => 42)).toBe(42);
    const promise = Promise.resolve("same");
    expect(withTraceAttributes({ userId: "u" }, () => promise)).toBe(promise);
    const boom = new Error("boom");
    expect(() =>
      withTraceAttributes({ userId: "u" }, () => {
        throw boom;
      }),
    ).toThrow(boom);
    await expect(withTraceAttributes({ userId: "u" }, async () => Promise.reject(boom))).rejects.toBe(boom);
    expect(withTraceAttributes({}, () => activeTraceContext())).toBeUndefined();
  });

  it("keeps the scope in each step of a generator and an async generator", async () => {
    function* gen() {
      yield activeTraceContext()?.conversationId;
      yield withTask("gen-step", () => activeTraceContext()?.conversationId);
      return "done";
    }
    async function* agen() {
      await new Promise((r) => setTimeout(r, 1));
      yield activeTraceContext()?.conversationId;
      yield await withTool("agen-tool", async () => activeTraceContext()?.conversationId);
    }
    const g = withTraceAttributes({ conversationId: "c-gen" }, gen);
    expect([...g]).toEqual(["c-gen", "c-gen"]);
    const seen: unknown[] = [];
    for await (const v of withTraceAttributes({ conversationId: "c-agen" }, agen)) seen.push(v);
    expect(seen).toEqual(["c-agen", "c-agen"]);
    expect(byName("gen-step")).toEqual({ "gen_ai.conversation.id": "c-gen" });
    expect(byName("execute_tool agen-tool")).toEqual({ "gen_ai.conversation.id": "c-agen" });

    // return() and throw() reach the source generator
    let cleaned = false;
    const early = withTraceAttributes({ conversationId: "c" }, function* () {
      try {
        yield 1;
        yield 2;
      } finally {
        cleaned = true;
      }
    });
    for (const v of early) if (v === 1) break;
    expect(cleaned).toBe(true);
    const failing = withTraceAttributes({ conversationId: "c" }, async function* () {
      yield 1;
    });
    await failing.next();
    await expect(failing.throw(new Error("stop"))).rejects.toThrow("stop");
  });

  it("drops and counts secret-looking metadata keys, bounds tags and values, serialises non-primitive values", () => {
    const before = traceAttributesStats();
    const manyTags = Array.from({ length: MAX_TAGS + 10 }, (_, i) => `t${i}`);
    withTraceAttributes(
      {
        tags: [...manyTags, "x".repeat(500)],
        metadata: { api_key: "sk-fake", Authorization: "Bearer fake", sessionToken: "t", db_password: "p", clientSecret: "s", apiKey: "k", ok: "yes", obj: { a: [1, 2] }, big: "y".repeat(5000), nothing: undefined },
      },
      () => withTask("bounded", () => undefined),
    );
    const attrs = byName("bounded");
    expect(Object.keys(attrs).filter((k) => /key|authorization|token|password|secret/i.test(k))).toEqual([]);
    expect(JSON.stringify(attrs)).not.toMatch(/sk-fake|Bearer/);
    expect(attrs["genai_otel.metadata.ok"]).toBe("yes");
    expect(attrs["genai_otel.metadata.obj"]).toBe('{"a":[1,2]}');
    expect((attrs["genai_otel.metadata.big"] as string).length).toBeLessThan(1100);
    expect(attrs).not.toHaveProperty("genai_otel.metadata.nothing");
    expect(attrs["genai_otel.tags"]).toHaveLength(MAX_TAGS);
    const after = traceAttributesStats();
    expect(after.secretKeysDropped - before.secretKeysDropped).toBe(6);
    expect(after.valuesDropped - before.valuesDropped).toBe(11);
    expect(after.valuesTruncated - before.valuesTruncated).toBeGreaterThanOrEqual(1);
  });

  it("ignores values of the wrong type instead of throwing", () => {
    const bad = { conversationId: { id: 1 }, userId: 7, tags: "not-a-list", metadata: 5, prompt: "p" } as never;
    expect(withTraceAttributes(bad, () => withTask("odd", () => "ran"))).toBe("ran");
    expect(byName("odd")).toEqual({ "user.id": "7" });
  });

  it("200 concurrent scopes never see each other's conversation id", async () => {
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        withTraceAttributes({ conversationId: `c-${i}` }, () =>
          withWorkflow(`w-${i}`, async () => {
            await new Promise((r) => setTimeout(r, (i * 7) % 5));
            await withTool(`t-${i}`, async () => i);
          }),
        ),
      ),
    );
    const spans = tracing.spans();
    expect(spans).toHaveLength(400);
    const wrong = spans.filter((s) => s.attributes["gen_ai.conversation.id"] !== `c-${s.name.split("-").at(-1)}`);
    expect(wrong.map((s) => s.name)).toEqual([]);
  });

  it("with asBaggage puts the ids (only) into W3C baggage", () => {
    const headers: Record<string, string> = {};
    withTraceAttributes({ conversationId: "c-b", userId: "u-b", metadata: { plan: "pro" }, asBaggage: true }, () =>
      new W3CBaggagePropagator().inject(context.active(), headers, {
        set: (carrier: Record<string, string>, key: string, value: string) => {
          carrier[key] = value;
        },
      }),
    );
    expect(headers.baggage?.split(",").sort()).toEqual(["gen_ai.conversation.id=c-b", "user.id=u-b"]);
    expect(withTraceAttributes({ conversationId: "c-b" }, () => propagation.getBaggage(context.active()))).toBeUndefined();
  });
});

describe("TraceAttributesSpanProcessor", () => {
  it("stamps spans of other instrumentations in scope, prompt name/version only on chat spans", () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new TraceAttributesSpanProcessor(), new SimpleSpanProcessor(exporter)] });
    const tracer = provider.getTracer("other-instrumentation");
    const attrsOf = (name: string) => exporter.getFinishedSpans().find((s) => s.name === name)?.attributes ?? {};
    withTraceAttributes({ conversationId: "c-p", tags: ["t"], prompt: { name: "greet", version: 3, template: "Hi {x}" } }, () => {
      tracer.startSpan("GET /users").end();
      tracer.startSpan("chat gpt", { attributes: { "gen_ai.operation.name": "chat" } }).end();
    });
    tracer.startSpan("outside").end();
    // genai-otel's own spans keep what the adapter resolved (a LangChain run's metadata wins over the scope)
    withTraceAttributes({ conversationId: "c-scope" }, () =>
      provider.getTracer("@genai-otel/langchain-otel").startSpan("chain", { attributes: { "gen_ai.conversation.id": "c-run" } }).end(),
    );
    expect(traceKeys(attrsOf("chain"))).toEqual({ "gen_ai.conversation.id": "c-run" });
    expect(traceKeys(attrsOf("GET /users"))).toEqual({ "gen_ai.conversation.id": "c-p", "genai_otel.tags": ["t"] });
    expect(traceKeys(attrsOf("chat gpt"))).toEqual({
      "gen_ai.conversation.id": "c-p",
      "genai_otel.tags": ["t"],
      "genai_otel.prompt.name": "greet",
      "genai_otel.prompt.version": 3,
    });
    expect(traceKeys(attrsOf("outside"))).toEqual({});
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});
