import { type Context, diag, TraceFlags } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { MetricExportCounts } from "./reporting-metric-exporter";
import type { ExportCounts, ReportingSpanExporter } from "./reporting-exporter";

/** What happened to the spans sent to one destination (one preset) of `setupTracing`. */
export interface DestinationStats extends ExportCounts {
  /** The preset. */
  readonly preset: string;
  /** `batched` (a queue, exported in the background) or `immediate` (exported as each span ends). */
  readonly exportMode: "batched" | "immediate";
  /** Spans dropped because the export queue was full (`maxQueueSize`): the destination is too slow or down. */
  readonly droppedSpans: number;
  /** Spans waiting in the queue now. */
  readonly queuedSpans: number;
  /** What happened to its metrics, when the destination takes metrics (see `setupTracing`'s `metrics`). */
  readonly metrics?: MetricExportCounts;
}

/**
 * One destination's span processor (a BatchSpanProcessor or SimpleSpanProcessor around a
 * {@link ReportingSpanExporter}), with accounting: it counts the spans the batch processor drops
 * when its queue is full (the processor itself only logs them), reports the start and end of each
 * run of drops through `diag.warn`, and never lets a processor error reach the code ending a span.
 *
 * The queue length is the spans accepted minus the spans the processor has handed to the exporter,
 * which is exactly the batch processor's buffer: it hands a batch over in the same step as it
 * removes it from the buffer.
 */
export class DestinationSpanProcessor implements SpanProcessor {
  private accepted = 0;
  private dropped = 0;
  private droppedInRun = 0;
  private stopped = false;

  /**
   * @param inner - the batch or simple span processor.
   * @param exporter - the exporter `inner` exports to.
   * @param maxQueueSize - the batch processor's queue size; `undefined` for a simple processor.
   * @param filter - the destination's span filter (`spans` option); spans it rejects never reach the queue.
   */
  constructor(
    private readonly inner: SpanProcessor,
    private readonly exporter: ReportingSpanExporter,
    private readonly maxQueueSize: number | undefined,
    private readonly filter?: (span: ReadableSpan) => boolean,
  ) {}

  onStart(span: Span, parentContext: Context): void {
    try {
      if (this.filter === undefined || this.filter(span)) this.exporter.onSpanStart(span);
      this.inner.onStart(span, parentContext);
    } catch (error) {
      diag.warn(`genai-otel: preset "${this.exporter.preset}" span processor failed on span start`, error);
    }
  }

  onEnd(span: ReadableSpan): void {
    try {
      if (this.filter !== undefined && !this.filter(span)) return;
      if (this.maxQueueSize !== undefined && !this.stopped && (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0) {
        this.count();
      }
      this.inner.onEnd(span);
    } catch (error) {
      diag.warn(`genai-otel: preset "${this.exporter.preset}" span processor failed on span end`, error);
    }
  }

  /**
   * Exports what is queued. Resolves even when exports fail (each failure is already counted and
   * reported), so that one failing destination never cuts short the flush of the others.
   */
  async forceFlush(): Promise<void> {
    try {
      await this.inner.forceFlush();
    } catch (error) {
      diag.debug(`genai-otel: preset "${this.exporter.preset}" flush incomplete`, error);
    }
  }

  /**
   * Flushes, then shuts the exporter down, then reports what was lost. Resolves even when the
   * final exports fail; the batch processor skips the exporter's shutdown then, so this does it,
   * which also waits for exports still in flight.
   */
  async shutdown(): Promise<void> {
    this.stopped = true;
    try {
      await this.inner.shutdown();
    } catch (error) {
      diag.debug(`genai-otel: preset "${this.exporter.preset}" final flush incomplete`, error);
      await this.exporter.shutdown().catch((reason: unknown) => diag.debug(`genai-otel: preset "${this.exporter.preset}" exporter shutdown failed`, reason));
    } finally {
      this.summarize();
    }
  }

  /** The destination's counters. */
  stats(): DestinationStats {
    return {
      preset: this.exporter.preset,
      exportMode: this.maxQueueSize === undefined ? "immediate" : "batched",
      ...this.exporter.stats(),
      droppedSpans: this.dropped,
      queuedSpans: this.maxQueueSize === undefined ? 0 : Math.max(0, this.accepted - this.exporter.handedOver),
    };
  }

  private count(): void {
    const queued = this.accepted - this.exporter.handedOver;
    if (queued >= (this.maxQueueSize as number)) {
      this.dropped++;
      if (this.droppedInRun++ === 0) {
        diag.warn(
          `genai-otel: preset "${this.exporter.preset}" export queue is full (maxQueueSize=${this.maxQueueSize}); dropping spans until it drains.`,
        );
      }
      return;
    }
    this.accepted++;
    this.endRun();
  }

  private endRun(): void {
    if (this.droppedInRun === 0) return;
    diag.warn(
      `genai-otel: preset "${this.exporter.preset}" dropped ${this.droppedInRun} span(s) while its export queue was full (${this.dropped} in total).`,
    );
    this.droppedInRun = 0;
  }

  private summarize(): void {
    this.endRun();
    const { failedSpans } = this.exporter.stats();
    if (this.dropped > 0 || failedSpans > 0) {
      diag.warn(
        `genai-otel: preset "${this.exporter.preset}" lost ${this.dropped + failedSpans} span(s): ${this.dropped} dropped (queue full), ${failedSpans} failed to export.`,
      );
    }
  }
}
