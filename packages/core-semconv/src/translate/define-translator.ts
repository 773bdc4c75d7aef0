import { type Attributes, diag } from "@opentelemetry/api";
import { ATTR_GEN_AI_OPERATION_NAME, ATTR_GENAI_OTEL_FRAMEWORK } from "../attributes";
import { type ConventionTranslator, DEFAULT_MAX_ITEMS, type SpanInfo, type TranslateOptions } from "./types";

/**
 * True for spans genai-otel (or any OTel GenAI instrumentation) made.
 *
 * @internal
 */
export function isGenAISpan(attributes: Attributes): boolean {
  return attributes[ATTR_GEN_AI_OPERATION_NAME] !== undefined || attributes[ATTR_GENAI_OTEL_FRAMEWORK] !== undefined;
}

/**
 * Builds a translator from a function computing the added attributes: skips non-GenAI spans,
 * merges without overwriting attributes the span already has, applies `keepSource`, and turns any
 * error into "leave the span as it was" (reported through `diag.warn`).
 *
 * @param retained - `gen_ai.*` keys the target convention reads itself (kept even when `keepSource` is false)
 * @param dropped - keys to leave out of this destination's copy whatever `keepSource` says (a key
 *   that would make the backend misread the span, e.g. Datadog types any span with an operation
 *   name it does not know as a workflow)
 */
export function defineTranslator(
  label: string,
  added: (attributes: Attributes, span: SpanInfo, maxItems: number) => Attributes,
  retained: (key: string) => boolean,
  options: TranslateOptions = {},
  dropped?: (attributes: Attributes) => readonly string[] | undefined,
): ConventionTranslator {
  const keepSource = options.keepSource ?? true;
  const maxItems = Math.max(0, Math.floor(options.maxItems ?? DEFAULT_MAX_ITEMS));
  return (attributes, span = {}) => {
    try {
      if (!attributes || !isGenAISpan(attributes)) return attributes;
      const extra = added(attributes, span, maxItems);
      const out: Attributes = {};
      const drop = dropped?.(attributes);
      for (const key of Object.keys(attributes)) {
        if (drop?.includes(key)) continue;
        if (keepSource || !key.startsWith("gen_ai.") || retained(key)) out[key] = attributes[key];
      }
      for (const key of Object.keys(extra)) {
        if (!(key in attributes)) out[key] = extra[key];
      }
      return out;
    } catch (err) {
      diag.warn(`genai-otel: ${label} translation failed; span left as it was`, err);
      return attributes;
    }
  };
}
