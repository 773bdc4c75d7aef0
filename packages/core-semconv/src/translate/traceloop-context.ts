import type { Attributes } from "@opentelemetry/api";
import * as A from "../attributes";
import { asText } from "./messages";
import { jsonObject, readTraceContext } from "./context";
import { TL } from "./names";
import { numberAttribute, putAttribute } from "../attribute-values";

/**
 * Adds what the Traceloop platform reads of genai-otel's trace context:
 * `traceloop.association.properties.{user_id,tags,<metadata key>}` (string values, tags joined with
 * `,`), `traceloop.prompt.{key,version,template}` with `traceloop.prompt.template_variables.<name>`,
 * and `gen_ai.usage.reasoning_tokens`. The conversation is read from `gen_ai.conversation.id` as recorded.
 */
export function putTraceloopContext(out: Attributes, a: Attributes): void {
  const ctx = readTraceContext(a);
  const p = TL.ASSOCIATION;
  putAttribute(out, `${p}.user_id`, ctx.userId);
  if (ctx.tags) out[`${p}.tags`] = ctx.tags.join(",");
  if (ctx.metadata) for (const [k, v] of Object.entries(ctx.metadata)) out[`${p}.${k}`] = String(v);
  putAttribute(out, TL.PROMPT_KEY, ctx.promptName);
  putAttribute(out, TL.PROMPT_VERSION, ctx.promptVersion);
  putAttribute(out, TL.PROMPT_TEMPLATE, ctx.promptTemplate);
  const variables = jsonObject(ctx.promptVariables);
  if (variables) for (const [k, v] of Object.entries(variables)) putAttribute(out, `${TL.PROMPT_VARIABLES}.${k}`, asText(v));
  putAttribute(out, TL.USAGE_REASONING, numberAttribute(a, A.ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS));
}
