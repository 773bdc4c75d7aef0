import type { Attributes } from "@opentelemetry/api";
import * as A from "../attributes";
import { readTraceContext } from "./context";
import { LM } from "./names";
import { numberAttribute, putAttribute, stringAttribute } from "../attribute-values";
import { defineTranslator } from "./define-translator";
import type { ConventionTranslator, TranslateOptions } from "./types";

/** Laminar parses `lmnr.span.input` / `output` as JSON: JSON text as it is, other text as a JSON string. */
function asJson(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const c = value.trimStart()[0];
  if (c === "{" || c === "[") {
    try {
      JSON.parse(value);
      return value;
    } catch {
      // plain text that starts like JSON
    }
  }
  return JSON.stringify(value);
}

function laminarAttributes(a: Attributes): Attributes {
  const out: Attributes = {};
  const operation = stringAttribute(a, A.ATTR_GEN_AI_OPERATION_NAME);
  const ctx = readTraceContext(a);
  // Laminar finds the provider under the deprecated gen_ai.system only.
  putAttribute(out, LM.SYSTEM, stringAttribute(a, A.ATTR_GEN_AI_PROVIDER_NAME));
  putAttribute(out, LM.REASONING_TOKENS, numberAttribute(a, A.ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS));
  if (operation === "retrieval") {
    putAttribute(out, LM.SPAN_INPUT, asJson(stringAttribute(a, A.ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT)));
    putAttribute(out, LM.SPAN_OUTPUT, asJson(stringAttribute(a, A.ATTR_GEN_AI_RETRIEVAL_DOCUMENTS)));
  } else {
    putAttribute(out, LM.SPAN_INPUT, asJson(ctx.input));
    putAttribute(out, LM.SPAN_OUTPUT, asJson(ctx.output));
  }
  const p = LM.ASSOCIATION;
  putAttribute(out, `${p}.session_id`, ctx.conversationId);
  putAttribute(out, `${p}.user_id`, ctx.userId);
  if (ctx.tags) out[`${p}.tags`] = ctx.tags;
  if (ctx.metadata) for (const [k, v] of Object.entries(ctx.metadata)) out[`${p}.metadata.${k}`] = v;
  return out;
}

/**
 * A translator to what Laminar reads besides the OpenTelemetry GenAI attributes: `gen_ai.system`
 * beside `gen_ai.provider.name` (its only provider key), `gen_ai.usage.reasoning_tokens`,
 * `lmnr.span.input` / `output` (JSON) for retrievals (query / documents) and roots
 * (`genai_otel.input` / `output`), and `lmnr.association.properties.{session_id,user_id,tags,metadata.<key>}`
 * (Laminar does not read `gen_ai.conversation.id`).
 *
 * @internal
 */
export function laminarTranslator(options?: TranslateOptions): ConventionTranslator {
  return defineTranslator("Laminar", laminarAttributes, () => true, options);
}
