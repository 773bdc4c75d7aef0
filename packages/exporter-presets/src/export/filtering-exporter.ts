import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

/**
 * Passes on only the spans a destination's `spans` filter keeps (for `createExporter`; within
 * `setupTracing` the destination's span processor filters before its queue instead).
 */
export class FilteringSpanExporter implements SpanExporter {
  /**
   * @param inner - the exporter that sends the kept spans.
   * @param keep - the filter (never throws: see `resolveDestinationOptions`).
   */
  constructor(
    private readonly inner: SpanExporter,
    private readonly keep: (span: ReadableSpan) => boolean,
  ) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    const kept = spans.filter(this.keep);
    if (kept.length === 0) resultCallback({ code: ExportResultCode.SUCCESS });
    else this.inner.export(kept, resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
