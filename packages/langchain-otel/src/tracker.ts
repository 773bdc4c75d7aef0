import { type Attributes, type SpanKind, context, diag, trace } from "@opentelemetry/api";
import { type ContentMask, type ContentPolicy, recordSpanError } from "@genai-otel/core-semconv";
import { AdapterTelemetry } from "@genai-otel/core-semconv/internal";
import { name as SCOPE_NAME, version as SCOPE_VERSION } from "../package.json";
import type { LangChainInstrumentationOptions } from "./options";
import { type RunEntry, RunRegistry, contextOf } from "./run-registry";

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
  /** Record GenAI client metrics for this run when it ends (inference runs). */
  recordMetrics?: boolean;
  /** Run name of a LangGraph graph run (so a later node can mark it as an agent). */
  graphName?: string;
  /** Hidden runs (LangGraph's `__start__`, tagged `langsmith:hidden`) get no span; children attach to the parent. */
  hidden?: boolean;
}

/**
 * The state behind the handler: resolved options, the content policy, and the registry of open runs.
 * Shared by every copy LangChain makes of a handler, so spans opened through one copy are ended
 * through another.
 */
export class RunTracker extends AdapterTelemetry {
  readonly registry: RunRegistry;

  constructor(options: LangChainInstrumentationOptions) {
    super({ name: SCOPE_NAME, version: SCOPE_VERSION }, options);
    this.registry = new RunRegistry(options.maxOpenRuns ?? 10_000, options.runTtlMs ?? 3_600_000);
  }

  /**
   * Opens a span for a run: parent = the parent run's span, else the active context. A duplicate
   * start is ignored.
   */
  start(runId: string, parentRunId: string | undefined, run: RunStart): RunEntry | undefined {
    if (this.registry.has(runId)) return undefined;
    const parent = this.registry.get(parentRunId);
    const parentCtx = parent ? contextOf(parent) : context.active();
    const entry: RunEntry = {
      parentCtx,
      rootId: parent ? parent.rootId : runId,
      root: parent ? (parent.root ?? parent) : undefined,
      openInTree: 0,
      startedAt: performance.now(),
    };
    const mask = maskFrom(run.metadata);
    if (mask) entry.mask = mask;
    if (run.graphName !== undefined) entry.graph = { name: run.graphName, isAgent: false };
    if (run.recordMetrics) entry.metricAttributes = run.attributes;
    if (!run.hidden) {
      entry.span = this.tracer().startSpan(run.name, { kind: run.kind, attributes: run.attributes }, parentCtx);
    }
    this.registry.add(runId, entry);
    return entry;
  }

  /**
   * Ends a run's span with the attributes `finish` computes (given the entry, for its mask and timing)
   * and the error, if any. An unknown run id (a duplicate or stray end) is ignored. When a root run
   * ends, runs of its tree still open (a stream broken off) are ended too, marked incomplete.
   */
  end(runId: string, finish?: (entry: RunEntry) => Attributes | undefined, error?: unknown): void {
    const entry = this.registry.take(runId);
    if (!entry) return;
    const span = entry.span;
    if (span) {
      let attrs: Attributes | undefined;
      try {
        attrs = finish?.(entry);
        if (attrs) span.setAttributes(attrs);
      } catch (err) {
        diag.warn("genai-otel: could not describe a LangChain run end", err);
      }
      if (error !== undefined) recordSpanError(span, error);
      span.end();
      if (entry.metricAttributes && this.metrics.enabled) {
        const durationS = (performance.now() - entry.startedAt) / 1000;
        this.metrics.recordFromSpan(attrs ? { ...entry.metricAttributes, ...attrs } : entry.metricAttributes, durationS, error);
      }
    }
    if (entry.root === undefined) this.registry.endTree(runId, entry);
  }

  /**
   * Records a run's content where the content policy says (span attributes and/or event), masked by
   * the run's metadata. `describe` runs only when capture is on, so nothing is built otherwise.
   */
  emitContent(entry: RunEntry | undefined, describe: (policy: ContentPolicy, mask: ContentMask | undefined) => Attributes): void {
    if (!this.policy.enabled || !entry?.span) return;
    this.policy.emit(entry.span, describe(this.policy, entry.mask));
  }

  /**
   * Turns a graph run's span into an `invoke_agent` span (renamed, agent attributes added), once.
   * Called when one of its nodes shows it is an agent; samplers saw the original name.
   */
  markAgent(runId: string | undefined, rename: (graphName: string) => { name: string; attributes: Attributes }): void {
    const entry = this.registry.get(runId);
    if (!entry?.graph || entry.graph.isAgent || !entry.span) return;
    entry.graph.isAgent = true;
    const { name, attributes } = rename(entry.graph.name);
    entry.span.updateName(name);
    entry.span.setAttributes(attributes);
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
