import { type Attributes, diag } from "@opentelemetry/api";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { translatorFor } from "./registry";
import type { ConventionTranslator, SpanInfo, TranslatorName } from "./types";
import { WorkflowNames, workflowNameOf } from "./workflow-names";

/** True when the span has no local parent. */
function isRoot(span: Pick<ReadableSpan, "parentSpanContext">): boolean {
  const parent = span.parentSpanContext;
  return parent === undefined || parent.isRemote === true;
}

/**
 * What a translator knows about an SDK span besides its attributes.
 * @param workflowName - the trace's workflow name, when the caller tracks it
 */
export function spanInfoOf(span: ReadableSpan, workflowName?: string): SpanInfo {
  const [seconds, nanos] = span.startTime;
  const info: SpanInfo = { name: span.name, root: isRoot(span), startTimeMs: seconds * 1000 + nanos / 1e6 };
  if (workflowName !== undefined) info.workflowName = workflowName;
  return info;
}

function own(value: unknown): PropertyDescriptor {
  return { value, enumerable: true, writable: false, configurable: true };
}

/**
 * A read-only view of `span` with other attributes. The span itself is not touched, so other
 * exporters (other destinations) still see it as it was. Every `ReadableSpan` field is an own
 * property of the view (spreading and `JSON.stringify` work); anything else falls through to the
 * span, which is the view's prototype.
 */
export function withAttributes(span: ReadableSpan, attributes: Attributes): ReadableSpan {
  return Object.create(span, {
    name: own(span.name),
    kind: own(span.kind),
    spanContext: own(() => span.spanContext()),
    parentSpanContext: own(span.parentSpanContext),
    startTime: own(span.startTime),
    endTime: own(span.endTime),
    status: own(span.status),
    attributes: own(attributes),
    links: own(span.links),
    events: own(span.events),
    duration: own(span.duration),
    ended: own(span.ended),
    resource: own(span.resource),
    instrumentationScope: own(span.instrumentationScope),
    droppedAttributesCount: own(span.droppedAttributesCount),
    droppedEventsCount: own(span.droppedEventsCount),
    droppedLinksCount: own(span.droppedLinksCount),
  }) as ReadableSpan;
}

/**
 * Translates one span: a view with the translated attributes, or the span itself when the
 * translator changed nothing (a non-GenAI span) or failed (reported through `diag.debug`).
 */
export function translateSpan(span: ReadableSpan, translate: ConventionTranslator, workflowName?: string): ReadableSpan {
  try {
    const attributes = translate(span.attributes, spanInfoOf(span, workflowName));
    return attributes === span.attributes ? span : withAttributes(span, attributes);
  } catch (err) {
    diag.warn("genai-otel: convention translation failed; span exported as it was", err);
    return span;
  }
}

/**
 * A `SpanExporter` that renders GenAI spans in another convention before handing them to the
 * exporter it wraps, so one instrumentation reads natively in each backend. Each wrapped exporter
 * gets translated copies; the spans themselves are never changed, so destinations stay
 * independent (one `BatchSpanProcessor` per destination, each with its own wrapper).
 *
 * Per trace it remembers the root's workflow name (bounded, see `WorkflowNames`) so that
 * conventions that want it on every descendant (Traceloop) get it: from `onSpanStart` when the
 * span processor reports starts (roots start before their descendants end), else from the root's
 * own export when it is in the same batch.
 *
 * Which destination wants which convention:
 * - Arize Phoenix, Arize AX: `openinference`.
 * - Traceloop: `traceloop` (it reads `gen_ai.*` too).
 * - Datadog LLM Observability, New Relic, Langfuse, W&B Weave, Grafana, Honeycomb, Jaeger: the
 *   OpenTelemetry GenAI attributes genai-otel emits anyway (`none`). Weave, Datadog and Laminar also
 *   read OpenInference and Traceloop attributes, so translating for them is harmless.
 *
 * @example
 * const phoenix = new TranslatingSpanExporter(new OTLPTraceExporter({ url }), "openinference");
 * provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(phoenix)] });
 */
export class TranslatingSpanExporter implements SpanExporter {
  private readonly translate: ConventionTranslator;
  private readonly workflows = new WorkflowNames();

  /**
   * @param exporter - the destination's exporter; receives translated copies
   * @param translator - a {@link ConventionTranslator} (e.g. `translatorFor("openinference", { maxItems: 50 })`)
   *   or a convention name
   */
  constructor(
    private readonly exporter: SpanExporter,
    translator: ConventionTranslator | TranslatorName,
  ) {
    this.translate = typeof translator === "function" ? translator : translatorFor(translator);
  }

  /**
   * Learns the trace's workflow name when a root span starts (call it from a span processor's
   * `onStart`; cheap: one parent check per span). Never throws.
   */
  onSpanStart(span: ReadableSpan): void {
    try {
      if (isRoot(span)) this.workflows.note(span.spanContext().traceId, workflowNameOf(span.name, span.attributes));
    } catch (err) {
      diag.debug("genai-otel: could not read a starting span", err);
    }
  }

  /** Translates the spans (never throws) and hands the copies to the wrapped exporter. */
  export(spans: ReadableSpan[], resultCallback: Parameters<SpanExporter["export"]>[1]): void {
    let out = spans;
    try {
      for (const s of spans) if (isRoot(s)) this.workflows.note(s.spanContext().traceId, workflowNameOf(s.name, s.attributes));
      out = spans.map((s) => translateSpan(s, this.translate, this.workflows.get(s.spanContext().traceId)));
    } catch (err) {
      diag.warn("genai-otel: convention translation failed; batch exported as it was", err);
    }
    this.exporter.export(out, resultCallback);
  }

  /** Shuts the wrapped exporter down. */
  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }

  /** Flushes the wrapped exporter. */
  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }
}
