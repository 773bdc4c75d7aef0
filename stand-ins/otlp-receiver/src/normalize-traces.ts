/**
 * ExportTraceServiceRequest (decoded) → {@link ReceivedSpan}s.
 * @module
 */
import type { ReceivedSpan } from "./types";
import { attributes, idToHex, SPAN_KIND_NAMES, STATUS_CODE_NAMES, scope, toBigInt, toEnum } from "./values";
import type { WireSpan, WireTracesRequest } from "./wire-types";

function toSpan(span: WireSpan, resource: ReceivedSpan["resource"], spanScope: ReceivedSpan["scope"]): ReceivedSpan {
  const startTimeUnixNano = toBigInt(span.startTimeUnixNano);
  const endTimeUnixNano = toBigInt(span.endTimeUnixNano);
  const status: ReceivedSpan["status"] = { code: toEnum(span.status?.code, STATUS_CODE_NAMES) };
  if (span.status?.message) status.message = span.status.message;
  const out: ReceivedSpan = {
    traceId: idToHex(span.traceId) ?? "",
    spanId: idToHex(span.spanId) ?? "",
    name: span.name ?? "",
    kind: toEnum(span.kind, SPAN_KIND_NAMES),
    startTimeUnixNano,
    endTimeUnixNano,
    durationMs: Number(endTimeUnixNano - startTimeUnixNano) / 1e6,
    attributes: attributes(span.attributes),
    status,
    events: (span.events ?? []).map((event) => ({
      name: event.name ?? "",
      timeUnixNano: toBigInt(event.timeUnixNano),
      attributes: attributes(event.attributes),
    })),
    links: (span.links ?? []).map((link) => ({
      traceId: idToHex(link.traceId) ?? "",
      spanId: idToHex(link.spanId) ?? "",
      attributes: attributes(link.attributes),
    })),
    resource,
    scope: spanScope,
  };
  const parentSpanId = idToHex(span.parentSpanId);
  if (parentSpanId) out.parentSpanId = parentSpanId;
  return out;
}

/** Flattens an ExportTraceServiceRequest into spans carrying their resource and scope. */
export function normalizeTraces(request: WireTracesRequest): ReceivedSpan[] {
  const out: ReceivedSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = attributes(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      const spanScope = scope(scopeSpans.scope);
      for (const span of scopeSpans.spans ?? []) out.push(toSpan(span, resource, spanScope));
    }
  }
  return out;
}
