import { diag } from "@opentelemetry/api";
import { openInferenceTranslator } from "./openinference";
import { traceloopTranslator } from "./traceloop";
import type { ConventionTranslator, TranslateOptions, TranslatorName } from "./types";

/**
 * The translator that leaves every span as it is (convention `none`).
 *
 * @internal
 */
export const identityTranslator: ConventionTranslator = (attributes) => attributes;

/**
 * The translator for a convention name: `openinference` (Arize Phoenix, Arize AX), `traceloop`
 * (Traceloop) or `none` (OpenTelemetry GenAI only; attributes are returned as they are). A name
 * outside {@link TranslatorName} (from untyped configuration) is reported through `diag.warn` and
 * yields the identity translator.
 */
export function translatorFor(name: TranslatorName, options?: TranslateOptions): ConventionTranslator {
  switch (name) {
    case "openinference":
      return openInferenceTranslator(options);
    case "traceloop":
      return traceloopTranslator(options);
    case "none":
      return identityTranslator;
    default:
      diag.warn(`genai-otel: unknown convention "${String(name)}"; expected openinference, traceloop or none. Spans are exported as they are.`);
      return identityTranslator;
  }
}
