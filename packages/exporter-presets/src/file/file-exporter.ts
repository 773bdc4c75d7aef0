import { createWriteStream, type WriteStream } from "node:fs";
import { diag } from "@opentelemetry/api";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { toOtlpJson } from "./otlp-json";

/** Bytes waiting to be written past which exports fail rather than buffer more (the disk is stuck). */
const MAX_PENDING_BYTES = 16 * 1024 * 1024;

/**
 * A SpanExporter that appends each batch to a file as one line of OTLP/JSON (an
 * `ExportTraceServiceRequest`), the format of the OpenTelemetry Collector's file exporter and
 * `otlpjsonfile` receiver. The file is opened on the first export and created if missing. Write
 * errors fail the export (reported, never thrown); memory is bounded by refusing exports while
 * more than 16 MiB wait to be written.
 */
export class OtlpJsonFileExporter implements SpanExporter {
  private stream: WriteStream | undefined;
  private stopped = false;

  /** @param path - the file to append to. */
  constructor(private readonly path: string) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.stopped) {
      resultCallback({ code: ExportResultCode.FAILED, error: new Error("the file exporter is shut down") });
      return;
    }
    let line: string;
    try {
      line = `${JSON.stringify(toOtlpJson(spans))}\n`;
    } catch (error) {
      resultCallback({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
      return;
    }
    const stream = this.open();
    if (stream.writableLength > MAX_PENDING_BYTES) {
      resultCallback({ code: ExportResultCode.FAILED, error: new Error(`writes to ${this.path} are backed up`) });
      return;
    }
    stream.write(line, (error) =>
      resultCallback(error ? { code: ExportResultCode.FAILED, error } : { code: ExportResultCode.SUCCESS }),
    );
  }

  forceFlush(): Promise<void> {
    const stream = this.stream;
    if (stream === undefined || stream.destroyed) return Promise.resolve();
    // Resolves once everything written before it is on its way to the file.
    return new Promise((resolve) => stream.write("", () => resolve()));
  }

  async shutdown(): Promise<void> {
    this.stopped = true;
    const stream = this.stream;
    this.stream = undefined;
    if (stream === undefined || stream.destroyed) return;
    await new Promise<void>((resolve) => stream.end(() => resolve()));
  }

  private open(): WriteStream {
    if (this.stream !== undefined && !this.stream.destroyed) return this.stream;
    const stream = createWriteStream(this.path, { flags: "a" });
    stream.on("error", (error) => {
      diag.warn(`genai-otel: preset "file" cannot write to ${this.path}`, error);
      if (this.stream === stream) this.stream = undefined;
    });
    this.stream = stream;
    return stream;
  }
}
