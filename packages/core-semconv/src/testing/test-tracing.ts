import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { context, trace } from "@opentelemetry/api";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { formatSpanTree } from "../span-tree";
import { type SpanShape, spanShape, toSpanTreeNodes } from "./span-views";

/** An in-memory tracing setup for tests. */
export interface TestTracing {
  /** The provider (also registered globally unless `registerGlobal: false`). */
  provider: BasicTracerProvider;
  exporter: InMemorySpanExporter;
  /** Finished spans, in end order. */
  spans(): ReadableSpan[];
  /** Finished spans as nested `{ name, children }` shapes, one per root. */
  shape(attributes?: readonly string[]): SpanShape[];
  /** Finished spans printed as trees. */
  tree(): string;
  /** Drops finished spans. */
  reset(): void;
  /** Shuts the provider down and unregisters the globals. */
  shutdown(): Promise<void>;
}

/**
 * Creates a tracer provider with a synchronous in-memory exporter and an AsyncLocalStorage context
 * manager, and registers both globally (so `context.active()` propagates through `await`).
 */
export function createTestTracing(options: { registerGlobal?: boolean } = {}): TestTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const registerGlobal = options.registerGlobal ?? true;
  if (registerGlobal) {
    trace.disable();
    context.disable();
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(provider);
  }
  return {
    provider,
    exporter,
    spans: () => exporter.getFinishedSpans(),
    shape: (attributes) => spanShape(exporter.getFinishedSpans(), attributes),
    tree: () => formatSpanTree(toSpanTreeNodes(exporter.getFinishedSpans())),
    reset: () => exporter.reset(),
    async shutdown() {
      await provider.shutdown();
      if (registerGlobal) {
        trace.disable();
        context.disable();
      }
    },
  };
}
