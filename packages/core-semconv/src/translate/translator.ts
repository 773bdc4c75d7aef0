import { type Attributes, type AttributeValue, diag } from "@opentelemetry/api";
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

/** Adds a value unless it is absent, a non-finite number or an empty string. */
export function put(out: Attributes, key: string, value: AttributeValue | undefined | null): void {
  if (value === undefined || value === null) return;
  if (typeof value === "number" && !Number.isFinite(value)) return;
  if (value === "") return;
  out[key] = value;
}

/** A string attribute, or undefined. */
export function str(attributes: Attributes, key: string): string | undefined {
  const v = attributes[key];
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** A numeric attribute, or undefined. */
export function num(attributes: Attributes, key: string): number | undefined {
  const v = attributes[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/**
 * Builds a translator from a function computing the added attributes: skips non-GenAI spans,
 * merges without overwriting attributes the span already has, applies `keepSource`, and turns any
 * error into "leave the span as it was" (reported through `diag.debug`).
 *
 * @param retained - `gen_ai.*` keys the target convention reads itself (kept even when `keepSource` is false)
 */
export function translator(
  label: string,
  added: (attributes: Attributes, span: SpanInfo, maxItems: number) => Attributes,
  retained: (key: string) => boolean,
  options: TranslateOptions = {},
): ConventionTranslator {
  const keepSource = options.keepSource ?? true;
  const maxItems = Math.max(0, Math.floor(options.maxItems ?? DEFAULT_MAX_ITEMS));
  return (attributes, span = {}) => {
    try {
      if (!attributes || !isGenAISpan(attributes)) return attributes;
      const extra = added(attributes, span, maxItems);
      const out: Attributes = {};
      for (const key of Object.keys(attributes)) {
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
