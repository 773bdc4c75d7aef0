import { TRANSLATOR_NAMES, translatorFor } from "@genai-otel/core-semconv";
import { identityTranslator } from "@genai-otel/core-semconv/internal";
import { TranslatingSpanExporter } from "@genai-otel/core-semconv/export";
import { ROOT_CONTEXT, trace } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it, vi } from "vitest";
import { CAPTURE_ON, recordAgentRun } from "./fixtures";

/** One provider, three destinations: plain OTel GenAI, OpenInference, Traceloop. */
function threeDestinations() {
  const plain = new InMemorySpanExporter();
  const phoenix = new InMemorySpanExporter();
  const traceloop = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [
      new SimpleSpanProcessor(new TranslatingSpanExporter(phoenix, "openinference")),
      new SimpleSpanProcessor(plain),
      new SimpleSpanProcessor(new TranslatingSpanExporter(traceloop, translatorFor("traceloop"))),
    ],
  });
  return { plain, phoenix, traceloop, tracer: provider.getTracer("test") };
}

const byName = (spans: ReadableSpan[]) => new Map(spans.map((s) => [s.name, s]));
const keys = (s: ReadableSpan | undefined, prefix: string) => Object.keys(s?.attributes ?? {}).filter((k) => k.startsWith(prefix));

describe("TranslatingSpanExporter", () => {
  it("gives each destination its own convention and leaves the spans themselves untouched", () => {
    const d = threeDestinations();
    recordAgentRun(d.tracer, CAPTURE_ON);
    const plain = byName(d.plain.getFinishedSpans());
    const phoenix = byName(d.phoenix.getFinishedSpans());
    const traceloop = byName(d.traceloop.getFinishedSpans());
    expect([...plain.keys()]).toEqual(["chat gpt-4o-mini", "execute_tool get_weather", "retrieval climate-kb", "invoke_agent weather-bot"]);
    expect([...phoenix.keys()]).toEqual([...plain.keys()]);
    expect([...traceloop.keys()]).toEqual([...plain.keys()]);

    for (const [name, original] of plain) {
      // The processor ran the OpenInference wrapper first: the original must still be pure OTel GenAI.
      expect(keys(original, "openinference.")).toEqual([]);
      expect(keys(original, "llm.")).toEqual([]);
      expect(keys(original, "traceloop.")).toEqual([]);
      expect(keys(original, "gen_ai.prompt.")).toEqual([]);
      const oi = phoenix.get(name)!;
      const tl = traceloop.get(name)!;
      expect(oi).not.toBe(original);
      expect(oi.attributes["openinference.span.kind"]).toBeDefined();
      expect(keys(oi, "traceloop.")).toEqual([]);
      expect(keys(tl, "openinference.")).toEqual([]);
      // Same span identity, timing, tree and status in every destination.
      for (const copy of [oi, tl]) {
        expect(copy.spanContext()).toEqual(original.spanContext());
        expect(copy.parentSpanContext).toBe(original.parentSpanContext);
        expect(copy.startTime).toBe(original.startTime);
        expect(copy.duration).toEqual(original.duration);
        expect(copy.ended).toBe(true);
        expect(copy.kind).toBe(original.kind);
        expect(copy.status).toBe(original.status);
        expect(copy.resource).toBe(original.resource);
        expect(copy.instrumentationScope).toBe(original.instrumentationScope);
        expect(copy.attributes).toMatchObject(original.attributes as Record<string, unknown>);
      }
    }
    expect(phoenix.get("chat gpt-4o-mini")!.attributes["llm.output_messages.0.message.tool_calls.0.tool_call.id"]).toBe("call_2");
    expect(traceloop.get("chat gpt-4o-mini")!.attributes["gen_ai.completion.0.tool_calls.0.id"]).toBe("call_2");
    expect(traceloop.get("invoke_agent weather-bot")!.attributes["traceloop.workflow.name"]).toBe("weather-bot");
    expect(traceloop.get("execute_tool get_weather")!.attributes["traceloop.workflow.name"]).toBeUndefined();
  });

  it("hands the span itself on when there is nothing to translate", () => {
    const d = threeDestinations();
    d.tracer.startSpan("GET /health", { attributes: { "http.request.method": "GET" } }).end();
    const [plain] = d.plain.getFinishedSpans();
    expect(d.phoenix.getFinishedSpans()[0]).toBe(plain);
    expect(d.traceloop.getFinishedSpans()[0]).toBe(plain);
  });

  it("keeps views usable by exporters that spread or serialise spans", () => {
    const d = threeDestinations();
    const parent = d.tracer.startSpan("invoke_agent a", { attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "a" } });
    d.tracer.startSpan("execute_tool t", { attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "t" } }, trace.setSpan(ROOT_CONTEXT, parent)).end();
    parent.end();
    const view = d.phoenix.getFinishedSpans()[0]!;
    const spread = { ...view };
    expect(spread.attributes["tool.name"]).toBe("t");
    expect(spread.spanContext().spanId).toBe(view.spanContext().spanId);
    expect(JSON.parse(JSON.stringify({ name: view.name, attributes: view.attributes })).attributes["openinference.span.kind"]).toBe("TOOL");
  });

  it("exports a span as it was when the translator throws", () => {
    const sink = new InMemorySpanExporter();
    const failing = new TranslatingSpanExporter(sink, () => {
      throw new Error("boom");
    });
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(failing)] });
    provider.getTracer("t").startSpan("chat m", { attributes: { "gen_ai.operation.name": "chat" } }).end();
    expect(sink.getFinishedSpans()[0]!.attributes).toEqual({ "gen_ai.operation.name": "chat" });
  });

  it("delegates the export result, forceFlush and shutdown", async () => {
    const inner: SpanExporter = {
      export: vi.fn((_spans, done) => done({ code: 0 })),
      forceFlush: vi.fn(async () => {}),
      shutdown: vi.fn(async () => {}),
    };
    const wrapper = new TranslatingSpanExporter(inner, "none");
    const done = vi.fn();
    wrapper.export([], done);
    expect(done).toHaveBeenCalledWith({ code: 0 });
    await wrapper.forceFlush();
    await wrapper.shutdown();
    expect(inner.forceFlush).toHaveBeenCalledOnce();
    expect(inner.shutdown).toHaveBeenCalledOnce();
    await expect(new TranslatingSpanExporter({ export: () => {}, shutdown: async () => {} }, "none").forceFlush()).resolves.toBeUndefined();
  });
});

describe("translatorFor", () => {
  it("knows every convention name; none and unknown names are the identity", () => {
    expect(TRANSLATOR_NAMES).toEqual(["openinference", "traceloop", "langfuse", "datadog", "weave", "laminar", "none"]);
    const chat = { "gen_ai.operation.name": "chat" };
    expect(translatorFor("openinference")(chat)["openinference.span.kind"]).toBe("LLM");
    expect(translatorFor("traceloop")(chat)["llm.request.type"]).toBe("chat");
    expect(translatorFor("none")).toBe(identityTranslator);
    expect(translatorFor("zipkin" as never)(chat)).toBe(chat);
  });

  it("passes options on", () => {
    const out = translatorFor("openinference", { keepSource: false })({ "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "t" });
    expect(out).toEqual({ "openinference.span.kind": "TOOL", "tool.name": "t" });
  });
});

describe("TranslatingSpanExporter workflow names", () => {
  it("stamps the root's name on descendants exported before the root, learnt when the root started", () => {
    const memory = new InMemorySpanExporter();
    const exporter = new TranslatingSpanExporter(memory, "traceloop");
    const provider = new BasicTracerProvider({
      spanProcessors: [
        {
          onStart: (span) => exporter.onSpanStart(span as unknown as ReadableSpan),
          onEnd: (span) => exporter.export([span], () => undefined),
          forceFlush: () => Promise.resolve(),
          shutdown: () => Promise.resolve(),
        },
      ],
    });
    const tracer = provider.getTracer("wf");
    const rootSpan = tracer.startSpan("support-flow", { attributes: { "genai_otel.framework": "langchain" } });
    const chat = tracer.startSpan("chat m", { attributes: { "gen_ai.operation.name": "chat" } }, trace.setSpan(ROOT_CONTEXT, rootSpan));
    chat.end();
    expect(memory.getFinishedSpans()[0]?.attributes["traceloop.workflow.name"]).toBe("support-flow");
    rootSpan.end();
    expect(memory.getFinishedSpans()[1]?.attributes["traceloop.workflow.name"]).toBe("support-flow");
  });

  it("remembers a bounded number of traces", async () => {
    const { WorkflowNames } = await import("../../src/translate/workflow-names");
    const names = new WorkflowNames(2);
    names.note("a", "A");
    names.note("b", "B");
    names.note("c", "C");
    expect([names.size, names.get("a"), names.get("c")]).toEqual([2, undefined, "C"]);
  });
});
