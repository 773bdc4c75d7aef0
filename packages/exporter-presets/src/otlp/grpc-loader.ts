/**
 * Loading the OpenTelemetry gRPC exporters on demand, so that importing genai-otel or exporting
 * over HTTP never loads `@grpc/grpc-js`: a deferred `require()` in the CJS build (so that runners
 * without dynamic `import()` in CommonJS, such as Jest without VM modules, work), a dynamic
 * `import()` in the ESM build and from source. The specifiers are literal so bundlers see them.
 */

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

/** Loads `@opentelemetry/exporter-trace-otlp-grpc`. */
export function loadGrpcTraceExporterModule(): Promise<TraceModule> {
  if (isCjsBuild()) return Promise.resolve().then(() => require("@opentelemetry/exporter-trace-otlp-grpc") as TraceModule);
  return import("@opentelemetry/exporter-trace-otlp-grpc");
}

/** Loads `@opentelemetry/exporter-metrics-otlp-grpc`. */
export function loadGrpcMetricExporterModule(): Promise<MetricModule> {
  if (isCjsBuild()) return Promise.resolve().then(() => require("@opentelemetry/exporter-metrics-otlp-grpc") as MetricModule);
  return import("@opentelemetry/exporter-metrics-otlp-grpc");
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
