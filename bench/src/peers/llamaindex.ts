import { instrumentLlamaIndex, type LlamaIndexInstrumentationHandle } from "@genai-otel/llamaindex-otel";
import { ProxyTracerProvider, type TracerProvider } from "@opentelemetry/api";
import * as llamaindexOpenAI from "@llamaindex/openai";
import { LlamaIndexInstrumentation as TraceloopLlamaIndex } from "@traceloop/instrumentation-llamaindex";
import * as llamaindex from "llamaindex";
import { tracerProvider } from "../otel";
import type { BenchConfig } from "../runner";
import type { LlamaIndexWorkload } from "../workloads/llamaindex-query";

/**
 * LlamaIndex configurations: none, ours (capture off / on), Traceloop. Instrumentations patch
 * prototypes and LlamaIndex binds methods per instance at construction, so each batch is: enable
 * the instrumentation, build LLM / embedding model / index / engine (untimed), run, disable. No
 * object built under one config is used by another.
 */
export function llamaindexConfigs(workload: LlamaIndexWorkload): BenchConfig[] {
  const provider = tracerProvider();
  const build = () => workload.build();
  const run = () => workload.run();

  const ours = (captureContent: boolean, diagnostic = false): BenchConfig => {
    let handle: LlamaIndexInstrumentationHandle | undefined;
    const spansTo: TracerProvider = diagnostic ? new ProxyTracerProvider() : provider;
    return {
      key: diagnostic ? "ours-nosdk" : captureContent ? "ours-on" : "ours-off",
      name: diagnostic ? "ours, capture off, no-op tracer (diagnostic)" : captureContent ? "ours, capture on" : "ours, capture off",
      diagnostic,
      note: diagnostic ? "ours on the API's no-op tracer (ProxyTracerProvider without delegate): the instrumentation's own logic without the SDK's span work" : undefined,
      async before() {
        handle = instrumentLlamaIndex({ captureContent, tracerProvider: spansTo });
        await handle.ready;
        await build();
      },
      invoke: run,
      registries: () => ({ ...handle?.stats() }),
      after() {
        handle?.uninstrument();
        handle = undefined;
      },
    };
  };

  // Traceloop patches prototypes with shimmer: manuallyInstrument() to patch, its unpatch methods to
  // restore. Created disabled, so it sets up no require hook; traceContent = its default (true).
  const traceloop = new TraceloopLlamaIndex({ enabled: false });
  traceloop.setTracerProvider(provider);
  const tl = traceloop as unknown as {
    manuallyInstrument(m: unknown, openai?: unknown): void;
    unpatch(m: unknown): void;
    unpatchOpenAI(m: unknown): void;
  };

  return [
    { key: "none", name: "none (not instrumented)", before: build, invoke: run },
    ours(false),
    ours(true),
    ours(false, true),
    {
      key: "traceloop",
      name: "Traceloop 0.27.0",
      async before() {
        tl.manuallyInstrument(llamaindex, llamaindexOpenAI);
        await build();
      },
      invoke: run,
      after() {
        tl.unpatch(llamaindex);
        tl.unpatchOpenAI(llamaindexOpenAI);
      },
      note: "patched (manuallyInstrument) before and unpatched after each of its batches",
    },
  ];
}
