import { context, trace, type TracerProvider } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, BatchSpanProcessor, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";

/** ExportResultCode.SUCCESS (from @opentelemetry/core, which the bench does not depend on directly). */
const SUCCESS = 0;

/**
 * An exporter that drops everything, counting spans. While `record` is on it also keeps the
 * names of the spans it gets (used by the span-count check, never during timed batches).
 */
export class CountingNoopExporter implements SpanExporter {
  exported = 0;
  record = false;
  recorded: ReadableSpan[] = [];

  export(spans: ReadableSpan[], done: (result: { code: number }) => void): void {
    this.exported += spans.length;
    if (this.record) this.recorded.push(...spans);
    done({ code: SUCCESS });
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/** The one tracer provider every configuration (ours and the peers') records into. */
export interface BenchTracing {
  provider: BasicTracerProvider;
  exporter: CountingNoopExporter;
  /** Flushes the batch processor (so `exporter.exported` is up to date). */
  flush(): Promise<void>;
}

let tracing: BenchTracing | undefined;

/**
 * Registers (once per process) an AsyncLocalStorage context manager and a BasicTracerProvider with
 * a BatchSpanProcessor (default settings: 2048 queue, 512 per batch, 5 s delay) in front of a
 * no-op exporter, as the global provider: peers that only use the global provider get it too.
 */
export function setupTracing(): BenchTracing {
  if (tracing) return tracing;
  const exporter = new CountingNoopExporter();
  const processor = new BatchSpanProcessor(exporter);
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  // The first context.with() turns on Node 20's async hooks for AsyncLocalStorage, for good (every
  // promise then pays a hook). The batch processor does it at its first export, so whichever config
  // ran first would be measured without them: switch them on now, for every config alike.
  context.with(context.active(), () => {});
  trace.setGlobalTracerProvider(provider);
  tracing = { provider, exporter, flush: () => provider.forceFlush() };
  return tracing;
}

export function tracerProvider(): TracerProvider {
  return setupTracing().provider;
}
