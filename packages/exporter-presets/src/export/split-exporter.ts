import type { Attributes } from "@opentelemetry/api";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

/** Bytes counted per span, event and link on top of their names and attributes (ids, times, tags). */
const OVERHEAD = 64;

/**
 * Keeps each export request under a backend's size limit (New Relic rejects payloads over 1 MB):
 * a batch whose estimated encoded size is over `maxBytes` is sent as several requests, one after
 * the other, and fails if any of them fails. The estimate (UTF-8 bytes of names, keys and string
 * values, 8 per number, plus a fixed overhead per item) is an upper bound of the OTLP protobuf size
 * before compression. A single span over the limit is sent alone.
 */
export class SplittingSpanExporter implements SpanExporter {
  /**
   * @param inner - the exporter that sends each request.
   * @param maxBytes - the largest request, in estimated bytes.
   */
  constructor(
    private readonly inner: SpanExporter,
    private readonly maxBytes: number,
  ) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    const chunks = splitBySize(spans, this.maxBytes);
    if (chunks.length <= 1) {
      this.inner.export(spans, resultCallback);
      return;
    }
    let failure: ExportResult | undefined;
    const next = (index: number): void => {
      if (index >= chunks.length) {
        resultCallback(failure ?? { code: ExportResultCode.SUCCESS });
        return;
      }
      this.inner.export(chunks[index]!, (result) => {
        if (result.code !== ExportResultCode.SUCCESS) failure ??= result;
        next(index + 1);
      });
    };
    next(0);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

/** The spans in order, grouped so that each group's estimated size stays within `maxBytes`. */
export function splitBySize(spans: readonly ReadableSpan[], maxBytes: number): ReadableSpan[][] {
  const chunks: ReadableSpan[][] = [];
  let current: ReadableSpan[] = [];
  let size = 0;
  for (const span of spans) {
    const bytes = estimateSpanBytes(span);
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    if (current.length === 0) size += estimateAttributesBytes(span.resource.attributes);
    current.push(span);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** An upper bound of the span's protobuf size, without its resource. */
export function estimateSpanBytes(span: ReadableSpan): number {
  let bytes = OVERHEAD + utf8(span.name) + estimateAttributesBytes(span.attributes);
  for (const event of span.events) bytes += OVERHEAD + utf8(event.name) + estimateAttributesBytes(event.attributes);
  for (const link of span.links) bytes += OVERHEAD + estimateAttributesBytes(link.attributes);
  return bytes + utf8(span.status.message ?? "");
}

function estimateAttributesBytes(attributes: Attributes | undefined): number {
  let bytes = 0;
  for (const [key, value] of Object.entries(attributes ?? {})) {
    bytes += 8 + utf8(key);
    if (typeof value === "string") bytes += utf8(value);
    else if (Array.isArray(value)) for (const item of value) bytes += 4 + (typeof item === "string" ? utf8(item) : 8);
    else bytes += 8;
  }
  return bytes;
}

function utf8(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
