import { type Attributes, context, DiagConsoleLogger, diag, propagation, type ProxyTracerProvider, trace } from "@opentelemetry/api";
import { diagLogLevelFromString } from "@opentelemetry/core";
import type { Resource } from "@opentelemetry/resources";
import type { BufferConfig, Sampler, SpanLimits, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { createDestination, type ExportMode } from "./destination";
import { readEnv, readFirstEnv } from "./env";
import { PresetConfigurationError } from "./errors";
import type { DestinationSpanProcessor, DestinationStats } from "./export/destination-processor";
import { flushOnExit } from "./lifecycle/flush-on-exit";
import { redactingDiagLogger } from "./lifecycle/redacting-diag-logger";
import type { PresetName } from "./presets/registry";
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
   * and the W3C trace-context and baggage propagators (`NodeTracerProvider.register()`).
   * @defaultValue true
   */
  registerGlobal?: boolean;
  /**
   * Flush spans when the process is about to exit on its own (`beforeExit`) and on `SIGTERM` (then
   * the signal ends the process as before, unless the app listens for it itself).
   * @defaultValue `GENAI_OTEL_FLUSH_ON_EXIT` (`true`/`1`), else false.
   */
  flushOnExit?: boolean;
  /** Extra resource attributes; they win over `OTEL_RESOURCE_ATTRIBUTES`. @defaultValue none */
  resourceAttributes?: Attributes;
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
  /** The resource every span carries. */
  readonly resource: Resource;
  /** The presets in use, in order. */
  readonly presets: readonly PresetName[];
  /**
   * Per destination, what happened to its spans so far: exported, failed to export, dropped
   * because the queue was full, still queued. Losses are also reported through `diag.warn`.
   */
  stats(): DestinationStats[];
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
 * OpenTelemetry NodeSDK does), which removes the presets' secrets from every message; at `debug`
 * each preset logs its protocol, endpoint and header names (never their values), and the setup
 * logs its export mode and sampler.
 *
 * @param options - see {@link SetupTracingOptions}.
 * @returns the provider and its lifecycle, see {@link TracingSetup}.
 * @throws PresetConfigurationError for an unknown preset (in the option or `GENAI_OTEL_PRESET`), a
 *   missing credential, an invalid endpoint or malformed headers; nothing is registered then.
 */
export function setupTracing(options: SetupTracingOptions = {}): TracingSetup {
  installDiagLoggerFromEnv();
  const { selections, source } = selectPresets(options.presets);
  warnIfSharedEndpoint(selections.map((selection) => selection.name));
  const exportMode = resolveExportMode(options.exportMode);

  const destinations: DestinationSpanProcessor[] = [];
  try {
    for (const { name, options: presetOptions } of selections) destinations.push(createDestination(name, presetOptions, exportMode, options.batch));
  } catch (error) {
    for (const destination of destinations) void destination.shutdown().catch(() => undefined);
    throw error;
  }

  const resource = buildResource(options.serviceName, options.resourceAttributes);
  const tracerProvider = new NodeTracerProvider({
    resource,
    spanProcessors: [...destinations, ...(options.spanProcessors ?? [])],
    ...(options.spanLimits === undefined ? {} : { spanLimits: options.spanLimits }),
    ...(options.sampler === undefined ? {} : { sampler: options.sampler }),
  });
  const registerGlobal = options.registerGlobal ?? true;
  if (registerGlobal) tracerProvider.register();
  const names = selections.map((selection) => selection.name);
  diag.debug(
    `genai-otel: tracing set up for service "${String(resource.attributes["service.name"])}" with presets [${names.join(", ")}] from ${source}; ` +
      `export mode ${exportMode}; sampler ${describeSampler(options.sampler)}${registerGlobal ? "; registered globally" : ""}.`,
  );

  const forceFlush = () => tracerProvider.forceFlush().catch((error: unknown) => diag.error("genai-otel: forceFlush failed", error));
  const removeExitHooks = resolveFlushOnExit(options.flushOnExit) ? flushOnExit(forceFlush) : undefined;
  let stopping: Promise<void> | undefined;
  return {
    tracerProvider,
    resource,
    presets: names,
    stats: () => destinations.map((destination) => destination.stats()),
    forceFlush,
    shutdown: () => {
      removeExitHooks?.();
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
  if (logLevel !== undefined) diag.setLogger(redactingDiagLogger(new DiagConsoleLogger()), { logLevel, suppressOverrideMessage: true });
}

function resolveExportMode(option: ExportMode | undefined): ExportMode {
  const [raw, source] = option !== undefined ? [option, 'option "exportMode"'] : [readEnv("GENAI_OTEL_EXPORT_MODE"), "GENAI_OTEL_EXPORT_MODE"];
  if (raw === undefined) return "batched";
  const value = raw.toLowerCase();
  if (value === "batched" || value === "immediate") return value;
  throw new PresetConfigurationError(`Unknown export mode "${raw}" from ${source}; expected "batched" or "immediate".`);
}

function resolveFlushOnExit(option: boolean | undefined): boolean {
  if (option !== undefined) return option;
  const raw = readEnv("GENAI_OTEL_FLUSH_ON_EXIT")?.toLowerCase();
  return raw === "true" || raw === "1";
}

function describeSampler(sampler: Sampler | undefined): string {
  if (sampler !== undefined) return `${sampler.toString()} (option "sampler")`;
  const env = readEnv("OTEL_TRACES_SAMPLER");
  if (env === undefined) return "parentbased_always_on (default)";
  const arg = readEnv("OTEL_TRACES_SAMPLER_ARG");
  return `${env}${arg === undefined ? "" : `(${arg})`} (OTEL_TRACES_SAMPLER)`;
}

/** `OTEL_EXPORTER_OTLP_ENDPOINT` applies to every OTLP preset that has no endpoint of its own: say so. */
function warnIfSharedEndpoint(names: readonly PresetName[]): void {
  const network = names.filter((name) => name !== "console" && name !== "file");
  const env = readFirstEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT");
  if (env !== undefined && network.length > 1) {
    diag.warn(
      `genai-otel: ${env.name} is set and applies to each of the presets [${network.join(", ")}] that has no endpoint option or variable of its own.`,
    );
  }
}
