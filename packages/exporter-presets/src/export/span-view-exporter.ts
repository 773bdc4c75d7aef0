import type { Attributes, AttributeValue } from "@opentelemetry/api";
import type { ExportResult } from "@opentelemetry/core";
import { type Resource, resourceFromAttributes } from "@opentelemetry/resources";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { shortenJson } from "./shorten-json";

/** What {@link SpanViewExporter} adapts for one backend. */
export interface SpanViewOptions {
  /** Longest string attribute value kept, in characters (span, event and link attributes, array items). */
  readonly attributeValueLength?: number;
  /** Most items kept in an array attribute value. */
  readonly attributeArrayLength?: number;
  /** Resource attributes added to each span's resource where the resource does not set them. */
  readonly resourceAttributes?: Readonly<Record<string, string>>;
  /** Resource attributes set on each span's resource, winning over the resource's own (a preset's `environment`, `release`). */
  readonly resourceOverrides?: Readonly<Record<string, string>>;
}

/** Attribute limits in effect; `Infinity` where none applies. */
interface AttributeLimits {
  readonly length: number;
  readonly items: number;
}

/**
 * Wraps an exporter to meet one backend's limits without touching the spans other exporters see:
 * the SDK hands the same `ReadableSpan` objects to every span processor, so instead of mutating
 * them this passes a read-only view with truncated attribute values and/or an extended resource.
 * Spans that need no change are passed through as they are.
 */
export class SpanViewExporter implements SpanExporter {
  private readonly resources = new WeakMap<Resource, Resource>();
  private readonly limits: AttributeLimits | undefined;

  /**
   * @param inner - the exporter that sends the spans.
   * @param options - the adaptations to apply.
   */
  constructor(
    private readonly inner: SpanExporter,
    private readonly options: SpanViewOptions,
  ) {
    const length = options.attributeValueLength ?? Number.POSITIVE_INFINITY;
    const items = options.attributeArrayLength ?? Number.POSITIVE_INFINITY;
    this.limits = length === Number.POSITIVE_INFINITY && items === Number.POSITIVE_INFINITY ? undefined : { length, items };
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(
      spans.map((span) => this.view(span)),
      resultCallback,
    );
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }

  private view(span: ReadableSpan): ReadableSpan {
    const limit = this.limits;
    const attributes = limit === undefined ? span.attributes : truncateAttributes(span.attributes, limit);
    const events =
      limit === undefined ? span.events : mapIfChanged(span.events, (e) => withAttributes(e, e.attributes, limit));
    const links = limit === undefined ? span.links : mapIfChanged(span.links, (l) => withAttributes(l, l.attributes, limit));
    const resource = this.resource(span.resource);
    if (attributes === span.attributes && events === span.events && links === span.links && resource === span.resource) {
      return span;
    }
    return {
      name: span.name,
      kind: span.kind,
      spanContext: () => span.spanContext(),
      parentSpanContext: span.parentSpanContext,
      startTime: span.startTime,
      endTime: span.endTime,
      status: span.status,
      attributes,
      links,
      events,
      duration: span.duration,
      ended: span.ended,
      resource,
      instrumentationScope: span.instrumentationScope,
      droppedAttributesCount: span.droppedAttributesCount,
      droppedEventsCount: span.droppedEventsCount,
      droppedLinksCount: span.droppedLinksCount,
    };
  }

  private resource(resource: Resource): Resource {
    const { resourceAttributes: extra, resourceOverrides: overrides } = this.options;
    if (extra === undefined && overrides === undefined) return resource;
    let merged = this.resources.get(resource);
    if (merged === undefined) {
      // `a.merge(b)` keeps b's value for a key both set: extra < the span's own < overrides.
      merged = resourceFromAttributes({ ...extra }).merge(resource);
      if (overrides !== undefined) merged = merged.merge(resourceFromAttributes({ ...overrides }));
      this.resources.set(resource, merged);
    }
    return merged;
  }
}

function withAttributes<T extends { attributes?: Attributes }>(item: T, attributes: Attributes | undefined, limit: AttributeLimits): T {
  if (attributes === undefined) return item;
  const truncated = truncateAttributes(attributes, limit);
  return truncated === attributes ? item : { ...item, attributes: truncated };
}

function mapIfChanged<T>(items: T[], map: (item: T) => T): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const mapped = map(items[i]!);
    if (mapped !== items[i] && out === undefined) out = items.slice(0, i);
    out?.push(mapped);
  }
  return out ?? items;
}

/**
 * The attributes with every string (and string array item) longer than `limit.length` cut to that
 * length (a JSON array or object shortened structurally instead, see `shortenJson`) and every array
 * longer than `limit.items` cut to that many items; the same object when nothing is cut.
 */
function truncateAttributes(attributes: Attributes, limit: AttributeLimits): Attributes {
  let out: Attributes | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    const cut = truncateValue(value, limit, key);
    if (cut !== value) {
      out ??= { ...attributes };
      out[key] = cut;
    }
  }
  return out ?? attributes;
}

function truncateValue(value: AttributeValue | undefined, limit: AttributeLimits, key: string): AttributeValue | undefined {
  if (typeof value === "string") return value.length <= limit.length ? value : (shortenJson(value, limit.length, key) ?? cut(value, limit.length));
  if (!Array.isArray(value)) return value;
  const items = value.length > limit.items ? (value as unknown[]).slice(0, limit.items) : (value as unknown[]);
  if (items === value && !items.some((item) => typeof item === "string" && item.length > limit.length)) return value;
  return items.map((item) => (typeof item === "string" ? cut(item, limit.length) : item)) as AttributeValue;
}

/** Cuts to at most `limit` UTF-16 units, never leaving half of a surrogate pair. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}
