import type { Attributes } from "@opentelemetry/api";
import type { Resource } from "@opentelemetry/resources";
import type { MeterProvider } from "@opentelemetry/sdk-metrics";
import type { BufferConfig, Sampler, SpanLimits, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { ExportMode } from "./destination";
import type { DestinationStats } from "./export/destination-processor";
import type { PresetName } from "./presets/registry";
import type { PresetSelection } from "./select-presets";

/** Options of {@link setupTracing}; all optional. */
export interface SetupTracingOptions {
  /**
   * `service.name` of the resource.
   * @defaultValue `OTEL_SERVICE_NAME`, else `service.name` in `OTEL_RESOURCE_ATTRIBUTES`, else
   *   `unknown_service:<process name>` (the OpenTelemetry default).
   */
  serviceName?: string;
  /**
   * Where spans go: preset names, or `{ name, options }`. Each preset gets its own span processor,
   * so a slow or failing destination does not hold back the others. `[]` exports nothing (see `spanProcessors`).
   * @defaultValue `GENAI_OTEL_PRESET` (comma-separated, `none` for nothing), else `OTEL_TRACES_EXPORTER`
   *   (`otlp`/`console`/`none`), else `otlp` if `OTEL_EXPORTER_OTLP_ENDPOINT` or
   *   `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is set, else `console`.
   */
  presets?: readonly PresetSelection[];
  /**
   * Span export mode of the network and file presets (`console` always prints span by span).
   * - **batched**: a bounded queue exported in the background; recommended for servers.
   * - **immediate**: each span exported as it ends; for serverless functions (call `forceFlush()`
   *   before returning).
   * @defaultValue `GENAI_OTEL_EXPORT_MODE`, else `"batched"`.
   */
  exportMode?: ExportMode;
  /**
   * Register the provider as the global tracer provider, with the AsyncLocalStorage context manager
   * and the W3C trace-context and baggage propagators (`NodeTracerProvider.register()`), and the
   * MeterProvider, if any, as the global meter provider (where `GenAIMetrics` records).
   * @defaultValue true
   */
  registerGlobal?: boolean;
  /**
   * Export the GenAI metrics (`gen_ai.client.token.usage`, `gen_ai.client.operation.duration`, …,
   * recorded by `@genai-otel/core-semconv`'s `GenAIMetrics` through the global meter provider) to
   * the presets whose backend takes OTLP metrics: `otlp`, `datadog`, `newrelic`, `grafana`,
   * `honeycomb`. With at least one of them, a MeterProvider is created (`meterProvider`) with one
   * periodic reader per such preset and the spans' resource; with none, no MeterProvider.
   * @defaultValue `GENAI_OTEL_METRICS` (`true`/`1`, `false`/`0`), else false when
   *   `OTEL_METRICS_EXPORTER=none`, else true.
   */
  metrics?: boolean;
  /**
   * Time between two metric exports, in milliseconds (each export's timeout is
   * `OTEL_METRIC_EXPORT_TIMEOUT`, default 30000, at most this).
   * @defaultValue `OTEL_METRIC_EXPORT_INTERVAL`, else 60000.
   */
  metricsExportIntervalMillis?: number;
  /**
   * Flush spans and metrics when the process is about to exit on its own (`beforeExit`; metrics
   * on the first `beforeExit` only, since cumulative metrics always have something to export)
   * and on `SIGTERM` (then the signal ends the process as before, unless the app listens for it itself).
   * @defaultValue `GENAI_OTEL_FLUSH_ON_EXIT` (`true`/`1`), else false.
   */
  flushOnExit?: boolean;
  /** Extra resource attributes; they win over `OTEL_RESOURCE_ATTRIBUTES`. @defaultValue none */
  resourceAttributes?: Attributes;
  /**
   * Stamp the trace context of `withTraceAttributes` scopes (conversation, user, tags, metadata,
   * prompt name/version) on every span started in them, also on spans of other instrumentations
   * (HTTP, databases), through core-semconv's `TraceAttributesSpanProcessor`, placed before every
   * other processor. genai-otel's own spans carry them either way.
   * @defaultValue true
   */
  traceAttributes?: boolean;
  /** Further span processors, after the presets' (e.g. an in-memory exporter in tests). @defaultValue [] */
  spanProcessors?: readonly SpanProcessor[];
  /**
   * BatchSpanProcessor settings for the batched presets; `maxQueueSize` bounds the memory held for
   * a destination that is down (spans past it are dropped and counted).
   * @defaultValue `OTEL_BSP_SCHEDULE_DELAY`, `OTEL_BSP_MAX_QUEUE_SIZE`, `OTEL_BSP_MAX_EXPORT_BATCH_SIZE`,
   *   `OTEL_BSP_EXPORT_TIMEOUT`, else the SDK defaults (5000 ms, 2048, 512, 30000 ms).
   */
  batch?: BufferConfig;
  /** Span limits. @defaultValue `OTEL_SPAN_*` / `OTEL_ATTRIBUTE_*` limits, else the SDK defaults. */
  spanLimits?: SpanLimits;
  /**
   * Sampler.
   * @defaultValue `OTEL_TRACES_SAMPLER` / `OTEL_TRACES_SAMPLER_ARG`, else parent-based always-on.
   */
  sampler?: Sampler;
}

/** What {@link setupTracing} returns. */
export interface TracingSetup {
  /** The tracer provider; use `tracerProvider.getTracer(...)` when not registered globally. */
  readonly tracerProvider: NodeTracerProvider;
  /**
   * The MeterProvider exporting to the presets that take metrics; `undefined` when none does or
   * metrics are off. When not registered globally, pass it to `new GenAIMetrics(name, version, meterProvider)`.
   */
  readonly meterProvider: MeterProvider | undefined;
  /** The resource every span and metric carries. */
  readonly resource: Resource;
  /** The presets in use, in order. */
  readonly presets: readonly PresetName[];
  /**
   * Per destination, what happened to its spans so far: exported, failed to export, dropped
   * because the queue was full, still queued; and to its metrics (`metrics`), when it takes them.
   * Losses are also reported through `diag.warn`.
   */
  stats(): DestinationStats[];
  /** Exports every span that has ended so far, and the metrics recorded so far, on all destinations. Never rejects. */
  forceFlush(): Promise<void>;
  /**
   * Flushes and stops all exporters (call before the process exits); if the providers were
   * registered globally, also unregisters the global tracer provider, context manager,
   * propagator and meter provider so that tracing can be set up again. Idempotent; never rejects.
   */
  shutdown(): Promise<void>;
}
