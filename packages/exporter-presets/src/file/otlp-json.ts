import type { Attributes, AttributeValue, HrTime } from "@opentelemetry/api";
import type { Resource } from "@opentelemetry/resources";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";

/** An OTLP/JSON `KeyValue`. */
interface KeyValue {
  key: string;
  value: AnyValue;
}
/** An OTLP/JSON `AnyValue` (ids hex, 64-bit times as decimal strings, enums as numbers). */
type AnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: number }
  | { doubleValue: number }
  | { arrayValue: { values: AnyValue[] } }
  | Record<string, never>;

/**
 * Spans as one OTLP/JSON `ExportTraceServiceRequest` (the encoding of OTLP/HTTP JSON and of the
 * Collector's file exporter), grouped by resource and instrumentation scope.
 */
export function toOtlpJson(spans: readonly ReadableSpan[]): object {
  const byResource = new Map<Resource, Map<string, { scope: object; spans: object[] }>>();
  for (const span of spans) {
    let scopes = byResource.get(span.resource);
    if (scopes === undefined) {
      scopes = new Map();
      byResource.set(span.resource, scopes);
    }
    const { name, version, schemaUrl } = span.instrumentationScope;
    const scopeKey = `${name}@${version ?? ""}@${schemaUrl ?? ""}`;
    let entry = scopes.get(scopeKey);
    if (entry === undefined) {
      entry = { scope: { name, ...(version === undefined ? {} : { version }) }, spans: [] };
      scopes.set(scopeKey, entry);
    }
    entry.spans.push(toSpan(span));
  }
  return {
    resourceSpans: [...byResource].map(([resource, scopes]) => ({
      resource: { attributes: keyValues(resource.attributes), droppedAttributesCount: 0 },
      scopeSpans: [...scopes.values()],
    })),
  };
}

function toSpan(span: ReadableSpan): object {
  const context = span.spanContext();
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    ...(context.traceState === undefined ? {} : { traceState: context.traceState.serialize() }),
    ...(span.parentSpanContext === undefined ? {} : { parentSpanId: span.parentSpanContext.spanId }),
    name: span.name,
    kind: span.kind + 1, // API SpanKind.INTERNAL = 0; OTLP SPAN_KIND_INTERNAL = 1
    startTimeUnixNano: nanos(span.startTime),
    endTimeUnixNano: nanos(span.endTime),
    attributes: keyValues(span.attributes),
    droppedAttributesCount: span.droppedAttributesCount,
    events: span.events.map((event) => ({
      timeUnixNano: nanos(event.time),
      name: event.name,
      attributes: keyValues(event.attributes ?? {}),
      droppedAttributesCount: event.droppedAttributesCount ?? 0,
    })),
    droppedEventsCount: span.droppedEventsCount,
    links: span.links.map((link) => ({
      traceId: link.context.traceId,
      spanId: link.context.spanId,
      attributes: keyValues(link.attributes ?? {}),
      droppedAttributesCount: link.droppedAttributesCount ?? 0,
    })),
    droppedLinksCount: span.droppedLinksCount,
    status: { code: span.status.code, ...(span.status.message ? { message: span.status.message } : {}) },
  };
}

function keyValues(attributes: Attributes): KeyValue[] {
  const out: KeyValue[] = [];
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out.push({ key, value: anyValue(value) });
  return out;
}

function anyValue(value: AttributeValue | null | undefined): AnyValue {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") return Number.isInteger(value) ? { intValue: value } : { doubleValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: (value as (AttributeValue | null | undefined)[]).map(anyValue) } };
  return {};
}

/** An HrTime as nanoseconds since the epoch, in decimal (beyond 2^53, so a string). */
function nanos([seconds, nanoseconds]: HrTime): string {
  return (BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds)).toString();
}
