import { type Attributes, type Link, type SpanContext, type SpanKind, context, diag, trace } from "@opentelemetry/api";
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GENAI_OTEL_HANDOFF_GOTO,
  ATTR_GENAI_OTEL_HANDOFF_UPDATE,
  ATTR_GENAI_OTEL_INTERRUPT_ID,
  ATTR_GENAI_OTEL_INTERRUPT_VALUE,
  ATTR_GENAI_OTEL_OUTCOME,
  ATTR_GENAI_OTEL_OUTCOME_REASON,
  type ContentMask,
  type ContentPolicy,
  EVENT_GENAI_OTEL_HANDOFF,
  EVENT_GENAI_OTEL_INTERRUPT,
  type PromptReference,
  activeTraceContext,
} from "@genai-otel/core-semconv";
import {
  AdapterTelemetry,
  addTraceAttributes,
  finishSpan,
  mergeTraceContext,
  promptContentAttributes,
  resolveSetting,
} from "@genai-otel/core-semconv/internal";
import { LANGCHAIN_SETTINGS } from "./settings";
import { settleAttributes } from "./agents";
import type { ControlFlow } from "./control-flow";
import { name as SCOPE_NAME, version as SCOPE_VERSION } from "../package.json";
import type { LangChainInstrumentationOptions } from "./options";
import { type RunEntry, RunRegistry, contextOf } from "./run-registry";
import { runTraceAttributes } from "./run-trace-context";

const TRACKER = Symbol.for("genai-otel.langchain.tracker");

/** The tracker behind one of our handlers (any copy, any module instance), else undefined. */
export function trackerOf(handler: unknown): RunTracker | undefined {
  const t = (handler as { [TRACKER]?: RunTracker } | null | undefined)?.[TRACKER];
  return typeof t?.registry?.get === "function" ? t : undefined;
}

/** Attaches a tracker to a handler so {@link trackerOf} finds it. */
export function attachTracker(handler: object, tracker: RunTracker): void {
  Object.defineProperty(handler, TRACKER, { value: tracker, enumerable: false });
}

/** What starting a run needs besides its ids. */
export interface RunStart {
  name: string;
  kind: SpanKind;
  attributes: Attributes;
  metadata?: Record<string, unknown>;
  /** The run's tags (user tags go on the span; LangChain's own are left out). */
  tags?: readonly string[];
  /**
   * An inference run: its span records the GenAI client metrics when it ends (`AdapterTelemetry.metered`),
   * and its start attributes are kept on the entry (provider and model, for the agent totals).
   */
  recordMetrics?: boolean;
  /** Run name of a LangGraph graph run (so a later node can mark it as an agent). */
  graphName?: string;
  /** Hidden runs (LangGraph's `__start__`, tagged `langsmith:hidden`) get no span; children attach to the parent. */
  hidden?: boolean;
  /** Span links (a resumed run's link to the run it resumes). */
  links?: Link[];
  /** An `invoke_agent` run: inference runs below it add their models and usage to it. */
  agent?: boolean;
  /** On a root run: the LangGraph thread (`thread_id`) it runs on, to link a later resume to it. */
  threadId?: string;
}

/** Interrupted threads remembered for linking their resume, at most (oldest forgotten first). */
const MAX_INTERRUPTED_THREADS = 1000;

/**
 * The state behind the handler: resolved options, the content policy, and the registry of open runs.
 * Shared by every copy LangChain makes of a handler, so spans opened through one copy are ended
 * through another.
 */
export class RunTracker extends AdapterTelemetry {
  readonly registry: RunRegistry;
  /**
   * This handler's `propagateContext`: the process-wide patches (installed once any handler asks)
   * make spans of this tracker's runs active only when it is true.
   */
  propagate = false;
  /** Set by the handler's `shutdown()`: no run starts a span any more. */
  closed = false;
  /** Root span of the last interrupted run per LangGraph thread id, bounded, insertion-ordered. */
  private readonly interruptedThreads = new Map<string, SpanContext>();
  /** Record run tags and metadata (option > `GENAI_OTEL_LANGCHAIN_RECORD_METADATA` > true). */
  readonly recordMetadata: boolean;

  constructor(options: LangChainInstrumentationOptions) {
    super({ name: SCOPE_NAME, version: SCOPE_VERSION }, options);
    this.recordMetadata = resolveSetting(LANGCHAIN_SETTINGS.recordMetadata, options.recordMetadata);
    this.registry = new RunRegistry(
      resolveSetting(LANGCHAIN_SETTINGS.maxOpenRuns, options.maxOpenRuns),
      resolveSetting(LANGCHAIN_SETTINGS.runTtlMs, options.runTtlMs),
    );
  }

  /**
   * Opens a span for a run: parent = the parent run's span, else the active context. A duplicate
   * start is ignored. The span carries the run's trace context: the `withTraceAttributes` scope
   * active at start (else the parent run's), merged with the run's tags and metadata (run wins).
   */
  start(runId: string, parentRunId: string | undefined, run: RunStart): RunEntry | undefined {
    if (this.closed || this.registry.has(runId)) return undefined;
    const parent = this.registry.get(parentRunId);
    const active = context.active();
    const parentCtx = parent ? contextOf(parent) : active;
    const entry: RunEntry = {
      parentCtx,
      rootId: parent ? parent.rootId : runId,
      root: parent ? (parent.root ?? parent) : undefined,
      openInTree: 0,
      startedAt: performance.now(),
    };
    const mask = maskFrom(run.metadata);
    if (mask) entry.mask = mask;
    if (parent) entry.parent = parent;
    if (run.graphName !== undefined) entry.graph = { name: run.graphName, isAgent: run.agent === true };
    if (run.agent) entry.agent = {};
    if (run.recordMetrics) entry.startAttributes = run.attributes;
    if (run.threadId !== undefined && !parent) entry.threadId = run.threadId;
    this.resolveTrace(entry, parent, activeTraceContext(active), run);
    if (!run.hidden) {
      const span = this.tracer().startSpan(run.name, { kind: run.kind, attributes: run.attributes, links: run.links }, parentCtx);
      entry.span = run.recordMetrics ? this.metered(span, run.attributes) : span;
    }
    this.registry.add(runId, entry);
    return entry;
  }

  /** Sets `entry.scope` / `entry.trace` and adds the trace context to the run's start attributes. */
  private resolveTrace(entry: RunEntry, parent: RunEntry | undefined, scope: RunEntry["scope"], run: RunStart): void {
    entry.scope = scope;
    let trace = parent === undefined ? scope : parent.scope === scope ? parent.trace : mergeTraceContext(parent.trace, scope);
    if (run.tags !== undefined || run.metadata !== undefined) {
      const own = runTraceAttributes(run.tags, run.metadata, this.recordMetadata);
      if (own !== undefined) trace = mergeTraceContext(trace, own);
    }
    entry.trace = trace;
    if (trace !== undefined) addTraceAttributes(run.attributes, trace, run.attributes[ATTR_GEN_AI_OPERATION_NAME] as string | undefined);
  }

  /**
   * The prompt content of a model run (capture on, input not masked): the template and variables of
   * a prompt template run earlier under the same parent, over those of the `withTraceAttributes` scope.
   */
  promptContent(entry: RunEntry | undefined, parentRunId: string | undefined, mask: ContentMask | undefined): Attributes | undefined {
    if (!this.policy.enabled || !entry || mask?.input) return undefined;
    const fromRun = this.registry.get(parentRunId)?.prompt;
    const fromScope = entry.trace?.prompt;
    if (!fromRun && !fromScope) return undefined;
    const prompt: PromptReference | undefined = fromRun && fromScope ? { ...fromScope, ...fromRun } : (fromRun ?? fromScope);
    return promptContentAttributes(this.policy, prompt);
  }

  /** Remembers a prompt template run's prompt on its parent (for {@link emitPrompt}) and records it on its own span. */
  notePrompt(entry: RunEntry | undefined, parentRunId: string | undefined, prompt: PromptReference): void {
    if (!entry) return;
    const parent = this.registry.get(parentRunId);
    if (parent) parent.prompt = prompt;
    if (entry.span && !entry.mask?.input) this.policy.emit(entry.span, promptContentAttributes(this.policy, prompt));
  }

  /**
   * Ends a run's span with the attributes `finish` computes (given the entry, for its mask and timing)
   * and the error, if any, through core-semconv's `finishSpan` (which records the error; an inference
   * run's span records its metrics as it ends). An unknown run id (a duplicate or stray end) is ignored.
   * When a root run ends, runs of its tree still open (a stream broken off) are ended too, marked
   * incomplete, or with the `leftover` attributes when given (a cancelled tree).
   */
  end(runId: string, finish?: (entry: RunEntry) => Attributes | undefined, error?: unknown, leftover?: Attributes): void {
    const entry = this.registry.take(runId);
    if (!entry) return;
    const span = entry.span;
    if (span) {
      try {
        const attrs = finish?.(entry);
        if (attrs) span.setAttributes(attrs);
        if (entry.agent || entry.graph) {
          const settled = settleAttributes(entry);
          if (settled) span.setAttributes(settled);
        }
      } catch (err) {
        diag.warn("genai-otel: could not describe a LangChain run end", err);
      }
      if (entry.root === undefined && entry.interrupted) this.rememberInterrupt(entry);
      finishSpan(span, error === undefined ? "done" : { error });
    }
    if (entry.root === undefined) this.registry.endTree(runId, entry, leftover);
  }

  /**
   * Ends a run that stopped by control flow (interrupted, handed to the parent graph, cancelled):
   * no error status, an outcome attribute, and an event whose payload is content (capture on only).
   */
  endFlow(runId: string, flow: ControlFlow): void {
    const started = this.registry.get(runId);
    const outcome: Attributes = { [ATTR_GENAI_OTEL_OUTCOME]: flow.kind };
    if (flow.kind === "cancelled") outcome[ATTR_GENAI_OTEL_OUTCOME_REASON] = flow.reason;
    const leftover = flow.kind === "cancelled" ? outcome : undefined;
    this.end(runId, (entry) => {
      const span = entry.span;
      if (flow.kind === "interrupted") {
        (entry.root ?? entry).interrupted = true;
        const event: Attributes = { [ATTR_GENAI_OTEL_INTERRUPT_ID]: flow.ids };
        const value = this.policy.enabled ? this.policy.serialize(flow.values(), ATTR_GENAI_OTEL_INTERRUPT_VALUE) : undefined;
        if (value !== undefined) event[ATTR_GENAI_OTEL_INTERRUPT_VALUE] = value;
        span?.addEvent(EVENT_GENAI_OTEL_INTERRUPT, event);
      } else if (flow.kind === "handed_off") {
        const event: Attributes = { [ATTR_GENAI_OTEL_HANDOFF_GOTO]: flow.goto };
        const update = this.policy.enabled ? this.policy.serialize(flow.update(), ATTR_GENAI_OTEL_HANDOFF_UPDATE) : undefined;
        if (update !== undefined) event[ATTR_GENAI_OTEL_HANDOFF_UPDATE] = update;
        span?.addEvent(EVENT_GENAI_OTEL_HANDOFF, event);
      }
      return outcome;
    }, undefined, leftover);
    // LangGraph aborts the whole graph, but its root run may get no end at all (a caller's signal, a
    // `messages` stream broken off): a cancelled run under a root graph ends that graph, and with it
    // the runs of its tree still open (as cancelled too).
    if (flow.kind === "cancelled" && started?.root?.graph && this.registry.get(started.rootId) === started.root) this.endFlow(started.rootId, flow);
  }

  /** The root span of the last interrupted run on a LangGraph thread, forgotten once taken (a resume links to it). */
  takeInterrupted(threadId: string | undefined): SpanContext | undefined {
    if (threadId === undefined) return undefined;
    const found = this.interruptedThreads.get(threadId);
    if (found) this.interruptedThreads.delete(threadId);
    return found;
  }

  /** On an interrupted root's end: marks it, and remembers its span for the thread's resume. */
  private rememberInterrupt(entry: RunEntry): void {
    const span = entry.span;
    if (!span) return;
    span.setAttribute(ATTR_GENAI_OTEL_OUTCOME, "interrupted");
    if (entry.threadId === undefined) return;
    this.interruptedThreads.delete(entry.threadId);
    this.interruptedThreads.set(entry.threadId, span.spanContext());
    if (this.interruptedThreads.size > MAX_INTERRUPTED_THREADS) {
      const oldest = this.interruptedThreads.keys().next().value;
      if (oldest !== undefined) this.interruptedThreads.delete(oldest);
    }
  }

  /**
   * Records a run's content where the content policy says (span attributes and/or event), masked by
   * the run's metadata. `describe` runs only when capture is on, so nothing is built otherwise.
   */
  emitContent(entry: RunEntry | undefined, describe: (policy: ContentPolicy, mask: ContentMask | undefined) => Attributes): void {
    if (!this.policy.enabled || !entry?.span) return;
    this.policy.emit(entry.span, describe(this.policy, entry.mask));
  }

  /** Remembers, on the run's root, the descriptions of tools offered to a model in this tree. */
  noteToolDescriptions(entry: RunEntry | undefined, tools: readonly { name: string; description?: string }[] | undefined): void {
    if (!entry || !tools?.length) return;
    const root = this.registry.get(entry.rootId);
    if (!root) return;
    root.toolDescriptions ??= new Map();
    for (const t of tools) if (t.description) root.toolDescriptions.set(t.name, t.description);
  }

  /** The description of a tool offered to a model earlier in the same tree, if any. */
  toolDescription(parentRunId: string | undefined, name: string): string | undefined {
    const parent = this.registry.get(parentRunId);
    return parent ? this.registry.get(parent.rootId)?.toolDescriptions?.get(name) : undefined;
  }

  /** Adds an event to a run's span (or its nearest spanned ancestor, for hidden runs). */
  event(runId: string, name: string, attributes?: Attributes): void {
    const entry = this.registry.get(runId);
    const span = entry?.span ?? (entry ? trace.getSpan(entry.parentCtx) : undefined);
    span?.addEvent(name, attributes);
  }
}

function maskFrom(metadata: Record<string, unknown> | undefined): RunEntry["mask"] {
  if (!metadata) return undefined;
  const input = metadata.mask_input === true;
  const output = metadata.mask_output === true;
  return input || output ? { input, output } : undefined;
}
