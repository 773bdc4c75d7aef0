import {
  type Attributes,
  type AttributeValue,
  type Exception,
  INVALID_SPAN_CONTEXT,
  type Link,
  type Span,
  type SpanContext,
  type SpanStatus,
  type TimeInput,
} from "@opentelemetry/api";

/** A place a run's span is put once the run starts. */
export interface SpanSlot {
  span?: Span;
}

/**
 * A span stand-in made active around a model call before its run has started. Until the handler
 * fills the slot it reads as the enclosing span; afterwards as the run's own span. So an HTTP client
 * span created inside the model call (after the start callback) becomes the chat span's child.
 */
export class DeferredSpan implements Span {
  constructor(
    private readonly slot: SpanSlot,
    private readonly fallback: Span | undefined,
  ) {}

  private get target(): Span | undefined {
    return this.slot.span ?? this.fallback;
  }

  spanContext(): SpanContext {
    return this.target?.spanContext() ?? INVALID_SPAN_CONTEXT;
  }
  setAttribute(key: string, value: AttributeValue): this {
    this.target?.setAttribute(key, value);
    return this;
  }
  setAttributes(attributes: Attributes): this {
    this.target?.setAttributes(attributes);
    return this;
  }
  addEvent(name: string, attributesOrStartTime?: Attributes | TimeInput, startTime?: TimeInput): this {
    this.target?.addEvent(name, attributesOrStartTime, startTime);
    return this;
  }
  addLink(link: Link): this {
    this.target?.addLink(link);
    return this;
  }
  addLinks(links: Link[]): this {
    this.target?.addLinks(links);
    return this;
  }
  setStatus(status: SpanStatus): this {
    this.target?.setStatus(status);
    return this;
  }
  updateName(name: string): this {
    this.target?.updateName(name);
    return this;
  }
  /** The run's span is ended by the handler, never through this stand-in. */
  end(): void {}
  isRecording(): boolean {
    return this.target?.isRecording() ?? false;
  }
  recordException(exception: Exception, time?: TimeInput): void {
    this.target?.recordException(exception, time);
  }
}
