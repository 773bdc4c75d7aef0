import { diag, propagation, type ProxyTracerProvider, trace } from "@opentelemetry/api";
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from "@opentelemetry/core";
import { resolveSetting } from "@genai-otel/core-semconv/internal";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { createDestination, type ExportMode } from "../destination";
import { readEnv } from "../env";
import { PresetConfigurationError } from "../errors";
import type { DestinationSpanProcessor } from "../export/destination-processor";
import { buildResource } from "../resource";
import { selectPresets } from "../select-presets";
import { SETUP_TRACING_SETTINGS } from "../settings";
import type { EdgeSetupTracingOptions, EdgeTracingSetup } from "./setup-options";
import { getEdgePreset } from "./presets";

/**
 * Sets up tracing on Cloudflare Workers (with or without `nodejs_compat`), Vercel's edge runtime,
 * Deno, Bun or a browser: a `BasicTracerProvider` (no Node APIs) with a resource from the options,
 * one span processor per preset, the OTLP presets over `fetch`, registered globally by default
 * (tracer provider and W3C propagators; no context manager, as there is no AsyncLocalStorage to
 * build one on everywhere: the LangChain handler nests spans by run ids without one).
 *
 * ```ts
 * const tracing = setupTracing({ serviceName: "my-worker", presets: [{ name: "otlp", options: { endpoint } }] });
 * // ... handle the request ...
 * ctx.waitUntil(tracing.flush()); // Workers; on Vercel: after(tracing.flush)
 * ```
 *
 * Workers have no process environment (unless `nodejs_compat` populates it): pass endpoints and
 * keys as options, from the request's `env`. The `file` preset and gRPC need Node; metrics are
 * not exported here.
 *
 * @param options - see {@link EdgeSetupTracingOptions}
 * @returns the provider, `flush()` and `shutdown()`, see {@link EdgeTracingSetup}
 * @throws PresetConfigurationError for an unknown preset, `file`, a gRPC protocol, a missing
 *   credential, an invalid endpoint or malformed headers; nothing is registered then.
 */
export function setupTracing(options: EdgeSetupTracingOptions = {}): EdgeTracingSetup {
  const { selections, source } = selectPresets(options.presets, getEdgePreset);
  const exportMode = resolveExportMode(options.exportMode);
  const destinations: DestinationSpanProcessor[] = [];
  try {
    for (const { name, options: presetOptions } of selections) destinations.push(createDestination(getEdgePreset(name), name, presetOptions, exportMode, options.batch));
  } catch (error) {
    for (const destination of destinations) void destination.shutdown().catch(() => undefined);
    throw error;
  }
  const resource = buildResource(options.serviceName, options.resourceAttributes);
  const tracerProvider = new BasicTracerProvider({
    resource,
    spanProcessors: [...destinations, ...(options.spanProcessors ?? [])],
    ...(options.spanLimits === undefined ? {} : { spanLimits: options.spanLimits }),
    ...(options.sampler === undefined ? {} : { sampler: options.sampler }),
  });
  const registerGlobal = resolveSetting(SETUP_TRACING_SETTINGS.registerGlobal, options.registerGlobal);
  if (registerGlobal) {
    trace.setGlobalTracerProvider(tracerProvider);
    propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
  }
  const names = selections.map((selection) => selection.name);
  diag.debug(`genai-otel: edge tracing set up with presets [${names.join(", ")}] from ${source}; export mode ${exportMode}${registerGlobal ? "; registered globally" : ""}.`);

  const flush = () => tracerProvider.forceFlush().catch((error: unknown) => diag.error("genai-otel: flush failed", error));
  let stopping: Promise<void> | undefined;
  const shutdown = () => {
    stopping ??= tracerProvider
      .shutdown()
      .catch((error: unknown) => diag.error("genai-otel: shutdown failed", error))
      .finally(() => {
        try {
          if (registerGlobal && (trace.getTracerProvider() as ProxyTracerProvider).getDelegate?.() === tracerProvider) {
            trace.disable();
            propagation.disable();
          }
        } catch (error) {
          diag.error("genai-otel: unregistering failed", error);
        }
      });
    return stopping;
  };
  return {
    tracerProvider,
    resource,
    presets: names,
    stats: () => destinations.map((destination) => destination.stats()),
    flush,
    forceFlush: flush,
    shutdown,
  };
}

function resolveExportMode(option: ExportMode | undefined): ExportMode {
  const [raw, source] = option !== undefined ? [option, 'option "exportMode"'] : [readEnv("GENAI_OTEL_EXPORT_MODE"), "GENAI_OTEL_EXPORT_MODE"];
  if (raw === undefined) return SETUP_TRACING_SETTINGS.exportMode.default;
  const mode = SETUP_TRACING_SETTINGS.exportMode.parse(raw);
  if (mode !== undefined) return mode;
  throw new PresetConfigurationError(`Unknown export mode "${raw}" from ${source}; expected "batched" or "immediate".`);
}
