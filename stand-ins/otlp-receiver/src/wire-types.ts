/**
 * Loose shapes shared by protobufjs-decoded OTLP messages and OTLP/JSON documents: the field names are
 * the same camelCase; ids are bytes (protobuf) or hex strings (JSON), int64s are Longs, strings or numbers,
 * absent fields are `null` (protobufjs `--null-defaults`) or `undefined` (JSON).
 * @module
 */

/** An int64/fixed64 field: a protobufjs Long, a decimal string (JSON) or a number. */
export type WireInt64 = number | string | { low: number; high: number; toString(): string } | null | undefined;
/** A bytes field: bytes (protobuf) or hex/base64 text (JSON). */
export type WireBytes = Uint8Array | string | null | undefined;
/** An enum field: its number, or (tolerated in JSON) its name. */
export type WireEnum = number | string | null | undefined;
type List<T> = T[] | null | undefined;

export interface WireAnyValue {
  stringValue?: string | null;
  boolValue?: boolean | null;
  intValue?: WireInt64;
  doubleValue?: number | string | null;
  arrayValue?: { values?: List<WireAnyValue> } | null;
  kvlistValue?: { values?: List<WireKeyValue> } | null;
  bytesValue?: WireBytes;
}

export interface WireKeyValue {
  key?: string | null;
  value?: WireAnyValue | null;
}

export interface WireScope {
  name?: string | null;
  version?: string | null;
}

export interface WireEvent {
  timeUnixNano?: WireInt64;
  name?: string | null;
  attributes?: List<WireKeyValue>;
}

export interface WireLink {
  traceId?: WireBytes;
  spanId?: WireBytes;
  attributes?: List<WireKeyValue>;
}

export interface WireSpan {
  traceId?: WireBytes;
  spanId?: WireBytes;
  parentSpanId?: WireBytes;
  name?: string | null;
  kind?: WireEnum;
  startTimeUnixNano?: WireInt64;
  endTimeUnixNano?: WireInt64;
  attributes?: List<WireKeyValue>;
  events?: List<WireEvent>;
  links?: List<WireLink>;
  status?: { code?: WireEnum; message?: string | null } | null;
}

export interface WireTracesRequest {
  resourceSpans?: List<{
    resource?: { attributes?: List<WireKeyValue> } | null;
    scopeSpans?: List<{ scope?: WireScope | null; spans?: List<WireSpan> }>;
  }>;
}

export interface WireBuckets {
  offset?: number | null;
  bucketCounts?: List<WireInt64>;
}

export interface WireDataPoint {
  attributes?: List<WireKeyValue>;
  startTimeUnixNano?: WireInt64;
  timeUnixNano?: WireInt64;
  asDouble?: number | string | null;
  asInt?: WireInt64;
  count?: WireInt64;
  sum?: number | string | null;
  min?: number | string | null;
  max?: number | string | null;
  bucketCounts?: List<WireInt64>;
  explicitBounds?: List<number | string>;
  scale?: number | null;
  zeroCount?: WireInt64;
  positive?: WireBuckets | null;
  negative?: WireBuckets | null;
  quantileValues?: List<{ quantile?: number | string | null; value?: number | string | null }>;
}

interface WirePoints {
  dataPoints?: List<WireDataPoint>;
  aggregationTemporality?: WireEnum;
  isMonotonic?: boolean | null;
}

export interface WireMetric {
  name?: string | null;
  description?: string | null;
  unit?: string | null;
  gauge?: WirePoints | null;
  sum?: WirePoints | null;
  histogram?: WirePoints | null;
  exponentialHistogram?: WirePoints | null;
  summary?: WirePoints | null;
}

export interface WireMetricsRequest {
  resourceMetrics?: List<{
    resource?: { attributes?: List<WireKeyValue> } | null;
    scopeMetrics?: List<{ scope?: WireScope | null; metrics?: List<WireMetric> }>;
  }>;
}
