import type { ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { ExportLedger } from "./export-report";

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
  private readonly ledger: ExportLedger;
  private handed = 0;

  /**
   * @param inner - the preset's exporter.
   * @param preset - its name, for reports.
   * @param secrets - values that must never appear in a report (see `secretsOf`).
   */
  constructor(
    private readonly inner: SpanExporter,
    readonly preset: string,
    secrets: readonly string[] = [],
  ) {
    this.ledger = new ExportLedger(preset, secrets, "span(s)", "export");
  }

  /** Spans handed to this exporter so far (read on every span end, so kept cheap). */
  get handedOver(): number {
    return this.handed;
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
    const { exported, failed, failedExports, lastError } = this.ledger.counts();
    return { handedOver: this.handed, exportedSpans: exported, failedSpans: failed, failedExports, ...(lastError === undefined ? {} : { lastError }) };
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.handed += spans.length;
    this.ledger.send(spans.length, (done) => this.inner.export(spans, done), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
