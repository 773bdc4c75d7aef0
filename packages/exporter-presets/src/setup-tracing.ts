import { type Attributes, context, DiagConsoleLogger, diag, propagation, type ProxyTracerProvider, trace } from "@opentelemetry/api";
import { diagLogLevelFromString } from "@opentelemetry/core";
import type { Resource } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  type BufferConfig,
  type Sampler,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanLimits,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { readEnv, readFirstEnv } from "./env";
import { getPreset, type PresetName } from "./presets/registry";
import { buildResource } from "./resource";
import { type PresetSelection, selectPresets } from "./select-presets";

/** Options of {@link setupTracing}; all optional. */
export interface SetupTracingOptions {
  /**
   * `service.name` of the resource.
   * @defaultValue `OTEL_SERVICE_NAME`, else `service.name` in `OTEL_RESOURCE_ATTRIBUTES`, else
   *   `unknown_service:<process name>` (the OpenTelemetry default).
   */
  serviceName?: string;
  /**
   * Where spans go: preset names, or `{ name, options }`. Each preset gets its own span processor
   * (SimpleSpanProcessor for `console`, BatchSpanProcessor for the others), so a slow or failing
   * destination does not hold back the others. `[]` exports nothing (see `spanProcessors`).
   * @defaultValue `GENAI_OTEL_PRESET` (comma-separated, `none` for nothing), else `OTEL_TRACES_EXPORTER`
   *   (`otlp`/`console`/`none`), else `otlp` if `OTEL_EXPORTER_OTLP_ENDPOINT` or
   *   `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is set, else `console`.
   */
  presets?: readonly PresetSelection[];
  /**
   * Register the provider as the global tracer provider, with the AsyncLocalStorage context manager
   * and the W3C trace-context and baggage propagators (`NodeTracerProvider.register()`).
   * @defaultValue true
   */
  registerGlobal?: boolean;
  /** Extra resource attributes; they win over `OTEL_RESOURCE_ATTRIBUTES`. @defaultValue none */
  resourceAttributes?: Attributes;
  /** Further span processors, after the presets' (e.g. an in-memory exporter in tests). @defaultValue [] */
  spanProcessors?: readonly SpanProcessor[];
  /**
   * BatchSpanProcessor settings for the network presets.
   * @defaultValue `OTEL_BSP_SCHEDULE_DELAY`, `OTEL_BSP_MAX_QUEUE_SIZE`, `OTEL_BSP_MAX_EXPORT_BATCH_SIZE`,
   *   `OTEL_BSP_EXPORT_TIMEOUT`, else the SDK defaults (5000 ms, 2048, 512, 30000 ms).
   */
  batch?: BufferConfig;
  /** Span limits. @defaultValue `OTEL_SPAN_*` / `OTEL_ATTRIBUTE_*` limits, else the SDK defaults. */
  spanLimits?: SpanLimits;
  /** Sampler. @defaultValue `OTEL_TRACES_SAMPLER` / `OTEL_TRACES_SAMPLER_ARG`, else parent-based always-on. */
  sampler?: Sampler;
}

/** What {@link setupTracing} returns. */
export interface TracingSetup {
  /** The tracer provider; use `tracerProvider.getTracer(...)` when not registered globally. */
  readonly tracerProvider: NodeTracerProvider;
  /** The resource every span carries. */
  readonly resource: Resource;
  /** The presets in use, in order. */
  readonly presets: readonly PresetName[];
  /** Exports every span that has ended so far, on all destinations. Never rejects. */
  forceFlush(): Promise<void>;
  /**
   * Flushes and stops all exporters (call before the process exits); if the provider was
   * registered globally, also unregisters the global tracer provider, context manager and
   * propagator so that tracing can be set up again. Idempotent; never rejects.
   */
  shutdown(): Promise<void>;
}

/**
 * Sets up tracing in one call: a NodeTracerProvider with a resource from the options and the
 * standard environment, one span processor per preset, registered globally by default.
 *
 * ```ts
 * const tracing = setupTracing({ serviceName: "my-app", presets: ["console"] }); // or GENAI_OTEL_PRESET=console
 * // ... run the app ...
 * await tracing.shutdown(); // flushes
 * ```
 *
 * When `OTEL_LOG_LEVEL` is set, a console diag logger is installed at that level (as the
 * OpenTelemetry NodeSDK does); at `debug` each preset logs its protocol, endpoint and header names.
 *
 * @param options - see {@link SetupTracingOptions}.
 * @returns the provider and its lifecycle, see {@link TracingSetup}.
 * @throws PresetConfigurationError for an unknown preset (in the option or `GENAI_OTEL_PRESET`), a
 *   missing credential or an invalid endpoint; nothing is registered then.
 */
export function setupTracing(options: SetupTracingOptions = {}): TracingSetup {
  installDiagLoggerFromEnv();
  const { selections, source } = selectPresets(options.presets);
  warnIfSharedEndpoint(selections.map((selection) => selection.name));

  const exporters: SpanExporter[] = [];
  const processors: SpanProcessor[] = [];
  try {
    for (const { name, options: presetOptions } of selections) {
      const preset = getPreset(name);
      const exporter = preset.create(presetOptions as never);
      exporters.push(exporter);
      processors.push(preset.processor === "simple" ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter, options.batch));
    }
  } catch (error) {
    for (const exporter of exporters) void exporter.shutdown().catch(() => undefined);
    throw error;
  }
  processors.push(...(options.spanProcessors ?? []));

  const resource = buildResource(options.serviceName, options.resourceAttributes);
  const tracerProvider = new NodeTracerProvider({
    resource,
    spanProcessors: processors,
    ...(options.spanLimits === undefined ? {} : { spanLimits: options.spanLimits }),
    ...(options.sampler === undefined ? {} : { sampler: options.sampler }),
  });
  const registerGlobal = options.registerGlobal ?? true;
  if (registerGlobal) tracerProvider.register();
  const names = selections.map((selection) => selection.name);
  diag.debug(`genai-otel: tracing set up with presets [${names.join(", ")}] from ${source}${registerGlobal ? ", registered globally" : ""}.`);

  let stopping: Promise<void> | undefined;
  return {
    tracerProvider,
    resource,
    presets: names,
    forceFlush: () => tracerProvider.forceFlush().catch((error: unknown) => diag.error("genai-otel: forceFlush failed", error)),
    shutdown: () => {
      stopping ??= tracerProvider
        .shutdown()
        .catch((error: unknown) => diag.error("genai-otel: shutdown failed", error))
        .finally(() => {
          if (registerGlobal && (trace.getTracerProvider() as ProxyTracerProvider).getDelegate?.() === tracerProvider) {
            trace.disable();
            context.disable();
            propagation.disable();
          }
        });
      return stopping;
    },
  };
}

function installDiagLoggerFromEnv(): void {
  const level = readEnv("OTEL_LOG_LEVEL");
  if (level === undefined) return;
  const logLevel = diagLogLevelFromString(level);
  if (logLevel !== undefined) diag.setLogger(new DiagConsoleLogger(), { logLevel, suppressOverrideMessage: true });
}

/** `OTEL_EXPORTER_OTLP_ENDPOINT` applies to every OTLP preset that has no endpoint of its own: say so. */
function warnIfSharedEndpoint(names: readonly PresetName[]): void {
  const network = names.filter((name) => name !== "console");
  const env = readFirstEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT");
  if (env !== undefined && network.length > 1) {
    diag.warn(
      `genai-otel: ${env.name} is set and applies to each of the presets [${network.join(", ")}] that has no endpoint option or variable of its own.`,
    );
  }
}
