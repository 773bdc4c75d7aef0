import { diag } from "@opentelemetry/api";
import { type CoreCopy, OWN_CORE, coreOfLlamaIndex, isOtherCopy } from "./core-copy";
import { patchCallbackManager } from "./events/callback-manager";
import { LlamaIndexInstallation, activeInstallation } from "./installation";
import { loadPeer } from "./load-peer";
import { patchLegacyAgents } from "./patches/agents";
import { patchChatEngines } from "./patches/chat-engines";
import { patchEmbeddings } from "./patches/embeddings";
import { patchFrameworkSteps } from "./patches/framework-steps";
import { patchRetrievers } from "./patches/retrieval";
import { patchSettings } from "./patches/settings";
import { patchTools } from "./patches/tools";
import { patchWorkflowAgents } from "./patches/workflow-agents";
import type { LlamaIndexInstrumentationHandle, LlamaIndexInstrumentationOptions } from "./types";

/** Each installs one family of patches on one copy of `@llamaindex/core`; one failing leaves the others in place. */
const PATCHES: ReadonlyArray<(installation: LlamaIndexInstallation, core: CoreCopy) => void> = [
  patchFrameworkSteps,
  patchRetrievers,
  patchEmbeddings,
  patchSettings,
  patchChatEngines,
  patchLegacyAgents,
  patchTools,
  patchCallbackManager,
];

/**
 * Starts an installation with `options` and installs every patch, unless one is running.
 * @returns the new installation, or `undefined` when one was running (reported through `diag`)
 */
export function startInstallation(options: LlamaIndexInstrumentationOptions): LlamaIndexInstallation | undefined {
  const installation = LlamaIndexInstallation.start(options, (installation) => {
    patchCore(installation, OWN_CORE);
    return Promise.all([
      loadPeer("@llamaindex/workflow", (mod) => patchWorkflowAgents(mod, installation)),
      loadPeer("llamaindex", (mod) => patchLlamaIndexCore(mod, installation)),
    ]).then(() => {});
  });
  if (!installation) diag.warn("genai-otel: LlamaIndex is already instrumented; the first instrumentation's options stay in force");
  return installation;
}

function patchCore(installation: LlamaIndexInstallation, core: CoreCopy): void {
  for (const patch of PATCHES) {
    try {
      patch(installation, core);
    } catch (err) {
      diag.warn(`genai-otel: ${patch.name} failed; those calls run untraced`, err);
    }
  }
}

/**
 * Patches the copy of `@llamaindex/core` that `llamaindex` runs on, when it is not the one this
 * package imports (two copies installed side by side): its query engines, retrievers, synthesizers
 * and `Settings` would otherwise never be traced.
 */
function patchLlamaIndexCore(mod: Record<string, unknown>, installation: LlamaIndexInstallation): void {
  const copy = coreOfLlamaIndex(mod);
  if (!isOtherCopy(copy)) return;
  diag.warn(
    "genai-otel: two copies of @llamaindex/core are loaded: llamaindex runs on another copy than the one beside " +
      "@genai-otel/llamaindex-otel (e.g. llamaindex 0.12.1 pins core 0.6.22 while @llamaindex/openai 0.4.23 and " +
      "@llamaindex/workflow 1.1.25 pin 0.6.23). Both copies are instrumented. LlamaIndex itself may misbehave across copies " +
      '(Settings set on one are not seen by the other, "Cannot find LLM"): align the versions so that one copy is installed.',
  );
  patchCore(installation, copy);
}

/**
 * Traces LlamaIndex.TS as OpenTelemetry spans that follow the GenAI semantic conventions and nest
 * as the calls do: query engines (`query`), retrievers (`retrieval {retriever}`), synthesizers
 * (`synthesize`), embedding models (`embeddings {model}`), LLM calls (`chat {model}`, any LLM
 * class), chat engines (`chat_engine`), workflow agents (`invoke_agent {name}`, `agent_step`,
 * `execute_tool {tool}`) and legacy agents. Streamed responses keep their spans open until the
 * stream is consumed or broken off.
 *
 * Call it once, before building LLMs, indexes, engines and agents: LlamaIndex binds some methods
 * to each object when it is constructed. LLMs and embedding models are also reached when met later
 * (`Settings.llm`, a synthesizer's or agent's LLM); other objects built earlier can be handed to
 * `instrumentObject`. Works in ESM and CommonJS apps, without loader flags. Spans go to
 * `options.tracerProvider`, else the global tracer provider.
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
 * @param options - content capture, content length cap and tracer provider (see
 *   {@link LlamaIndexInstrumentationOptions}); all optional
 * @returns a handle whose `uninstrument()` removes every patch. Calling `instrumentLlamaIndex`
 *   again while instrumented returns the running handle (the second call's options are ignored,
 *   with a `diag` warning). Never throws.
 */
export function instrumentLlamaIndex(options: LlamaIndexInstrumentationOptions = {}): LlamaIndexInstrumentationHandle {
  const running = activeInstallation();
  if (running) {
    diag.warn("genai-otel: instrumentLlamaIndex() called twice; the first call's options stay in force");
    return running;
  }
  try {
    return startInstallation(options) ?? inactiveHandle();
  } catch (err) {
    diag.warn("genai-otel: could not instrument; LlamaIndex runs untraced", err);
    return inactiveHandle();
  }
}

/** The handle of an instrumentation that could not start: nothing to undo, nothing held. */
function inactiveHandle(): LlamaIndexInstrumentationHandle {
  return { uninstrument() {}, ready: Promise.resolve(), stats: () => ({ openEventSpans: 0, openStreams: 0 }) };
}
