/**
 * Convention translation: renders genai-otel's OpenTelemetry GenAI spans in the conventions other
 * backends read, per destination, at export time.
 *
 * | backend | reads | translator |
 * |---|---|---|
 * | Arize Phoenix, Arize AX | OpenInference | `openinference` |
 * | Traceloop | `traceloop.*` plus `gen_ai.*` (indexed legacy form and current) | `traceloop` |
 * | W&B Weave | `gen_ai.*`, OpenInference `input.value`/`output.value`, `traceloop.entity.*` | `none` (any works) |
 * | Datadog LLM Observability | OTel GenAI 1.37+, OpenInference, OpenLLMetry | `none` |
 * | New Relic AI monitoring | OTel GenAI | `none` |
 * | Langfuse | `langfuse.*` > `gen_ai.*` > OpenInference `input.value`/`output.value` | `none` |
 * | Grafana, Honeycomb, Jaeger | any attributes | `none` |
 *
 * The exporter wrapper (`TranslatingSpanExporter`) is in `@genai-otel/core-semconv/export`.
 * @packageDocumentation
 */
export { openInferenceTranslator, toOpenInference } from "./openinference";
export { traceloopTranslator, toTraceloop } from "./traceloop";
export { identityTranslator, translatorFor } from "./registry";
export {
  type ConventionTranslator,
  type SpanInfo,
  type TranslateOptions,
  type TranslatorName,
  TRANSLATOR_NAMES,
} from "./types";
export { isGenAISpan } from "./translator";
