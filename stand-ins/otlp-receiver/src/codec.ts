/**
 * Decoding of export requests and encoding of the (empty) export responses, per signal and encoding.
 * @module
 */
import { gunzipSync, inflateSync, brotliDecompressSync } from "node:zlib";
import { normalizeMetrics } from "./normalize-metrics";
import { normalizeTraces } from "./normalize-traces";
import { otlpTypes } from "./proto";
import type { ReceivedMetric, ReceivedSpan } from "./types";

/** The OTLP signals the receiver accepts. */
export type Signal = "traces" | "metrics";
/** The OTLP/HTTP body encodings. */
export type BodyFormat = "protobuf" | "json";

/** The decoded, normalised content of one export request. */
export interface DecodedExport {
  spans: ReceivedSpan[];
  metrics: ReceivedMetric[];
}

/** Undoes `content-encoding` (gzip, deflate, br, identity); throws on an unknown encoding. */
export function decompress(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? "identity").trim().toLowerCase()) {
    case "":
    case "identity":
      return body;
    case "gzip":
    case "x-gzip":
      return gunzipSync(body);
    case "deflate":
      return inflateSync(body);
    case "br":
      return brotliDecompressSync(body);
    default:
      throw new Error(`unsupported content-encoding: ${encoding}`);
  }
}

/** The body format of a content type, or `undefined` when it is not an OTLP one. */
export function bodyFormat(contentType: string | undefined): BodyFormat | undefined {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-protobuf" || type === "application/protobuf") return "protobuf";
  if (type === "application/json") return "json";
  return undefined;
}

/** Decodes a (decompressed) request body. */
export function decodeExport(signal: Signal, format: BodyFormat, body: Uint8Array): DecodedExport {
  const types = otlpTypes();
  const parse = format === "json" ? () => JSON.parse(Buffer.from(body).toString("utf8")) : undefined;
  if (signal === "traces") {
    const message = parse ? parse() : types.ExportTraceServiceRequest.decode(body);
    return { spans: normalizeTraces(message), metrics: [] };
  }
  const message = parse ? parse() : types.ExportMetricsServiceRequest.decode(body);
  return { spans: [], metrics: normalizeMetrics(message) };
}

/** Encodes the empty Export*ServiceResponse a collector answers with. */
export function encodeResponse(signal: Signal, format: BodyFormat): Buffer {
  if (format === "json") return Buffer.from("{}");
  const types = otlpTypes();
  const type = signal === "traces" ? types.ExportTraceServiceResponse : types.ExportMetricsServiceResponse;
  return Buffer.from(type.encode({}).finish());
}
