import { context, DiagConsoleLogger, diag, propagation, type ProxyTracerProvider, trace } from "@opentelemetry/api";
import { diagLogLevelFromString } from "@opentelemetry/core";
import { resolveSetting } from "@genai-otel/core-semconv/internal";
import type { Sampler } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { TraceAttributesSpanProcessor } from "@genai-otel/core-semconv";
import { createDestination, type ExportMode } from "./destination";
import { readEnv, readFirstEnv } from "./env";
import { PresetConfigurationError } from "./errors";
import type { DestinationSpanProcessor } from "./export/destination-processor";
import type { ReportingMetricExporter } from "./export/reporting-metric-exporter";
import { type ExitEvent, flushOnExit } from "./lifecycle/flush-on-exit";
import { redactingDiagLogger } from "./lifecycle/redacting-diag-logger";
import { createMetricDestination } from "./metrics/metric-destination";
import { MetricsPipeline } from "./metrics/metrics-pipeline";
import { type MetricsSettings, resolveMetricsSettings } from "./metrics/settings";
import { getPreset, type PresetName } from "./presets/registry";
import { buildResource } from "./resource";
import { selectPresets } from "./select-presets";
import { SETUP_TRACING_SETTINGS } from "./settings";
import type { SetupTracingOptions, TracingSetup } from "./setup-options";

export type { SetupTracingOptions, TracingSetup } from "./setup-options";

/**
 * Sets up tracing in one call: a NodeTracerProvider with a resource from the options and the
 * standard environment, one span processor per preset, registered globally by default; and, for
 * the presets whose backend takes OTLP metrics, a MeterProvider exporting the GenAI metrics.
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
 *   missing credential, an invalid endpoint or malformed headers (for metrics too, e.g.
 *   `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT`), an unknown export mode, `GENAI_OTEL_METRICS` value or
 *   metrics temporality; nothing is registered then.
 */
export function setupTracing(options: SetupTracingOptions = {}): TracingSetup {
  installDiagLoggerFromEnv();
  const { selections, source } = selectPresets(options.presets, getPreset);
  warnIfSharedEndpoint(selections.map((selection) => selection.name));
  const exportMode = resolveExportMode(options.exportMode);
  const metricsSettings = resolveMetricsSettings(options.metrics, options.metricsExportIntervalMillis);

  const destinations: DestinationSpanProcessor[] = [];
  const metricExporters: (ReportingMetricExporter | undefined)[] = [];
  try {
    for (const { name, options: presetOptions } of selections) destinations.push(createDestination(getPreset(name), name, presetOptions, exportMode, options.batch));
    if (metricsSettings.enabled) for (const { name, options: presetOptions } of selections) metricExporters.push(createMetricDestination(name, presetOptions));
  } catch (error) {
    for (const destination of destinations) void destination.shutdown().catch(() => undefined);
    for (const exporter of metricExporters) void exporter?.shutdown().catch(() => undefined);
    throw error;
  }

  const resource = buildResource(options.serviceName, options.resourceAttributes);
  const metricsPipeline = new MetricsPipeline(resource, metricExporters, metricsSettings);
  const tracerProvider = new NodeTracerProvider({
    resource,
    spanProcessors: [...(options.traceAttributes === false ? [] : [new TraceAttributesSpanProcessor()]), ...destinations, ...(options.spanProcessors ?? [])],
    ...(options.spanLimits === undefined ? {} : { spanLimits: options.spanLimits }),
    ...(options.sampler === undefined ? {} : { sampler: options.sampler }),
  });
  const registerGlobal = resolveSetting(SETUP_TRACING_SETTINGS.registerGlobal, options.registerGlobal);
  if (registerGlobal) {
    tracerProvider.register();
    metricsPipeline.register();
  }
  const names = selections.map((selection) => selection.name);
  diag.debug(
    `genai-otel: tracing set up for service "${String(resource.attributes["service.name"])}" with presets [${names.join(", ")}] from ${source}; ` +
      `export mode ${exportMode}; sampler ${describeSampler(options.sampler)}; ${describeMetrics(metricsSettings, metricExporters)}` +
      `${registerGlobal ? "; registered globally" : ""}.`,
  );

  const flushSpans = () => tracerProvider.forceFlush().catch((error: unknown) => diag.warn("genai-otel: forceFlush failed", error));
  const forceFlush = async () => {
    await Promise.all([flushSpans(), metricsPipeline.forceFlush()]);
  };
  let metricsFlushedBeforeExit = false;
  const flushAtExit = async (event: ExitEvent) => {
    // Cumulative metrics export on every flush: flushing them on each beforeExit would never let the process end.
    const withMetrics = event === "SIGTERM" || !metricsFlushedBeforeExit;
    if (event === "beforeExit") metricsFlushedBeforeExit = true;
    await Promise.all([flushSpans(), withMetrics ? metricsPipeline.forceFlush() : undefined]);
  };
  const removeExitHooks = resolveSetting(SETUP_TRACING_SETTINGS.flushOnExit, options.flushOnExit) ? flushOnExit(flushAtExit) : undefined;
  const stopSpans = () =>
    tracerProvider
      .shutdown()
      .catch((error: unknown) => diag.warn("genai-otel: shutdown failed", error))
      .finally(() => {
        try {
          if (registerGlobal && (trace.getTracerProvider() as ProxyTracerProvider).getDelegate?.() === tracerProvider) {
            trace.disable();
            propagation.disable();
            // Throws on Workers with nodejs_compat (`asyncLocalStorage.disable()` is not implemented there).
            context.disable();
          }
        } catch (error) {
          diag.warn("genai-otel: unregistering the context manager failed (on Workers use @genai-otel/exporter-presets/edge)", error);
        }
      });
  let stopping: Promise<void> | undefined;
  return {
    tracerProvider,
    meterProvider: metricsPipeline.meterProvider,
    resource,
    presets: names,
    stats: () =>
      destinations.map((destination, index) => {
        const metrics = metricExporters[index]?.stats();
        return metrics === undefined ? destination.stats() : { ...destination.stats(), metrics };
      }),
    forceFlush,
    shutdown: () => {
      removeExitHooks?.();
      stopping ??= Promise.all([stopSpans(), metricsPipeline.shutdown()]).then(() => undefined);
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
  if (option === undefined) {
    const raw = readEnv("GENAI_OTEL_EXPORT_MODE");
    if (raw === undefined) return SETUP_TRACING_SETTINGS.exportMode.default;
    return checkExportMode(SETUP_TRACING_SETTINGS.exportMode.parse(raw), raw, "GENAI_OTEL_EXPORT_MODE");
  }
  return checkExportMode(SETUP_TRACING_SETTINGS.exportMode.parse(option), option, 'option "exportMode"');
}

function checkExportMode(mode: ExportMode | undefined, raw: string, source: string): ExportMode {
  if (mode !== undefined) return mode;
  throw new PresetConfigurationError(`Unknown export mode "${raw}" from ${source}; expected "batched" or "immediate".`);
}

function describeMetrics(settings: MetricsSettings, exporters: readonly (ReportingMetricExporter | undefined)[]): string {
  if (!settings.enabled) return `metrics off (${settings.source})`;
  const presets = exporters.filter((exporter) => exporter !== undefined).map((exporter) => exporter.preset);
  if (presets.length === 0) return "no preset takes metrics";
  return `metrics to [${presets.join(", ")}] every ${settings.exportIntervalMillis} ms`;
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
