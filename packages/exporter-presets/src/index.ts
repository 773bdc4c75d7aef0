/**
 * @genai-otel/exporter-presets: named OpenTelemetry exporters for GenAI backends and a one-call
 * `setupTracing`. Presets: `console`, `otlp`, `traceloop`, `weave`, `datadog`, `newrelic`.
 * @packageDocumentation
 */
export { createExporter } from "./create-exporter";
export { setupTracing } from "./setup-tracing";
export type { SetupTracingOptions, TracingSetup } from "./setup-tracing";
export type { PresetSelection } from "./select-presets";
export { PRESET_NAMES, isPresetName } from "./presets/registry";
export type { PresetName, PresetOptionsMap } from "./presets/registry";
export { PresetConfigurationError } from "./errors";
export type { OtlpProtocol, OtlpTransportOptions } from "./otlp/types";
export type { ConsolePresetOptions } from "./presets/console";
export type { OtlpPresetOptions } from "./presets/otlp";
export type { TraceloopPresetOptions } from "./presets/traceloop";
export type { WeavePresetOptions } from "./presets/weave";
export type { DatadogPresetOptions } from "./presets/datadog";
export { NEW_RELIC_ATTRIBUTE_VALUE_LIMIT } from "./presets/newrelic";
export type { NewRelicPresetOptions, NewRelicRegion } from "./presets/newrelic";
