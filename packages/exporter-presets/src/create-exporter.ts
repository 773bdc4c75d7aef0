import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { getPreset, type PresetName, type PresetOptionsMap } from "./presets/registry";

/**
 * Creates the SpanExporter of a named preset, for use with your own tracer provider or NodeSDK
 * (pair `console` with a SimpleSpanProcessor and the others with a BatchSpanProcessor, as
 * {@link setupTracing} does).
 *
 * Options win over environment variables, which win over preset defaults; the standard
 * `OTEL_EXPORTER_OTLP_*` variables still apply to every OTLP preset (see the README's table).
 * Creating a `grpc` exporter starts loading `@opentelemetry/exporter-trace-otlp-grpc` in the
 * background; no other preset loads gRPC code.
 *
 * @param name - the preset, e.g. `"console"`, `"otlp"`, `"weave"`.
 * @param options - the preset's options (see {@link PresetOptionsMap}).
 * @returns a new exporter; call `shutdown()` on it (or on its processor) when done.
 * @throws PresetConfigurationError for an unknown name (listing the known ones), a missing
 *   credential (naming the option and the environment variable), an unsupported protocol or an
 *   invalid endpoint. Messages never contain secret values.
 */
export function createExporter<Name extends PresetName>(name: Name, options?: PresetOptionsMap[Name]): SpanExporter {
  return getPreset<Name>(name).create(options ?? ({} as PresetOptionsMap[Name]));
}
