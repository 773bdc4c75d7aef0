import { diag } from "@opentelemetry/api";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import type { PushMetricExporter, ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { asError, type GrpcExporterConfig, grpcOptions, loadGrpcMetricExporterModule } from "./grpc-loader";

/**
 * A PushMetricExporter that loads `@opentelemetry/exporter-metrics-otlp-grpc` (and `@grpc/grpc-js`)
 * only when a gRPC metric exporter is created, like `LazyGrpcSpanExporter` for spans. It only
 * transports: the temporality is chosen by the `ReportingMetricExporter` around it, synchronously,
 * before the module may have loaded. Exports wait for the module; if it cannot load, they fail.
 */
export class LazyGrpcMetricExporter implements PushMetricExporter {
  private readonly ready: Promise<PushMetricExporter>;

  /** @param config - url, headers (sent as gRPC metadata), compression and timeout. */
  constructor(config: GrpcExporterConfig) {
    this.ready = loadGrpcMetricExporterModule().then((module) => new module.OTLPMetricExporter(grpcOptions(config) as never) as PushMetricExporter);
    this.ready.catch((error: unknown) => diag.error("genai-otel: could not load the OTLP gRPC metric exporter", error));
  }

  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    this.ready.then(
      (exporter) => exporter.export(metrics, resultCallback),
      (error: unknown) => resultCallback({ code: ExportResultCode.FAILED, error: asError(error) }),
    );
  }

  async shutdown(): Promise<void> {
    const exporter = await this.ready.catch(() => undefined);
    await exporter?.shutdown();
  }

  async forceFlush(): Promise<void> {
    const exporter = await this.ready.catch(() => undefined);
    await exporter?.forceFlush();
  }
}
