/**
 * The official OTLP protobuf messages, from the protobufjs static module that
 * `@opentelemetry/otlp-transformer@0.214.0` ships (generated from opentelemetry-proto with
 * `pbjs -t static-module --null-defaults`). It is not a public export, so the file is loaded by path from
 * the package directory. Only the CommonJS build works: the `build/esm` copy still calls `require`.
 * @module
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { WireMetricsRequest, WireTracesRequest } from "./wire-types";

/** The protobufjs static-message API used here. */
export interface MessageCodec<T> {
  decode(bytes: Uint8Array): T;
  encode(message: object): { finish(): Uint8Array };
  fromObject(object: object): T;
  toObject(message: T, options?: object): object;
}

/** The part of the generated root the receiver uses. */
export interface OtlpCollectorTypes {
  ExportTraceServiceRequest: MessageCodec<WireTracesRequest>;
  ExportTraceServiceResponse: MessageCodec<object>;
  ExportMetricsServiceRequest: MessageCodec<WireMetricsRequest>;
  ExportMetricsServiceResponse: MessageCodec<object>;
}

/** Where the generated root lives inside the otlp-transformer package. */
export const GENERATED_ROOT_PATH = "build/src/generated/root.js";

interface GeneratedRoot {
  opentelemetry: {
    proto: {
      collector: {
        trace: { v1: Pick<OtlpCollectorTypes, "ExportTraceServiceRequest" | "ExportTraceServiceResponse"> };
        metrics: { v1: Pick<OtlpCollectorTypes, "ExportMetricsServiceRequest" | "ExportMetricsServiceResponse"> };
      };
    };
  };
}

let cached: OtlpCollectorTypes | undefined;

/** Loads (once) the collector request/response types from otlp-transformer's generated root. */
export function otlpTypes(): OtlpCollectorTypes {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve("@opentelemetry/otlp-transformer/package.json"));
  const root = require(join(packageDir, GENERATED_ROOT_PATH)) as GeneratedRoot;
  const { trace, metrics } = root.opentelemetry.proto.collector;
  cached = { ...trace.v1, ...metrics.v1 };
  return cached;
}
