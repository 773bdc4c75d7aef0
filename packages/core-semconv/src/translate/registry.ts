import { diag } from "@opentelemetry/api";
import { datadogTranslator } from "./datadog";
import { laminarTranslator } from "./laminar";
import { langfuseTranslator } from "./langfuse";
import { openInferenceTranslator } from "./openinference";
import { traceloopTranslator } from "./traceloop";
import { type ConventionTranslator, TRANSLATOR_NAMES, type TranslateOptions, type TranslatorName } from "./types";
import { weaveTranslator } from "./weave";

/**
 * The translator that leaves every span as it is (convention `none`).
 *
 * @internal
 */
export const identityTranslator: ConventionTranslator = (attributes) => attributes;

/**
 * The translator for a convention name: `openinference` (Arize Phoenix, Arize AX), `traceloop`
 * (Traceloop), `langfuse`, `datadog` (LLM Observability), `weave`, `laminar`, or `none`
 * (OpenTelemetry GenAI only; attributes are returned as they are). A name
 * outside {@link TranslatorName} (from untyped configuration) is reported through `diag.warn` and
 * yields the identity translator.
 */
export function translatorFor(name: TranslatorName, options?: TranslateOptions): ConventionTranslator {
  switch (name) {
    case "openinference":
      return openInferenceTranslator(options);
    case "traceloop":
      return traceloopTranslator(options);
    case "langfuse":
      return langfuseTranslator(options);
    case "datadog":
      return datadogTranslator(options);
    case "weave":
      return weaveTranslator(options);
    case "laminar":
      return laminarTranslator(options);
    case "none":
      return identityTranslator;
    default:
      diag.warn(`genai-otel: unknown convention "${String(name)}"; expected one of ${TRANSLATOR_NAMES.join(", ")}. Spans are exported as they are.`);
      return identityTranslator;
  }
}
