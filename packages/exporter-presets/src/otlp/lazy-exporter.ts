import { diag } from "@opentelemetry/api";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import { asError } from "./grpc-loader";

/** What the OTel span and metric exporters have in common. */
interface Exporter<Batch> {
  export(batch: Batch, resultCallback: (result: ExportResult) => void): void;
  shutdown(): Promise<void>;
  forceFlush?(): Promise<void>;
}

/**
 * An exporter whose real implementation is created once a module has loaded (the OTLP gRPC
 * exporters, so that importing genai-otel never pulls `@grpc/grpc-js` in). Loading starts in the
 * constructor; batches exported before it is ready wait for it; if it cannot load, they fail with
 * the error (reported once through `diag`).
 */
export class LazyExporter<Batch, E extends Exporter<Batch>> implements Exporter<Batch> {
  private readonly ready: Promise<E>;

  /**
   * @param load - loads the module and creates the real exporter
   * @param what - what is loaded, for the diag message
   */
  constructor(load: () => Promise<E>, what: string) {
    this.ready = load();
    this.ready.catch((error: unknown) => diag.warn(`genai-otel: could not load ${what}`, error));
  }

  export(batch: Batch, resultCallback: (result: ExportResult) => void): void {
    this.ready.then(
      (exporter) => exporter.export(batch, resultCallback),
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
