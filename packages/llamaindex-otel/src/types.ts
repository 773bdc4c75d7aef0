import type { MeterProvider, TracerProvider } from "@opentelemetry/api";
import type { ContentOptions } from "@genai-otel/core-semconv";

/**
 * Options of {@link instrumentLlamaIndex}. All optional. The content options (`captureContent`,
 * `maxContentLength`, `redact`) are those of core-semconv's `ContentOptions`, documented there.
 */
export interface LlamaIndexInstrumentationOptions extends ContentOptions {
  /**
   * Provider to create spans with.
   * @defaultValue the global provider (`trace.getTracerProvider()`), looked up when each span starts
   */
  tracerProvider?: TracerProvider;
  /**
   * Provider for the GenAI client metrics (`gen_ai.client.token.usage`,
   * `gen_ai.client.operation.duration`, `gen_ai.client.operation.time_to_first_chunk`), recorded for
   * every chat, text completion and embeddings call.
   * @defaultValue the global provider (`metrics.getMeterProvider()`), a no-op until an SDK is registered
   */
  meterProvider?: MeterProvider;
}

/** What {@link instrumentLlamaIndex} returns. */
export interface LlamaIndexInstrumentationHandle {
  /**
   * Removes every patch (on classes, on `Settings`, and on the objects it met and instrumented),
   * ends spans still waiting for a LlamaIndex event (marked `genai_otel.incomplete`), and stops
   * tracing. Idempotent; never throws.
   */
  uninstrument(): void;
  /**
   * Settles once the optional packages loaded in the background are patched too
   * (`@llamaindex/workflow`: agent runs and steps). In CommonJS it is settled at once; in ESM the
   * package is loaded with `import()`, so a workflow agent run started before this settles gets no
   * `invoke_agent` span. Await it when the first run may come within milliseconds of
   * instrumenting (tests, short scripts). Never rejects.
   */
  readonly ready: Promise<void>;
  /**
   * What the instrumentation holds for calls in flight, for leak checks and dashboards: both 0
   * when the app is idle (no call running, no stream left half-read). Never throws.
   */
  stats(): LlamaIndexInstrumentationStats;
}

/** Per-call state an instrumentation holds (see {@link LlamaIndexInstrumentationHandle.stats}). */
export interface LlamaIndexInstrumentationStats {
  /**
   * `chat` spans made from LlamaIndex's `llm-start` event (LLM calls no wrapper traced) that wait
   * for `llm-end`; at most 1,000 (the oldest are ended, marked incomplete, beyond that).
   */
  openEventSpans: number;
  /** Streamed results (queries, chats, agent runs) whose spans stay open until they are read to the end. */
  openStreams: number;
}

/**
 * Configuration of {@link LlamaIndexInstrumentation}: the options of {@link instrumentLlamaIndex}
 * plus OpenTelemetry's `enabled`.
 */
export interface LlamaIndexInstrumentationConfig extends LlamaIndexInstrumentationOptions {
  /**
   * Whether the instrumentation is enabled on construction (as OpenTelemetry instrumentations are).
   * @defaultValue true
   */
  enabled?: boolean;
}
