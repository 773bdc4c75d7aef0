/**
 * Conversions of OTLP wire values (protobuf-decoded or OTLP/JSON) to plain values.
 * @module
 */
import type { Attributes, ReceivedScope } from "./types";
import type { WireAnyValue, WireBytes, WireEnum, WireInt64, WireKeyValue, WireScope } from "./wire-types";

const HEX = /^[0-9a-fA-F]*$/;

/** An id as lower-case hex; `undefined` when absent or empty. JSON ids are hex, base64 is tolerated. */
export function idToHex(value: WireBytes): string | undefined {
  if (value == null || value.length === 0) return undefined;
  if (typeof value !== "string") return Buffer.from(value).toString("hex");
  return HEX.test(value) ? value.toLowerCase() : Buffer.from(value, "base64").toString("hex");
}

/** An int64 as bigint (0n when absent). */
export function toBigInt(value: WireInt64): bigint {
  if (value == null || value === "") return 0n;
  if (typeof value === "number") return BigInt(Math.trunc(value));
  return BigInt(value.toString());
}

/** An int64 or double as number; `undefined` when absent. JSON's `"NaN"`/`"Infinity"` strings are understood. */
export function toNumber(value: WireInt64 | number | string): number | undefined {
  if (value == null || value === "") return undefined;
  if (typeof value === "number") return value;
  return Number(value.toString());
}

/** An enum as number; names (e.g. `SPAN_KIND_CLIENT`) are looked up in `names` (index = value). */
export function toEnum(value: WireEnum, names: readonly string[] = []): number {
  if (value == null) return 0;
  if (typeof value === "number") return value;
  const index = names.indexOf(value);
  return index >= 0 ? index : Number(value) || 0;
}

/** OTLP SpanKind names, by value. */
export const SPAN_KIND_NAMES = [
  "SPAN_KIND_UNSPECIFIED",
  "SPAN_KIND_INTERNAL",
  "SPAN_KIND_SERVER",
  "SPAN_KIND_CLIENT",
  "SPAN_KIND_PRODUCER",
  "SPAN_KIND_CONSUMER",
] as const;

/** OTLP StatusCode names, by value. */
export const STATUS_CODE_NAMES = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"] as const;

/** OTLP AggregationTemporality names, by value. */
export const TEMPORALITY_NAMES = [
  "AGGREGATION_TEMPORALITY_UNSPECIFIED",
  "AGGREGATION_TEMPORALITY_DELTA",
  "AGGREGATION_TEMPORALITY_CUMULATIVE",
] as const;

/** An AnyValue as a plain value: int64 → number, arrays → arrays, kvlists → objects, bytes → Uint8Array. */
export function anyValue(value: WireAnyValue | null | undefined): unknown {
  if (value == null) return undefined;
  if (value.stringValue != null) return value.stringValue;
  if (value.boolValue != null) return value.boolValue;
  if (value.intValue != null) return toNumber(value.intValue);
  if (value.doubleValue != null) return toNumber(value.doubleValue);
  if (value.arrayValue != null) return (value.arrayValue.values ?? []).map(anyValue);
  if (value.kvlistValue != null) return attributes(value.kvlistValue.values);
  if (value.bytesValue != null) {
    const bytes = value.bytesValue;
    return typeof bytes === "string" ? new Uint8Array(Buffer.from(bytes, "base64")) : new Uint8Array(bytes);
  }
  return undefined;
}

/** A KeyValue list as an object. */
export function attributes(list: WireKeyValue[] | null | undefined): Attributes {
  const out: Attributes = {};
  for (const entry of list ?? []) if (entry.key != null) out[entry.key] = anyValue(entry.value);
  return out;
}

/** An InstrumentationScope as `{ name, version? }`. */
export function scope(value: WireScope | null | undefined): ReceivedScope {
  const out: ReceivedScope = { name: value?.name ?? "" };
  if (value?.version) out.version = value.version;
  return out;
}
