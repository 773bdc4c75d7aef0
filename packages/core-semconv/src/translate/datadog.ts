import type { Attributes } from "@opentelemetry/api";
import { safeJsonStringify } from "../serialize";
import * as A from "../attributes";
import { jsonObject, readTraceContext } from "./context";
import { jsonArray, mimeOf, readDocuments } from "./messages";
import { DD, OI } from "./names";
import { numberAttribute, putAttribute, stringAttribute } from "../attribute-values";
import { defineTranslator } from "./define-translator";
import type { ConventionTranslator, TranslateOptions } from "./types";

function retrieval(out: Attributes, a: Attributes, max: number): void {
  out[OI.SPAN_KIND] = "RETRIEVER";
  const query = stringAttribute(a, A.ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT);
  if (query !== undefined) {
    out[OI.INPUT_VALUE] = query;
    out[OI.INPUT_MIME_TYPE] = mimeOf(query);
  }
  readDocuments(jsonArray(a, A.ATTR_GEN_AI_RETRIEVAL_DOCUMENTS), max).forEach((d, i) => {
    const p = `${OI.RETRIEVAL_DOCUMENTS}.${i}.document`;
    putAttribute(out, `${p}.id`, d.id);
    putAttribute(out, `${p}.content`, d.content);
    putAttribute(out, `${p}.score`, d.score);
  });
}

function datadogAttributes(a: Attributes, _span: unknown, max: number): Attributes {
  const out: Attributes = {};
  const operation = stringAttribute(a, A.ATTR_GEN_AI_OPERATION_NAME);
  const ctx = readTraceContext(a);
  if (operation === "retrieval") retrieval(out, a, max);
  else if (ctx.input !== undefined || ctx.output !== undefined) {
    // Workflow roots: Datadog falls back to input.value / output.value.
    if (ctx.input !== undefined) {
      out[OI.INPUT_VALUE] = ctx.input;
      out[OI.INPUT_MIME_TYPE] = mimeOf(ctx.input);
    }
    if (ctx.output !== undefined) {
      out[OI.OUTPUT_VALUE] = ctx.output;
      out[OI.OUTPUT_MIME_TYPE] = mimeOf(ctx.output);
    }
  }
  // Datadog reads cache and reasoning counts only under OpenInference's keys (its cost needs them).
  putAttribute(out, OI.TOKEN_CACHE_READ, numberAttribute(a, A.ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS));
  putAttribute(out, OI.TOKEN_CACHE_WRITE, numberAttribute(a, A.ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS));
  putAttribute(out, OI.TOKEN_REASONING, numberAttribute(a, A.ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS));
  if (ctx.tags) out[DD.TAGS] = ctx.tags;
  if (ctx.metadata) out[DD.METADATA] = safeJsonStringify(ctx.metadata);
  if (ctx.promptName !== undefined || ctx.promptVersion !== undefined || ctx.promptTemplate !== undefined) {
    const prompt: Record<string, unknown> = {};
    if (ctx.promptName !== undefined) prompt.name = ctx.promptName;
    if (ctx.promptVersion !== undefined) prompt.version = ctx.promptVersion;
    if (ctx.promptTemplate !== undefined) prompt.template = ctx.promptTemplate;
    const variables = jsonObject(ctx.promptVariables);
    if (variables !== undefined) prompt.variables = variables;
    out[DD.PROMPT_TRACKING] = safeJsonStringify(prompt);
  }
  return out;
}

/** Datadog types a span with an operation name it does not know as a workflow: a retrieval loses its name. */
function dropped(a: Attributes): readonly string[] | undefined {
  return a[A.ATTR_GEN_AI_OPERATION_NAME] === "retrieval" ? [A.ATTR_GEN_AI_OPERATION_NAME] : undefined;
}

/**
 * A translator to what Datadog LLM Observability's OTLP intake reads besides the OpenTelemetry GenAI
 * attributes (which it maps itself: span kinds of inference, embeddings, tools and agents, messages,
 * input/output tokens, session from `gen_ai.conversation.id`, user from `user.id`):
 * - retrievals typed `retrieval` (`openinference.span.kind` = `RETRIEVER`, read only when the span has
 *   no `gen_ai.operation.name`, so this destination's copy leaves it out) with the query as
 *   `input.value` and the documents as `retrieval.documents.N.document.{id,content,score}` (its `output.documents`);
 * - a workflow root's `genai_otel.input` / `output` as `input.value` / `output.value`;
 * - cache and reasoning tokens as `llm.token_count.prompt_details.{cache_read,cache_write}` and
 *   `llm.token_count.completion_details.reasoning` (Datadog's cost uses them);
 * - tags as `tag.tags`, metadata as `_dd.ml_obs.metadata` (JSON), prompt name/version/template/variables
 *   as `_dd.ml_obs.prompt_tracking` (JSON).
 *
 * @internal
 */
export function datadogTranslator(options?: TranslateOptions): ConventionTranslator {
  return defineTranslator("Datadog", datadogAttributes, () => true, options, dropped);
}
