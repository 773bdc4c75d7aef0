import { diag } from "@opentelemetry/api";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { asError, type GrpcExporterConfig, grpcOptions, loadGrpcTraceExporterModule } from "./grpc-loader";

export type { GrpcExporterConfig } from "./grpc-loader";

/**
 * A SpanExporter that loads `@opentelemetry/exporter-trace-otlp-grpc` (and with it `@grpc/grpc-js`)
 * only when a gRPC exporter is actually created, so that importing genai-otel never pulls gRPC in.
 *
 * Loading starts in the constructor (see `grpc-loader.ts`). Spans exported before the module is
 * ready wait for it; if it cannot load, exports fail with the error (reported via `diag`).
 */
export class LazyGrpcSpanExporter implements SpanExporter {
  private readonly ready: Promise<SpanExporter>;

  /** @param config - url, headers (sent as gRPC metadata), compression and timeout. */
  constructor(config: GrpcExporterConfig) {
    this.ready = loadGrpcTraceExporterModule().then((module) => new module.OTLPTraceExporter(grpcOptions(config) as never) as SpanExporter);
    this.ready.catch((error: unknown) => diag.error("genai-otel: could not load the OTLP gRPC exporter", error));
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.ready.then(
      (exporter) => exporter.export(spans, resultCallback),
      (error: unknown) => resultCallback({ code: ExportResultCode.FAILED, error: asError(error) }),
    );
  }

  async shutdown(): Promise<void> {
    const exporter = await this.ready.catch(() => undefined);
    await exporter?.shutdown();
  }

  async forceFlush(): Promise<void> {
    const exporter = await this.ready.catch(() => undefined);
    await exporter?.forceFlush?.();
  }
}
