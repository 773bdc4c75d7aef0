import { diag } from "@opentelemetry/api";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

/** The subset of the gRPC exporter's configuration genai-otel sets. */
export interface GrpcExporterConfig {
  url?: string;
  headers: Readonly<Record<string, string>>;
  compression?: "gzip" | "none";
  timeoutMillis?: number;
}

/**
 * A SpanExporter that loads `@opentelemetry/exporter-trace-otlp-grpc` (and with it `@grpc/grpc-js`)
 * only when a gRPC exporter is actually created, so that importing genai-otel never pulls gRPC in.
 *
 * Loading starts in the constructor (see {@link loadGrpcExporterModule}). Spans exported before the
 * module is ready wait for it; if it cannot load, exports fail with the error (reported via `diag`).
 */
export class LazyGrpcSpanExporter implements SpanExporter {
  private readonly ready: Promise<SpanExporter>;

  /** @param config - url, headers (sent as gRPC metadata), compression and timeout. */
  constructor(config: GrpcExporterConfig) {
    this.ready = loadGrpcExporterModule().then((module) => {
      const { headers, ...rest } = config;
      // `compression` is the exporter's string enum ("gzip" | "none").
      return new module.OTLPTraceExporter({ ...rest, metadata: metadataFrom(headers) } as never) as SpanExporter;
    });
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

type GrpcExporterModule = typeof import("@opentelemetry/exporter-trace-otlp-grpc");

/** `true` in the CJS build, `false` in the ESM build (set by tsup.config.ts); undeclared when run from source. */
declare const __GENAI_OTEL_CJS__: boolean | undefined;

/**
 * Loads the gRPC exporter on demand: a deferred `require()` in the CJS build (so that runners
 * without dynamic `import()` in CommonJS, such as Jest without VM modules, work), a dynamic
 * `import()` in the ESM build and from source.
 */
function loadGrpcExporterModule(): Promise<GrpcExporterModule> {
  if (typeof __GENAI_OTEL_CJS__ !== "undefined" && __GENAI_OTEL_CJS__) {
    return Promise.resolve().then(() => require("@opentelemetry/exporter-trace-otlp-grpc") as GrpcExporterModule);
  }
  return import("@opentelemetry/exporter-trace-otlp-grpc");
}

/**
 * gRPC metadata without importing `@grpc/grpc-js` (a dependency of the gRPC exporter, not of this
 * package). The exporter only `clone()`s the metadata it is given and reads it with `getMap()`,
 * copying the entries into its own `Metadata`; the wire tests check that headers arrive.
 */
function metadataFrom(headers: Readonly<Record<string, string>>): never {
  const map: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) map[key.toLowerCase()] = value;
  const metadata = {
    clone: () => metadata,
    getMap: () => ({ ...map }),
  };
  return metadata as never;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
