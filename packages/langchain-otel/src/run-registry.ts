import { type Attributes, type Context, type Span, diag, trace } from "@opentelemetry/api";
import type { PromptReference, TraceContext } from "@genai-otel/core-semconv";
import { finishSpan, guard } from "@genai-otel/core-semconv/internal";

/** One open LangChain run. `span` is absent for hidden runs (their children attach to `ctx`). */
export interface RunEntry {
  span?: Span;
  /** Context this run started in (the parent run's, else the one active at start). */
  parentCtx: Context;
  /** Context children of this run start in: built on first use, since most runs have no children. */
  ctx?: Context;
  /** Run id of the outermost run of this tree. */
  rootId: string;
  /** The entry of the outermost run of this tree (undefined on that run itself). */
  root: RunEntry | undefined;
  /**
   * On a tree's outermost run: how many runs of the tree are open (itself included), so ending it
   * only scans the registry when something of its tree is still open. 0 on other runs.
   */
  openInTree: number;
  /** Start time, `performance.now()` ms (monotonic; for the TTL and time to first chunk). */
  startedAt: number;
  /** Set on the first streamed token of an LLM run (`performance.now()` ms). */
  firstChunkAt?: number;
  /** The provider's finish reason from a chat model stream's `message-finish` event. */
  streamFinishReason?: string;
  /** The parent run's entry (undefined on a root, or when the parent was not tracked). */
  parent?: RunEntry;
  /** For LangGraph graph runs: the run name, whether the graph was recognised as an agent, whether it is the tree's root. */
  graph?: { name: string; isAgent: boolean };
  /** On `invoke_agent` runs: the models and usage of the inference runs below, summed at their ends. */
  agent?: AgentTotals;
  /** For inference runs: the span's start attributes (provider and request model, for the agent totals). */
  startAttributes?: Attributes;
  /**
   * On a root run: descriptions of the tools its models were offered, by tool name, so the tool runs
   * that follow (LangChain passes them no description) can carry `gen_ai.tool.description`.
   */
  toolDescriptions?: Map<string, string>;
  /** On a root run: set when a run of its tree was interrupted (LangGraph `interrupt()`). */
  interrupted?: boolean;
  /** On a root run: its LangGraph thread id, when it has one. */
  threadId?: string;
  /** Content masking from run metadata. */
  mask?: { input?: boolean; output?: boolean };
  /** The `withTraceAttributes` scope active when the run started (compared, so children reuse {@link trace}). */
  scope?: TraceContext;
  /** The run's trace context: scope merged with its tags and metadata (run wins); stamped on its span. */
  trace?: TraceContext;
  /** A prompt template run's template and variables (capture on), for the next model run of the same parent. */
  prompt?: PromptReference;
  /** On a root run, with capture on: its inputs, recorded at its end as the root's input. */
  rootInput?: { value: unknown };
}

/** What an agent's inference runs add up to: usage, and the one provider/model serving it (if only one). */
export interface AgentTotals {
  inputTokens?: number;
  outputTokens?: number;
  cacheReadInputTokens?: number;
  cacheCreationInputTokens?: number;
  reasoningOutputTokens?: number;
  provider?: string;
  model?: string;
  /** True once a second provider or model served the agent. */
  mixed?: boolean;
}

/** The context children of a run start in: its span in its parent context (hidden runs: the parent's). */
export function contextOf(entry: RunEntry): Context {
  if (!entry.span) return entry.parentCtx;
  entry.ctx ??= trace.setSpan(entry.parentCtx, entry.span);
  return entry.ctx;
}

/**
 * Open runs by run id, bounded by a size cap and a time-to-live. A Map keeps insertion order, so
 * the oldest run is always first: capping and sweeping cost O(1) per start, with no timers.
 */
export class RunRegistry {
  private readonly runs = new Map<string, RunEntry>();
  /** Runs swept by the cap or the TTL since creation. */
  swept = 0;
  /** When the TTL was last checked (performance.now() ms): at most once a second (or once per TTL, if shorter). */
  private lastTtlCheck = 0;

  constructor(
    private readonly maxOpenRuns: number,
    private readonly ttlMs: number,
  ) {}

  get size(): number {
    return this.runs.size;
  }

  get(runId: string | undefined): RunEntry | undefined {
    return runId === undefined ? undefined : this.runs.get(runId);
  }

  has(runId: string): boolean {
    return this.runs.has(runId);
  }

  add(runId: string, entry: RunEntry): void {
    if (this.runs.has(runId)) return;
    this.runs.set(runId, entry);
    (entry.root ?? entry).openInTree++;
    if (this.runs.size > this.maxOpenRuns || entry.startedAt - this.lastTtlCheck >= Math.min(1000, this.ttlMs)) this.sweep(entry.startedAt);
  }

  /** Removes and returns a run (undefined when unknown, e.g. a duplicate end). */
  take(runId: string): RunEntry | undefined {
    const entry = this.runs.get(runId);
    if (entry) this.remove(runId, entry);
    return entry;
  }

  /**
   * Ends every open run of a tree (runs that never got an end callback), marked incomplete (or with
   * `attributes` instead, e.g. a cancelled outcome). `root` is the tree's outermost run, already taken.
   */
  endTree(rootId: string, root: RunEntry, attributes?: Attributes): void {
    if (root.openInTree <= 0) return;
    for (const [id, entry] of this.runs) {
      if (entry.rootId !== rootId) continue;
      this.remove(id, entry);
      endIncomplete(entry, attributes);
      if (root.openInTree <= 0) break;
    }
  }

  /** Ends every open run, marked incomplete (used by shutdown). */
  endAll(): void {
    for (const entry of this.runs.values()) endIncomplete(entry);
    this.runs.clear();
  }

  private remove(runId: string, entry: RunEntry): void {
    this.runs.delete(runId);
    (entry.root ?? entry).openInTree--;
  }

  private sweep(now: number): void {
    this.lastTtlCheck = now;
    let n = 0;
    for (const [id, entry] of this.runs) {
      const over = this.runs.size > this.maxOpenRuns;
      const expired = now - entry.startedAt > this.ttlMs;
      if (!over && !expired) break;
      this.remove(id, entry);
      endIncomplete(entry);
      n++;
    }
    if (n > 0) {
      this.swept += n;
      diag.warn(`genai-otel: ended ${n} run(s) that got no end callback (cap ${this.maxOpenRuns}, ttl ${this.ttlMs} ms); ${this.swept} swept so far`);
    }
  }
}

/**
 * Ends the span of a run that got no end callback through core-semconv's `finishSpan`: marked
 * `genai_otel.incomplete`, or with `attributes` instead (a cancelled tree's outcome). Never throws.
 */
function endIncomplete(entry: RunEntry, attributes?: Attributes): void {
  const span = entry.span;
  if (!span) return;
  if (attributes) guard("describing a cancelled run", () => span.setAttributes(attributes));
  finishSpan(span, attributes ? "done" : "incomplete");
}
