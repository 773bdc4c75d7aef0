import type { DestinationOptions } from "../destination-options";
import { diag } from "@opentelemetry/api";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import { formatSpanTree } from "@genai-otel/core-semconv";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { readEnv } from "../env";
import { isLocalRoot, toSpanTreeNode } from "./to-span-tree-node";

/** Options of the `console` preset. None has an environment variable except the colour switches. */
export interface ConsolePresetOptions extends DestinationOptions {
  /**
   * Colour the tree with ANSI escapes.
   * @defaultValue `false` if `NO_COLOR` is set, `true` if `FORCE_COLOR` is set (and not `0`), else
   *   whether standard output is a terminal (and `false` with a custom `write`).
   */
  color?: boolean;
  /** Extra attribute keys printed as `key=value` on each span line. @defaultValue [] */
  attributes?: readonly string[];
  /** Where the text goes (each call is one trace, ending in a newline). @defaultValue `process.stdout.write`, else `console.log` (Workers, Vercel Edge) */
  write?: (text: string) => void;
  /**
   * Traces buffered while waiting for their local root span to end; past this the oldest trace
   * is printed as incomplete. Bounds memory when root spans never end.
   * @defaultValue 256
   */
  maxTraces?: number;
  /** Spans kept per buffered trace; further ones are counted and reported, not kept. @defaultValue 1000 */
  maxSpansPerTrace?: number;
}

interface PendingTrace {
  spans: ReadableSpan[];
  dropped: number;
}

const RECENT_TRACES = 1024;

/**
 * A SpanExporter that prints each trace as a tree (see `formatSpanTree` in `@genai-otel/core-semconv`)
 * when its local root span ends: spans of a trace are buffered until then, within bounded memory.
 * Spans still buffered are printed, marked incomplete, on `forceFlush`/`shutdown` or when evicted.
 * Use it with a SimpleSpanProcessor. Printing never throws into the app: a failing `write` is
 * reported via `diag`.
 */
export class ConsoleTreeExporter implements SpanExporter {
  private readonly pending = new Map<string, PendingTrace>();
  private readonly recent = new Set<string>();
  private readonly write: (text: string) => void;
  private readonly color: boolean;
  private readonly attributes: readonly string[];
  private readonly maxTraces: number;
  private readonly maxSpansPerTrace: number;
  private stopped = false;

  /** @param options - see {@link ConsolePresetOptions}. */
  constructor(options: ConsolePresetOptions = {}) {
    this.write = options.write ?? stdoutWriter();
    this.color = options.color ?? defaultColor(options.write === undefined);
    this.attributes = options.attributes ?? [];
    this.maxTraces = positive(options.maxTraces, 256);
    this.maxSpansPerTrace = positive(options.maxSpansPerTrace, 1000);
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.stopped) {
      resultCallback({ code: ExportResultCode.FAILED, error: new Error("ConsoleTreeExporter is shut down") });
      return;
    }
    for (const span of spans) {
      try {
        this.add(span);
      } catch (error) {
        diag.warn("genai-otel: console preset could not handle a span", error);
      }
    }
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  forceFlush(): Promise<void> {
    for (const traceId of [...this.pending.keys()]) this.printPending(traceId, "incomplete: its root span has not ended");
    return Promise.resolve();
  }

  async shutdown(): Promise<void> {
    await this.forceFlush();
    this.stopped = true;
  }

  private add(span: ReadableSpan): void {
    const traceId = span.spanContext().traceId;
    if (isLocalRoot(span)) {
      const entry = this.take(traceId);
      entry.spans.push(span);
      this.print(entry);
      this.remember(traceId);
      return;
    }
    if (this.recent.has(traceId) && !this.pending.has(traceId)) {
      this.print({ spans: [span], dropped: 0 }, "ended after its trace was printed");
      return;
    }
    let entry = this.pending.get(traceId);
    if (entry === undefined) {
      if (this.pending.size >= this.maxTraces) {
        const oldest = this.pending.keys().next().value as string;
        this.printPending(oldest, "incomplete: evicted, too many traces waiting for their root span");
      }
      entry = { spans: [], dropped: 0 };
      this.pending.set(traceId, entry);
    }
    if (entry.spans.length < this.maxSpansPerTrace) entry.spans.push(span);
    else entry.dropped++;
  }

  private take(traceId: string): PendingTrace {
    const entry = this.pending.get(traceId) ?? { spans: [], dropped: 0 };
    this.pending.delete(traceId);
    return entry;
  }

  private printPending(traceId: string, note: string): void {
    this.print(this.take(traceId), note);
    this.remember(traceId);
  }

  private remember(traceId: string): void {
    this.recent.delete(traceId);
    this.recent.add(traceId);
    if (this.recent.size > RECENT_TRACES) this.recent.delete(this.recent.values().next().value as string);
  }

  private print(entry: PendingTrace, note?: string): void {
    if (entry.spans.length === 0 && entry.dropped === 0) return;
    let text = formatSpanTree(entry.spans.map(toSpanTreeNode), { color: this.color, attributes: this.attributes });
    if (entry.dropped > 0) text += `\n   … ${entry.dropped} more span(s) not kept (maxSpansPerTrace=${this.maxSpansPerTrace})`;
    if (note !== undefined) text += `\n   (${note})`;
    try {
      this.write(`${text}\n`);
    } catch (error) {
      diag.warn("genai-otel: console preset could not write a trace", error);
    }
  }
}

function defaultColor(toStdout: boolean): boolean {
  if (readEnv("NO_COLOR") !== undefined) return false;
  const force = readEnv("FORCE_COLOR");
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  return toStdout && stdout()?.isTTY === true;
}

/** `process.stdout` where there is one (Node, Bun, Deno); `undefined` on Workers and Vercel Edge. */
function stdout(): { write(text: string): unknown; isTTY?: boolean } | undefined {
  return typeof process === "undefined" ? undefined : process.stdout;
}

/** Writes to stdout, or through `console.log` where there is no `process.stdout` (Workers, Vercel Edge). */
function stdoutWriter(): (text: string) => void {
  const out = stdout();
  return out === undefined ? (text) => console.log(text.replace(/\n$/, "")) : (text) => void out.write(text);
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}
