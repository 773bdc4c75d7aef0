import { LangChainInstrumentation as OpenInferenceInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { ProxyTracerProvider, type Span, type Tracer, context, trace } from "@opentelemetry/api";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import * as CallbackManagerModule from "@langchain/core/callbacks/manager";
import { awaitAllCallbacks } from "@langchain/core/callbacks/promises";
import { CallbackHandler as LangfuseCallbackHandler } from "@langfuse/langchain";
import { setLangfuseTracerProvider } from "@langfuse/tracing";
import { TraceloopCallbackHandler } from "@traceloop/instrumentation-langchain";
import { tracerProvider } from "../otel";
import type { BenchConfig } from "../runner";
import type { LangChainWorkload } from "../workloads/langchain-chain";

/**
 * The dispatch floor: a handler whose methods do nothing, run inline (awaitHandlers) as ours is.
 * Its cost over "none" is what LangChain charges for having any handler at all.
 */
export class NoopHandler extends BaseCallbackHandler {
  name = "NoopHandler";
  /** @param awaited - run inline (as ours) rather than on LangChain's background queue (as the peers) */
  constructor(awaited = true) {
    super();
    this.awaitHandlers = awaited;
  }
  override handleChainStart(): void {}
  override handleChainEnd(): void {}
  override handleChainError(): void {}
  override handleChatModelStart(): void {}
  override handleLLMStart(): void {}
  override handleLLMNewToken(): void {}
  override handleLLMEnd(): void {}
  override handleLLMError(): void {}
  override handleToolStart(): void {}
  override handleToolEnd(): void {}
  override handleToolError(): void {}
  override handleRetrieverStart(): void {}
  override handleRetrieverEnd(): void {}
  override handleRetrieverError(): void {}
}

/**
 * Diagnostic: the least a span-per-run handler can do, awaited as ours: a span per chain / chat /
 * tool run (no attributes), kept in a Map by run id, parented by the parent run's span. Its cost over
 * the no-op handler is what "a span per run" costs in place, inside LangChain's invoke.
 */
export class MinimalSpanHandler extends BaseCallbackHandler {
  name = "MinimalSpanHandler";
  private readonly spans = new Map<string, Span>();
  constructor(private readonly tracer: Tracer) {
    super();
    this.awaitHandlers = true;
  }
  private start(name: string, runId: string, parentRunId: string | undefined): void {
    const parent = parentRunId === undefined ? undefined : this.spans.get(parentRunId);
    const ctx = parent ? trace.setSpan(context.active(), parent) : context.active();
    this.spans.set(runId, this.tracer.startSpan(name, undefined, ctx));
  }
  private end(runId: string): void {
    const span = this.spans.get(runId);
    if (!span) return;
    this.spans.delete(runId);
    span.end();
  }
  override handleChainStart(_chain: unknown, _inputs: unknown, runId: string, parentRunId?: string): void {
    this.start("chain", runId, parentRunId);
  }
  override handleChainEnd(_outputs: unknown, runId: string): void {
    this.end(runId);
  }
  override handleChatModelStart(_llm: unknown, _messages: unknown, runId: string, parentRunId?: string): void {
    this.start("chat", runId, parentRunId);
  }
  override handleLLMEnd(_output: unknown, runId: string): void {
    this.end(runId);
  }
  override handleToolStart(_tool: unknown, _input: string, runId: string, parentRunId?: string): void {
    this.start("tool", runId, parentRunId);
  }
  override handleToolEnd(_output: unknown, runId: string): void {
    this.end(runId);
  }
  get open(): number {
    return this.spans.size;
  }
}

/** Sizes of a handler's own maps/objects (peers), for the "registries when idle" column. */
function sizeOf(value: unknown): number {
  if (value instanceof Map || value instanceof Set) return value.size;
  if (value && typeof value === "object") return Object.keys(value).length;
  return 0;
}

/**
 * Our handler's registries (private fields, read for the report only). The per-tree open-run
 * counters live on the entries in `runs`, so `runs` empty means nothing is held.
 */
export function oursRegistries(handler: OpenTelemetryCallbackHandler): Record<string, number> {
  const registry = (handler as unknown as { tracker: { registry: { runs: Map<unknown, unknown> } } }).tracker.registry;
  return { "registry.runs": registry.runs.size, openRuns: handler.openRuns };
}

/**
 * Every LangChain configuration for a workload, all on the bench's one tracer provider:
 * none, no-op handler, ours (capture off / on), OpenInference, Traceloop, Langfuse.
 *
 * Every batch ends with LangChain's `awaitAllCallbacks()` inside the timed region (in every config,
 * "none" included: it costs the same ~1 ms of idle wait per batch everywhere), so work a peer leaves on
 * LangChain's background callback queue is paid in its own batch. Per invoke it would add ~1.2 ms
 * (a 1 ms timer in LangSmith's client) and drown the differences.
 */
export function langchainConfigs(workload: LangChainWorkload): BenchConfig[] {
  const provider = tracerProvider();
  const run = (callbacks?: BaseCallbackHandler[]) => workload.run(callbacks);
  const drain = () => awaitAllCallbacks();

  const noop = new NoopHandler(true);
  const noopBackground = new NoopHandler(false);
  const oursOff = new OpenTelemetryCallbackHandler({ captureContent: false, tracerProvider: provider });
  const oursOn = new OpenTelemetryCallbackHandler({ captureContent: true, tracerProvider: provider });
  // Diagnostic: our handler's own logic, with spans that record nothing (the API's no-op tracer).
  const minimal = new MinimalSpanHandler(provider.getTracer("bench-minimal"));
  const oursLogicOnly = new OpenTelemetryCallbackHandler({ captureContent: false, tracerProvider: new ProxyTracerProvider() });

  // OpenInference patches CallbackManager._configureSync (adds its BaseTracer to every run's handlers).
  // Created disabled (no require hook); patched in before() and unpatched in after() of each batch.
  const openInference = new OpenInferenceInstrumentation({ instrumentationConfig: { enabled: false }, tracerProvider: provider });
  const oi = openInference as unknown as { manuallyInstrument(m: unknown): void; unpatch(m: unknown): void };
  const manager = CallbackManagerModule.CallbackManager as unknown as Record<string, unknown>;
  const originalConfigure = manager._configureSync;
  const unpatchOpenInference = () => {
    oi.unpatch(CallbackManagerModule);
    if (manager._configureSync !== originalConfigure) throw new Error("OpenInference's unpatch did not restore CallbackManager._configureSync");
  };

  // Traceloop's LangChainInstrumentation patches _configureSync in its constructor, with no way back
  // (no unpatch); its TraceloopCallbackHandler is what that patch adds to each run, so it is used
  // directly, passed per call like the other handlers. traceContent = its default (true).
  const traceloop = new TraceloopCallbackHandler(provider.getTracer("@traceloop/instrumentation-langchain", "0.27.0"), true);

  // Langfuse v4+ creates OTel spans through @langfuse/tracing, on its isolated provider if set, else the global one.
  setLangfuseTracerProvider(provider);
  const langfuse = new LangfuseCallbackHandler();

  const peer = (h: unknown) => h as Record<string, unknown>;
  const configs: BenchConfig[] = [
    { key: "none", name: "none (no callbacks)", invoke: () => run() },
    { key: "noop", name: "no-op handler (awaited)", invoke: () => run([noop]) },
    {
      key: "noop-bg",
      name: "no-op handler (background queue)",
      invoke: () => run([noopBackground]),
      note: "the dispatch floor of a handler on LangChain's background queue, where the peers' callbacks run",
    },
    {
      key: "minimal",
      diagnostic: true,
      name: "minimal span handler (diagnostic)",
      invoke: () => run([minimal]),
      registries: () => ({ spans: minimal.open }),
      note: "the least a span-per-run handler can do (a Map of spans by run id, parent from the parent run, no attributes), awaited as ours",
    },
    {
      key: "ours-off",
      name: "ours, capture off",
      invoke: () => run([oursOff]),
      registries: () => oursRegistries(oursOff),
    },
    {
      key: "ours-on",
      name: "ours, capture on",
      invoke: () => run([oursOn]),
      registries: () => oursRegistries(oursOn),
    },
    {
      key: "ours-nosdk",
      diagnostic: true,
      name: "ours, capture off, no-op tracer (diagnostic)",
      invoke: () => run([oursLogicOnly]),
      note: "ours on the API's no-op tracer (ProxyTracerProvider without delegate): the handler's own logic without the SDK's span work",
    },
    {
      key: "openinference",
      name: "OpenInference 4.1.1",
      before: () => oi.manuallyInstrument(CallbackManagerModule),
      invoke: () => run(),
      after: unpatchOpenInference,
      note: "patches CallbackManager._configureSync; patched before and unpatched after each of its batches",
    },
    {
      key: "traceloop",
      name: "Traceloop 0.27.0",
      invoke: () => run([traceloop]),
      registries: () => ({ spans: sizeOf(peer(traceloop).spans) }),
      note: "TraceloopCallbackHandler passed per call (its instrumentation's constructor patches _configureSync irreversibly)",
    },
    {
      key: "langfuse",
      name: "Langfuse 5.11.1",
      invoke: () => run([langfuse]),
      registries: () => ({
        runMap: sizeOf(peer(langfuse).runMap),
        completionStartTimes: sizeOf(peer(langfuse).completionStartTimes),
        promptToParentRunMap: sizeOf(peer(langfuse).promptToParentRunMap),
      }),
    },
  ];
  for (const config of configs) config.drain = drain;
  return configs;
}
