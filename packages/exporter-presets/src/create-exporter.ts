import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { type DestinationOptions, resolveDestinationOptions } from "./destination-options";
import { FilteringSpanExporter } from "./export/filtering-exporter";
import { SpanViewExporter } from "./export/span-view-exporter";
import { getPreset, type PresetName, type PresetOptionsMap } from "./presets/registry";

/**
 * Creates the SpanExporter of a named preset, for use with your own tracer provider or NodeSDK
 * (pair `console` with a SimpleSpanProcessor and the others with a BatchSpanProcessor, as
 * {@link setupTracing} does).
 *
 * Options win over environment variables, which win over preset defaults; the standard
 * `OTEL_EXPORTER_OTLP_*` variables still apply to every OTLP preset (see the README's table).
 * Creating a `grpc` exporter starts loading `@opentelemetry/exporter-trace-otlp-grpc` in the
 * background; no other preset loads gRPC code. The options every preset takes
 * ({@link DestinationOptions}: `environment`, `release`, `spans`) apply to this exporter's spans.
 *
 * @param name - the preset, e.g. `"console"`, `"otlp"`, `"weave"`.
 * @param options - the preset's options (see {@link PresetOptionsMap}).
 * @returns a new exporter; call `shutdown()` on it (or on its processor) when done.
 * @throws PresetConfigurationError for an unknown name (listing the known ones), a missing
 *   credential (naming the option and the environment variable), an unsupported protocol or an
 *   invalid endpoint or invalid destination options. Messages never contain secret values.
 */
export function createExporter<Name extends PresetName>(name: Name, options?: PresetOptionsMap[Name]): SpanExporter {
  const preset = getPreset<Name>(name);
  const resolved = options ?? ({} as PresetOptionsMap[Name]);
  const { resourceOverrides, filter } = resolveDestinationOptions(name, resolved as DestinationOptions);
  let exporter = preset.create(resolved);
  if (resourceOverrides !== undefined) exporter = new SpanViewExporter(exporter, { resourceOverrides });
  return filter === undefined ? exporter : new FilteringSpanExporter(exporter, filter);
}
