import type { TranslatorName } from "@genai-otel/core-semconv";

/**
 * The attribute conventions a backend reads, as named by `@genai-otel/core-semconv`'s translators:
 * - `openinference`: OpenInference (`openinference.span.kind`, `llm.*`, `input.value`, …): Arize Phoenix.
 * - `traceloop`: OpenLLMetry (`traceloop.*`, indexed `gen_ai.prompt.N.*`): the Traceloop platform.
 * - `none`: the OpenTelemetry GenAI conventions as recorded (`gen_ai.*`), which the other backends read.
 */
export type Conventions = TranslatorName;
