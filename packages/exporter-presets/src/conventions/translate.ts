import { TranslatingSpanExporter } from "@genai-otel/core-semconv/export";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import type { Conventions } from "./conventions";

/**
 * Wraps a preset's exporter so that the spans it sends carry the attributes its backend reads
 * (see {@link Conventions}), on that destination's copy only (other destinations get the spans as
 * recorded). The single place where presets' declared conventions (`OtlpPlan.conventions`) meet
 * core-semconv's translators; `none` adds no wrapper.
 */
export function withConventions(exporter: SpanExporter, conventions: Conventions): SpanExporter {
  return conventions === "none" ? exporter : new TranslatingSpanExporter(exporter, conventions);
}
