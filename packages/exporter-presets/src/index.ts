/**
 * @genai-otel/exporter-presets: named OpenTelemetry exporters for GenAI backends and a one-call
 * `setupTracing`. Presets: `console`, `file`, `otlp`, `jaeger`, `traceloop`, `weave`, `datadog`,
 * `datadog-llmobs`, `newrelic`, `grafana`, `honeycomb`, `langfuse`, `phoenix`, `laminar`; the GenAI
 * metrics go to those whose backend takes OTLP metrics (`otlp`, `datadog`, `newrelic`, `grafana`, `honeycomb`).
 * @packageDocumentation
 */
export { createExporter } from "./create-exporter";
export { createMetricExporter } from "./create-metric-exporter";
export { setupTracing } from "./setup-tracing";
export type { SetupTracingOptions, TracingSetup } from "./setup-options";
export type { ExportMode } from "./destination";
export type { DestinationOptions, SpanFilter } from "./destination-options";
export type { DestinationStats } from "./export/destination-processor";
export type { ExportCounts } from "./export/reporting-exporter";
export type { MetricExportCounts } from "./export/reporting-metric-exporter";
export type { MetricsTemporality } from "./metrics/temporality";
export type { PresetSelection } from "./select-presets";
export { METRICS_PRESET_NAMES, PRESET_NAMES, isPresetName } from "./presets/registry";
export type { MetricsPresetName, PresetName, PresetOptionsMap } from "./presets/registry";
export { PresetConfigurationError } from "./errors";
export type { Conventions } from "./conventions/conventions";
export type { OtlpMetricsOptions, OtlpProtocol, OtlpTransportOptions } from "./otlp/types";
export type { ConsolePresetOptions } from "./presets/console";
export type { FilePresetOptions } from "./presets/file";
export type { OtlpPresetOptions } from "./presets/otlp";
export type { JaegerPresetOptions } from "./presets/jaeger";
export type { TraceloopPresetOptions } from "./presets/traceloop";
export type { WeavePresetOptions } from "./presets/weave";
export type { DatadogPresetOptions } from "./presets/datadog";
export type { DatadogLlmObsPresetOptions, DatadogSite } from "./presets/datadog-llmobs";
export { NEW_RELIC_ATTRIBUTE_VALUE_LIMIT } from "./presets/newrelic";
export type { NewRelicPresetOptions, NewRelicRegion } from "./presets/newrelic";
export type { GrafanaPresetOptions } from "./presets/grafana";
export type { HoneycombPresetOptions, HoneycombRegion } from "./presets/honeycomb";
export type { LangfusePresetOptions, LangfuseRegion } from "./presets/langfuse";
export type { PhoenixPresetOptions } from "./presets/phoenix";
export type { LaminarPresetOptions } from "./presets/laminar";
