import type { TracerProvider } from "@opentelemetry/api";
import type { ContentOptions } from "@genai-otel/core-semconv";

/**
 * Options of {@link instrumentLlamaIndex}. All optional.
 *
 * Inherited from `ContentOptions`:
 * - `captureContent`: record prompts, completions, retrieval queries and retrieved documents
 *   (`true` = `SPAN_ONLY`, `false` = `NO_CONTENT`, or a `ContentCaptureMode`). Env:
 *   `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`, read when the option is not given.
 *   Default `"NO_CONTENT"`: content is never even serialised.
 * - `maxContentLength`: longest text kept for one string inside a content attribute, in
 *   characters. Default 100000.
 */
export interface LlamaIndexInstrumentationOptions extends ContentOptions {
  /**
   * Provider to create spans with.
   * @defaultValue the global provider (`trace.getTracerProvider()`), looked up when each span starts
   */
  tracerProvider?: TracerProvider;
}

/** What {@link instrumentLlamaIndex} returns. */
export interface LlamaIndexInstrumentation {
  /**
   * Removes every patch and stops tracing. Objects built while instrumented keep a pass-through
   * (LlamaIndex binds some methods per instance), which creates no span once this was called.
   * Idempotent.
   */
  uninstrument(): void;
}
