import { type Instrumentation, registerInstrumentations } from "@opentelemetry/instrumentation";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { LlamaIndexInstrumentation, instrumentLlamaIndex } from "@genai-otel/llamaindex-otel";
import { BaseQueryEngine } from "@llamaindex/core/query-engine";
import { Settings } from "@llamaindex/core/global";
import { expect, it } from "vitest";
import { useStandInModels, useStandInServer } from "./fixtures";

const { tracing, server } = useStandInServer(); // the global provider: must stay empty when a provider is given
const hello = { messages: [{ role: "user" as const, content: "Hello" }] };

function ownProvider() {
  const exporter = new InMemorySpanExporter();
  return { exporter, provider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }) };
}


it("implements OpenTelemetry's Instrumentation interface", () => {
  const instrumentation: Instrumentation = new LlamaIndexInstrumentation({ enabled: false });
  expect(instrumentation.instrumentationName).toBe("@genai-otel/llamaindex-otel");
  expect(instrumentation.instrumentationVersion).toEqual(expect.any(String));
  expect(instrumentation.getConfig()).toEqual({ enabled: false });
});

it("works with registerInstrumentations: spans go to its tracer provider; unregistering removes every patch", async () => {
  const before = Object.getOwnPropertyDescriptor(BaseQueryEngine.prototype, "query");
  const { exporter, provider } = ownProvider();
  const unregister = registerInstrumentations({ instrumentations: [new LlamaIndexInstrumentation({ captureContent: true })], tracerProvider: provider });
  try {
    useStandInModels(server());
    await Settings.llm.chat(hello);
    expect(exporter.getFinishedSpans().map((s) => [s.name, s.attributes["gen_ai.input.messages"]])).toEqual([
      ["chat gpt-4o-mini", JSON.stringify([{ role: "user", parts: [{ type: "text", content: "Hello" }] }])],
    ]);
    expect(tracing.spans()).toEqual([]);
  } finally {
    unregister();
  }
  expect(Object.getOwnPropertyDescriptor(BaseQueryEngine.prototype, "query")).toEqual(before);
  await Settings.llm.chat(hello);
  expect(exporter.getFinishedSpans()).toHaveLength(1);
});

it("is disabled with enabled: false until enable(), and shares the one installation with instrumentLlamaIndex", async () => {
  const instrumentation = new LlamaIndexInstrumentation({ enabled: false });
  useStandInModels(server());
  await Settings.llm.chat(hello);
  expect(tracing.spans()).toEqual([]);
  instrumentation.enable();
  await instrumentation.ready;
  expect(instrumentLlamaIndex().ready).toBe(instrumentation.ready); // already instrumented: the running handle, a diag warning
  useStandInModels(server());
  await Settings.llm.chat(hello);
  expect(tracing.spans()).toHaveLength(1);
  instrumentation.disable();
  instrumentation.disable(); // idempotent
  await Settings.llm.chat(hello);
  expect(tracing.spans()).toHaveLength(1);
});
