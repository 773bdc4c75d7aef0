import type { MeterProvider, TracerProvider } from "@opentelemetry/api";
import type { ContentOptions } from "@genai-otel/core-semconv";

/** Options of {@link OpenTelemetryCallbackHandler}. All optional. */
export interface LangChainInstrumentationOptions extends ContentOptions {
  /**
   * Provider to create spans with.
   * @defaultValue the global provider (`trace.getTracerProvider()`), looked up when each span starts
   */
  tracerProvider?: TracerProvider;
  /**
   * Provider for the GenAI client metrics (`gen_ai.client.token.usage`,
   * `gen_ai.client.operation.duration`, `gen_ai.client.operation.time_to_first_chunk`), recorded for
   * every chat and LLM run.
   * @defaultValue the global provider (`metrics.getMeterProvider()`), a no-op until an SDK is registered
   */
  meterProvider?: MeterProvider;
  /**
   * Most runs kept open at once. When exceeded, the oldest open run's span is ended, marked
   * `genai_otel.incomplete`, and counted (reported through `diag`). Guards against runs that never
   * get an end callback (a stream broken off early, a crashed graph).
   * @defaultValue 10000
   */
  maxOpenRuns?: number;
  /**
   * Longest a run may stay open, in ms, before it is swept (ended, marked incomplete, counted).
   * Checked when new runs start; no timers are created.
   * @defaultValue 3600000 (1 hour)
   */
  runTtlMs?: number;
  /**
   * Make each run's span the active context for the work the run does, so spans created inside it
   * (HTTP client spans from the OpenTelemetry http/undici instrumentations, manual spans) nest under
   * the tool, RunnableLambda, LangGraph node or chat model span that made them. Installs process-wide
   * patches on `@langchain/core` (undone by `shutdown()`), inert for calls without this handler.
   * Env: `GENAI_OTEL_LANGCHAIN_PROPAGATE_CONTEXT` (`true`/`1`/`yes` or `false`/`0`/`no`), read when this
   * option is not given. Needs a registered OpenTelemetry context manager (AsyncLocalStorage, absent
   * from Workers without `nodejs_compat` and from Vercel Edge): without one a `diag.warn` says so
   * and runs are traced as without this option.
   * @defaultValue false
   */
  propagateContext?: boolean;
  /**
   * Record the user tags and metadata of each run (`config.tags` / `config.metadata`, minus
   * LangChain's and LangGraph's own) as `genai_otel.tags` / `genai_otel.metadata.<key>` on its span.
   * The conversation (`metadata.conversation_id` / `session_id` / `thread_id`, LangGraph's
   * `configurable.thread_id`) and user (`metadata.user_id`) are read either way, and a
   * `withTraceAttributes` scope is recorded either way.
   * Env: `GENAI_OTEL_LANGCHAIN_RECORD_METADATA=false` turns it off, read when this option is not given.
   * @defaultValue true
   */
  recordMetadata?: boolean;
}
