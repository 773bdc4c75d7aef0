/**
 * `@genai-otel/core-semconv/export`: the parts that work on SDK spans at export time, kept off the
 * main entry so that importing core-semconv never needs `@opentelemetry/sdk-trace-base` (an optional
 * peer), not even for its types.
 * @packageDocumentation
 */
export { TranslatingSpanExporter, spanInfoOf, translateSpan } from "./translate/exporter";
