import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { type GrpcExporterConfig, grpcOptions, loadGrpcTraceExporterModule } from "./grpc-loader";
import { LazyExporter } from "./lazy-exporter";

export type { GrpcExporterConfig } from "./grpc-loader";

/**
 * A SpanExporter that loads `@opentelemetry/exporter-trace-otlp-grpc` (and with it `@grpc/grpc-js`)
 * only when a gRPC exporter is actually created, so that importing genai-otel never pulls gRPC in.
 * Spans exported before the module is ready wait for it; if it cannot load, exports fail.
 */
export class LazyGrpcSpanExporter extends LazyExporter<ReadableSpan[], SpanExporter> implements SpanExporter {
  /**
   * @param config - url, headers (sent as gRPC metadata), compression and timeout.
   * @param preset - the preset it exports for, for the error when the gRPC exporter package is missing.
   */
  constructor(config: GrpcExporterConfig, preset = "otlp") {
    super(
      () => loadGrpcTraceExporterModule(preset).then((module) => new module.OTLPTraceExporter(grpcOptions(config) as never) as SpanExporter),
      "the OTLP gRPC exporter",
    );
  }
}
