import type { TracerProvider } from "@opentelemetry/api";
import type { ContentOptions } from "@genai-otel/core-semconv";

/** Options of {@link OpenTelemetryCallbackHandler}. All optional. */
export interface LangChainInstrumentationOptions extends ContentOptions {
  /**
   * Provider to create spans with.
   * @defaultValue the global provider (`trace.getTracerProvider()`), looked up when each span starts
   */
  tracerProvider?: TracerProvider;
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
}
