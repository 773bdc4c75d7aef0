import { diag } from "@opentelemetry/api";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { redact } from "./redact";

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
    let settled = false;
    const done = (result: ExportResult) => {
      if (settled) return;
      settled = true;
      if (result.code === ExportResultCode.SUCCESS) {
        this.counts.exportedSpans += spans.length;
        resultCallback(result);
        return;
      }
      const error = this.failed(spans.length, result.error);
      resultCallback({ code: ExportResultCode.FAILED, error });
    };
    try {
      this.inner.export(spans, done);
    } catch (error) {
      done({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
    }
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
    const reason = redact(describeError(error), this.secrets);
    this.counts.lastError = reason;
    diag.warn(
      `genai-otel: preset "${this.preset}" could not export ${count} span(s) (${this.counts.failedSpans} lost so far): ${reason}`,
    );
    return new Error(`genai-otel: preset "${this.preset}" export failed: ${reason}`);
  }
}

/** An export error as a one-line reason (message, plus its code when the message lacks it); may hold secrets. */
export function describeError(error: unknown): string {
  if (error === undefined || error === null) return "unknown error";
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return code === undefined || String(error.message).includes(String(code)) ? error.message : `${error.message} (${String(code)})`;
  }
  return String(error);
}
