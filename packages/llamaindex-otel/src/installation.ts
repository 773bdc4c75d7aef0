import { endOpenStreams, openStreamCount } from "@genai-otel/core-semconv/internal";
import { getEventCaller } from "@llamaindex/core/global";
import { type Span, diag } from "@opentelemetry/api";
import { EventSpans } from "./events/event-spans";
import { OperationTracer } from "./operation-tracer";
import { Patcher } from "./patcher";
import type { LlamaIndexInstrumentationHandle, LlamaIndexInstrumentationOptions, LlamaIndexInstrumentationStats } from "./types";

/** A tool call LlamaIndex announced with `llm-tool-call` just before calling the tool. */
export interface AnnouncedToolCall {
  name?: unknown;
  id?: unknown;
}

/** The running installation (one per process at a time), or `undefined` when LlamaIndex is not instrumented. */
let active: LlamaIndexInstallation | undefined;

/**
 * The running installation, or `undefined` when LlamaIndex is not instrumented. Every installed
 * wrapper reads it on each call: a wrapper left behind after `uninstrument()` (someone patched on
 * top of it) passes straight through.
 */
export function activeInstallation(): LlamaIndexInstallation | undefined {
  return active;
}

/**
 * One instrumentation of LlamaIndex, from {@link instrumentLlamaIndex} (or `LlamaIndexInstrumentation`)
 * to its `uninstrument()`: everything it installed and everything it holds. It is the handle
 * `instrumentLlamaIndex` returns; no other module keeps state of its own.
 */
export class LlamaIndexInstallation implements LlamaIndexInstrumentationHandle {
  /** Content policy, tracer and metrics resolved from the options; starts and ends the spans. */
  readonly tracing: OperationTracer;
  /** Every patch installed (on classes, `Settings`, the objects met), undone by `uninstrument()`. */
  readonly patcher = new Patcher();
  /** Chat spans made from LlamaIndex's LLM events, shared by every copy of `CallbackManager` patched. */
  readonly eventSpans: EventSpans;
  /** OpenAI SDK `chat.completions` classes whose `create` is watched for failures (`providers/chat-failures.ts`). */
  readonly watchedChatClients = new WeakSet<object>();
  /** Embedding models whose SDK client is watched for token usage (`providers/embedding-usage.ts`). */
  readonly watchedEmbeddingModels = new WeakSet<object>();
  /** Spans of workflow agent runs, which a failing step ends (`patches/workflow-agents.ts`). */
  readonly runSpans = new WeakSet<Span>();
  /** Wrappers installed on `getTextEmbeddings` as constructors assign it (`patches/embeddings.ts`). */
  readonly batchWrappers = new WeakSet<object>();
  /** The tool call the last `llm-tool-call` event announced, until the next microtask (`patches/tools.ts`). */
  announcedToolCall: AnnouncedToolCall | undefined;
  /** Settles once the optional packages loaded in the background are patched (see the handle's `ready`). */
  ready: Promise<void> = Promise.resolve();
  /** Objects already instrumented on meeting them (LLMs, embedding models, tools). */
  private readonly met = new WeakSet<object>();

  private constructor(options: LlamaIndexInstrumentationOptions) {
    this.tracing = new OperationTracer(options);
    this.eventSpans = new EventSpans(getEventCaller, this.tracing);
  }

  /**
   * Makes a new installation the running one and lets `install` patch LlamaIndex with it (the
   * patches find it through {@link activeInstallation}); if `install` throws, everything it did is undone.
   * @param install - installs the patches; returns what `ready` waits for
   * @returns the installation, or `undefined` when one is running already
   */
  static start(options: LlamaIndexInstrumentationOptions, install: (installation: LlamaIndexInstallation) => Promise<void>): LlamaIndexInstallation | undefined {
    if (active) return undefined;
    const installation = new LlamaIndexInstallation(options);
    active = installation;
    try {
      installation.ready = install(installation);
    } catch (err) {
      installation.uninstrument();
      throw err;
    }
    return installation;
  }

  /** True while this installation is the running one. */
  get running(): boolean {
    return active === this;
  }

  /**
   * Marks `target` as met.
   * @returns true when `target` is an object (or a callable object, as LlamaIndex's embedding
   *   models are) met for the first time
   */
  meetFirstTime(target: unknown): boolean {
    if (!isObjectLike(target) || this.met.has(target)) return false;
    this.met.add(target);
    return true;
  }

  /** See {@link LlamaIndexInstrumentationHandle.stats}. Never throws; works detached (`const { stats } = handle`). */
  readonly stats = (): LlamaIndexInstrumentationStats => ({ openEventSpans: this.eventSpans.openCount, openStreams: openStreamCount(this.tracing) });

  /**
   * Ends the spans of streams still being read and of LLM calls still waiting for their end event
   * (marked incomplete), then removes every patch. Idempotent; never throws; works detached.
   */
  readonly uninstrument = (): void => {
    if (active !== this) return;
    active = undefined;
    try {
      endOpenStreams(this.tracing);
      this.eventSpans.closeAll();
    } catch (err) {
      diag.warn("genai-otel: could not end the open spans on uninstrument", err);
    }
    this.patcher.restore();
  };
}

/**
 * Marks `target` as met by the running installation.
 * @returns the installation when `target` is an object met for the first time, else `undefined`
 */
export function meetFirstTime(target: unknown): LlamaIndexInstallation | undefined {
  return active?.meetFirstTime(target) ? active : undefined;
}

/**
 * True for an object or a function. LlamaIndex's embedding models (and every other
 * `TransformComponent`) are functions whose prototype is their class: `typeof` says "function".
 */
export function isObjectLike(value: unknown): value is object {
  return value != null && (typeof value === "object" || typeof value === "function");
}
