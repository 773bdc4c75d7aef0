import { defineSettings } from "@genai-otel/core-semconv/internal";

function parseExportMode(raw: string): "batched" | "immediate" | undefined {
  const value = raw.trim().toLowerCase();
  return value === "batched" || value === "immediate" ? value : undefined;
}

/**
 * The options of `setupTracing` in one table (option, variable, default, doc): the README's
 * `setupTracing` option table is generated from it (`scripts/settings-tables.ts`) and checked by a
 * test. Settings with a richer precedence (presets, service name, metrics, sampler) are resolved by
 * their own functions, which this table documents; the preset options have their tables in the
 * preset sections.
 */
export const SETUP_TRACING_SETTINGS = defineSettings({
  serviceName: {
    option: "serviceName",
    env: "OTEL_SERVICE_NAME",
    type: "string",
    default: undefined,
    defaultText: "`service.name` in `OTEL_RESOURCE_ATTRIBUTES`, else `unknown_service:<process>`",
    doc: "`service.name` of the resource",
  },
  presets: {
    option: "presets",
    env: "GENAI_OTEL_PRESET",
    type: "object",
    default: undefined,
    envValues: "comma-separated names, `none`",
    defaultText: "`OTEL_TRACES_EXPORTER` (`otlp`/`console`/`none`), else `otlp` when an OTLP endpoint variable is set, else `console`",
    doc: "where spans go: preset names or `{ name, options }`, one span processor each",
  },
  exportMode: {
    option: "exportMode",
    env: "GENAI_OTEL_EXPORT_MODE",
    type: "string",
    default: "batched",
    envValues: "`batched`, `immediate`",
    parse: parseExportMode,
    doc: "`batched` (a bounded background queue, for servers) or `immediate` (each span exported as it ends, for serverless)",
  },
  registerGlobal: {
    option: "registerGlobal",
    type: "boolean",
    default: true as boolean,
    doc: "register the providers globally (tracer provider, context manager and propagators on Node; tracer provider and propagators on the edge)",
  },
  metrics: {
    option: "metrics",
    env: "GENAI_OTEL_METRICS",
    type: "boolean",
    default: true as boolean,
    envValues: "`true`/`1`/`yes`, `false`/`0`/`no`",
    defaultText: "off when `OTEL_METRICS_EXPORTER=none`, else on",
    doc: "export the GenAI metrics to the presets whose backend takes OTLP metrics (Node entry only)",
  },
  metricsExportIntervalMillis: {
    option: "metricsExportIntervalMillis",
    env: "OTEL_METRIC_EXPORT_INTERVAL",
    type: "number",
    default: 60_000,
    defaultText: "60000 ms",
    doc: "time between two metric exports",
  },
  flushOnExit: {
    option: "flushOnExit",
    env: "GENAI_OTEL_FLUSH_ON_EXIT",
    type: "boolean",
    default: false as boolean,
    envValues: "`true`/`1`/`yes`, `false`/`0`/`no`",
    doc: "flush on `beforeExit` and `SIGTERM` (Node entry only)",
  },
  resourceAttributes: { option: "resourceAttributes", type: "object", default: undefined, defaultText: "none", doc: "extra resource attributes; they win over `OTEL_RESOURCE_ATTRIBUTES`" },
  spanProcessors: { option: "spanProcessors", type: "object", default: undefined, defaultText: "`[]`", doc: "further span processors, after the presets'" },
  batch: {
    option: "batch",
    type: "object",
    default: undefined,
    defaultText: "`OTEL_BSP_*`, else the SDK defaults",
    doc: "BatchSpanProcessor settings of the batched presets (`maxQueueSize` bounds the memory held for a destination that is down)",
  },
  spanLimits: { option: "spanLimits", type: "object", default: undefined, defaultText: "`OTEL_SPAN_*` / `OTEL_ATTRIBUTE_*`, else the SDK defaults", doc: "span limits" },
  sampler: {
    option: "sampler",
    env: "OTEL_TRACES_SAMPLER",
    type: "object",
    default: undefined,
    envValues: "with `OTEL_TRACES_SAMPLER_ARG`",
    defaultText: "parent-based always-on",
    doc: "the sampler",
  },
});
