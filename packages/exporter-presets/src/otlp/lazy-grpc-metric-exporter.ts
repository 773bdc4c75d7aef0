import type { PushMetricExporter, ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { type GrpcExporterConfig, grpcOptions, loadGrpcMetricExporterModule } from "./grpc-loader";
import { LazyExporter } from "./lazy-exporter";

/**
 * A PushMetricExporter that loads `@opentelemetry/exporter-metrics-otlp-grpc` (and `@grpc/grpc-js`)
 * only when a gRPC metric exporter is created, like `LazyGrpcSpanExporter` for spans. It only
 * transports: the temporality is chosen by the `ReportingMetricExporter` around it, synchronously,
 * before the module may have loaded.
 */
export class LazyGrpcMetricExporter extends LazyExporter<ResourceMetrics, PushMetricExporter> implements PushMetricExporter {
  /**
   * @param config - url, headers (sent as gRPC metadata), compression and timeout.
   * @param preset - the preset it exports for, for the error when the gRPC exporter package is missing.
   */
  constructor(config: GrpcExporterConfig, preset = "otlp") {
    super(
      () => loadGrpcMetricExporterModule(preset).then((module) => new module.OTLPMetricExporter(grpcOptions(config) as never) as PushMetricExporter),
      "the OTLP gRPC metric exporter",
    );
  }
}
