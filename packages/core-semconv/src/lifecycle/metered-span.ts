import type { Attributes, AttributeValue, Exception, Link, Span, SpanContext, SpanStatus, TimeInput } from "@opentelemetry/api";
import type { GenAIMetrics } from "../metrics";

/**
 * The span of a model call (chat, text completion, embeddings), which also records the GenAI client
 * metrics when it ends: duration (s, from construction to `end()`), token usage and time to first
 * chunk, read from the attributes set on it (start and result) by `GenAIMetrics.recordFromSpan`,
 * with `error.type` when an exception was recorded on it (as `recordSpanError` does). Everything
 * else is passed through. The one place both adapters record GenAI client metrics: wrap a model
 * call's span with `AdapterTelemetry.metered` and end it through `finishSpan` (which ends a span
 * once, so the metrics are recorded once).
 *
 * @internal
 */
export class MeteredSpan implements Span {
  private readonly attributes: Attributes;
  private readonly startedAt = performance.now();
  private error: unknown;

  /**
   * @param span - the SDK span
   * @param startAttributes - the attributes it was started with
   * @param metrics - where the metrics go
   */
  constructor(
    private readonly span: Span,
    startAttributes: Attributes,
    private readonly metrics: GenAIMetrics,
  ) {
    this.attributes = { ...startAttributes };
  }

  spanContext(): SpanContext {
    return this.span.spanContext();
  }
  setAttribute(key: string, value: AttributeValue): this {
    this.attributes[key] = value;
    this.span.setAttribute(key, value);
    return this;
  }
  setAttributes(attributes: Attributes): this {
    Object.assign(this.attributes, attributes);
    this.span.setAttributes(attributes);
    return this;
  }
  addEvent(name: string, attributesOrStartTime?: Attributes | TimeInput, startTime?: TimeInput): this {
    this.span.addEvent(name, attributesOrStartTime, startTime);
    return this;
  }
  addLink(link: Link): this {
    this.span.addLink(link);
    return this;
  }
  addLinks(links: Link[]): this {
    this.span.addLinks(links);
    return this;
  }
  setStatus(status: SpanStatus): this {
    this.span.setStatus(status);
    return this;
  }
  updateName(name: string): this {
    this.span.updateName(name);
    return this;
  }
  isRecording(): boolean {
    return this.span.isRecording();
  }
  recordException(exception: Exception, time?: TimeInput): void {
    this.error = exception;
    this.span.recordException(exception, time);
  }
  /** Ends the span, then records the metrics (never throws: `GenAIMetrics` swallows its failures). */
  end(endTime?: TimeInput): void {
    this.span.end(endTime);
    this.metrics.recordFromSpan(this.attributes, (performance.now() - this.startedAt) / 1000, this.error);
  }
}
