import { diag } from "@opentelemetry/api";
import { patchEmbeddings } from "./patches/embeddings";
import { patchFrameworkSteps } from "./patches/framework-steps";
import { patchRetrievers } from "./patches/retrieval";
import { Patcher } from "./patcher";
import { patchProviders } from "./providers";
import { Telemetry, setActiveTelemetry } from "./telemetry";
import type { LlamaIndexInstrumentation, LlamaIndexInstrumentationOptions } from "./types";

/** Each installs one family of patches; one failing leaves the others in place. */
const PATCHES: ReadonlyArray<(patcher: Patcher) => void> = [patchFrameworkSteps, patchRetrievers, patchEmbeddings, patchProviders];

let current: LlamaIndexInstrumentation | undefined;

/**
 * Traces LlamaIndex.TS: query engines (`query`), synthesizers (`synthesize`), retrievers
 * (`retrieval {index id}`), embedding models (`embeddings {model}`) and LLM calls
 * (`chat {model}`, for `@llamaindex/openai`'s `OpenAI`), as OpenTelemetry spans that follow the
 * GenAI semantic conventions and nest as the calls do. Streamed responses keep their spans open
 * until the stream is consumed or broken off.
 *
 * Call it once, before building LLMs, embedding models, indexes and engines: LlamaIndex binds some
 * methods to each object when it is constructed, so objects built earlier are not (fully) traced.
 * Spans go to `options.tracerProvider`, else the global tracer provider; set up an SDK (or
 * `setupTracing` from `@genai-otel/exporter-presets`) to export them.
 *
 * @example
 * ```ts
 * const instrumentation = instrumentLlamaIndex();
 * Settings.llm = new OpenAI({ model: "gpt-4o-mini" });
 * const index = await VectorStoreIndex.fromDocuments(documents);
 * await index.asQueryEngine().query({ query: "What is it about?" });
 * instrumentation.uninstrument(); // when tracing should stop
 * ```
 *
 * @returns a handle whose `uninstrument()` removes every patch. Calling `instrumentLlamaIndex`
 *   again while instrumented returns the same handle (options of the second call are ignored).
 */
export function instrumentLlamaIndex(options: LlamaIndexInstrumentationOptions = {}): LlamaIndexInstrumentation {
  if (current) {
    diag.warn("genai-otel llamaindex: instrumentLlamaIndex() called twice; the first call's options stay in force");
    return current;
  }
  const patcher = new Patcher();
  try {
    setActiveTelemetry(new Telemetry(options));
  } catch (err) {
    diag.error("genai-otel llamaindex: could not read the options; LlamaIndex runs untraced", err);
    return { uninstrument() {} };
  }
  for (const patch of PATCHES) {
    try {
      patch(patcher);
    } catch (err) {
      diag.warn(`genai-otel llamaindex: ${patch.name} failed; those calls run untraced`, err);
    }
  }
  const handle: LlamaIndexInstrumentation = {
    uninstrument() {
      if (current !== handle) return;
      current = undefined;
      setActiveTelemetry(undefined);
      patcher.restore();
    },
  };
  current = handle;
  return handle;
}
