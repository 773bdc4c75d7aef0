/**
 * Loading the OpenTelemetry gRPC exporters on demand, so that importing genai-otel or exporting
 * over HTTP never loads `@grpc/grpc-js`: a deferred `require()` in the CJS build (so that runners
 * without dynamic `import()` in CommonJS, such as Jest without VM modules, work), a dynamic
 * `import()` in the ESM build and from source. The specifiers are literal so bundlers see them.
 */

import { GRPC_PACKAGES, missingGrpcMessage } from "./grpc-packages";
import type { OtlpSignal } from "./signal";

/** The subset of a gRPC exporter's configuration genai-otel sets. */
export interface GrpcExporterConfig {
  url?: string;
  headers: Readonly<Record<string, string>>;
  compression?: "gzip" | "none";
  timeoutMillis?: number;
}

type TraceModule = typeof import("@opentelemetry/exporter-trace-otlp-grpc");
type MetricModule = typeof import("@opentelemetry/exporter-metrics-otlp-grpc");

/** `true` in the CJS build, `false` in the ESM build (set by tsup.config.ts); undeclared when run from source. */
declare const __GENAI_OTEL_CJS__: boolean | undefined;

function isCjsBuild(): boolean {
  return typeof __GENAI_OTEL_CJS__ !== "undefined" && __GENAI_OTEL_CJS__;
}

/**
 * Loads `@opentelemetry/exporter-trace-otlp-grpc`.
 * @param preset - the preset it is loaded for, for the error when the package is missing.
 */
export function loadGrpcTraceExporterModule(preset: string): Promise<TraceModule> {
  const loaded: Promise<TraceModule> = isCjsBuild()
    ? Promise.resolve().then(() => require("@opentelemetry/exporter-trace-otlp-grpc") as TraceModule)
    : import("@opentelemetry/exporter-trace-otlp-grpc");
  return loaded.catch((error: unknown) => Promise.reject(explainMissing(error, preset, "traces")));
}

/**
 * Loads `@opentelemetry/exporter-metrics-otlp-grpc`.
 * @param preset - the preset it is loaded for, for the error when the package is missing.
 */
export function loadGrpcMetricExporterModule(preset: string): Promise<MetricModule> {
  const loaded: Promise<MetricModule> = isCjsBuild()
    ? Promise.resolve().then(() => require("@opentelemetry/exporter-metrics-otlp-grpc") as MetricModule)
    : import("@opentelemetry/exporter-metrics-otlp-grpc");
  return loaded.catch((error: unknown) => Promise.reject(explainMissing(error, preset, "metrics")));
}

/** A load failure as an Error; for the optional peer itself missing, the error that says what to install. */
export function explainMissing(error: unknown, preset: string, signal: OtlpSignal): Error {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const notFound = code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND";
  if (notFound && typeof message === "string" && message.includes(GRPC_PACKAGES[signal].name)) {
    return new Error(missingGrpcMessage(preset, signal), { cause: error });
  }
  return asError(error);
}

/**
 * The gRPC exporter options for `config`: headers become gRPC metadata, built without importing
 * `@grpc/grpc-js` (a dependency of the gRPC exporters, not of this package). The exporters only
 * `clone()` the metadata they are given and read it with `getMap()`, copying the entries into their
 * own `Metadata`; the wire tests check that headers arrive.
 */
export function grpcOptions(config: GrpcExporterConfig): Record<string, unknown> {
  const { headers, ...rest } = config;
  const map: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) map[key.toLowerCase()] = value;
  const metadata = {
    clone: () => metadata,
    getMap: () => ({ ...map }),
  };
  // `compression` is the exporters' string enum ("gzip" | "none").
  return { ...rest, metadata };
}

/** `error` as an Error. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
