import type { ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { reportFailedExport, settleExport } from "./export-report";

/** Counters of one destination's exporter. */
export interface ExportCounts {
  /** Spans handed to the exporter. */
  readonly handedOver: number;
  /** Spans the destination accepted. */
  readonly exportedSpans: number;
  /** Spans whose export failed (refused, timed out, unreachable, …): lost. */
  readonly failedSpans: number;
  /** Export requests (batches) that failed. */
  readonly failedExports: number;
  /** The last failure's message, with secrets removed. */
  readonly lastError?: string;
}

/**
 * The outermost wrapper of a preset's exporter: counts what is exported and what fails, reports
 * each failed export through `diag.warn` (preset, span count, running total, reason), and replaces
 * the error handed back to the span processor by one whose message has the destination's secrets
 * removed, since the processor logs it too. Never throws into the caller.
 */
export class ReportingSpanExporter implements SpanExporter {
  private counts: { handedOver: number; exportedSpans: number; failedSpans: number; failedExports: number; lastError?: string } = {
    handedOver: 0,
    exportedSpans: 0,
    failedSpans: 0,
    failedExports: 0,
  };

  /**
   * @param inner - the preset's exporter.
   * @param preset - its name, for reports.
   * @param secrets - values that must never appear in a report (see `secretsOf`).
   */
  constructor(
    private readonly inner: SpanExporter,
    readonly preset: string,
    private readonly secrets: readonly string[] = [],
  ) {}

  /** Spans handed to this exporter so far (read on every span end, so kept cheap). */
  get handedOver(): number {
    return this.counts.handedOver;
  }

  /**
   * Tells the wrapped exporter that a span started, when it wants to know (a translating exporter
   * learns each trace's workflow name from its root). Never throws.
   */
  onSpanStart(span: ReadableSpan): void {
    const inner = this.inner as SpanExporter & { onSpanStart?: (span: ReadableSpan) => void };
    if (inner.onSpanStart !== undefined) inner.onSpanStart(span);
  }

  /** The counters so far. */
  stats(): ExportCounts {
    return { ...this.counts };
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.counts.handedOver += spans.length;
    settleExport(
      (done) => this.inner.export(spans, done),
      resultCallback,
      () => {
        this.counts.exportedSpans += spans.length;
      },
      (error) => this.failed(spans.length, error),
    );
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }

  private failed(count: number, error: unknown): Error {
    this.counts.failedSpans += count;
    this.counts.failedExports++;
    const report = reportFailedExport(error, this.secrets, {
      preset: this.preset,
      count,
      lost: this.counts.failedSpans,
      unit: "span(s)",
      signal: "export",
    });
    this.counts.lastError = report.reason;
    return report.error;
  }
}
