import type { Attributes } from "@opentelemetry/api";
import * as A from "../attributes";
import { firstChunkMillis, INFERENCE_OPERATIONS, readTraceContext } from "./context";
import { LF } from "./names";
import { putAttribute, stringAttribute } from "../attribute-values";
import { defineTranslator } from "./define-translator";
import type { ConventionTranslator, SpanInfo, TranslateOptions } from "./types";

/**
 * `langfuse.observation.type` where Langfuse's own mapping is wrong: it types retrievals, workflows
 * and framework steps as plain spans. Generations, embeddings, agents and tools it types itself.
 */
function observationType(operation: string | undefined): string | undefined {
  if (operation === "retrieval") return "retriever";
  if (operation === undefined || operation === "invoke_workflow") return "chain";
  return undefined;
}

/** A prompt version as Langfuse stores it (an integer), else undefined. */
function promptVersion(version: string | undefined): number | undefined {
  if (version === undefined || !/^\d+$/.test(version)) return undefined;
  const n = Number(version);
  return Number.isSafeInteger(n) ? n : undefined;
}

function langfuseAttributes(a: Attributes, span: SpanInfo): Attributes {
  const out: Attributes = {};
  const operation = stringAttribute(a, A.ATTR_GEN_AI_OPERATION_NAME);
  const ctx = readTraceContext(a);
  putAttribute(out, LF.OBSERVATION_TYPE, observationType(operation));
  if (operation === "retrieval") {
    putAttribute(out, LF.OBSERVATION_INPUT, stringAttribute(a, A.ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT));
    putAttribute(out, LF.OBSERVATION_OUTPUT, stringAttribute(a, A.ATTR_GEN_AI_RETRIEVAL_DOCUMENTS));
  } else {
    // Workflow / chain / query roots; agents, tools and generations are read from gen_ai.* by Langfuse.
    putAttribute(out, LF.OBSERVATION_INPUT, ctx.input);
    putAttribute(out, LF.OBSERVATION_OUTPUT, ctx.output);
  }
  if (ctx.tags) out[LF.TRACE_TAGS] = ctx.tags;
  if (ctx.metadata) for (const [k, v] of Object.entries(ctx.metadata)) out[`${LF.TRACE_METADATA}.${k}`] = v;
  if (operation !== undefined && INFERENCE_OPERATIONS.has(operation)) {
    putAttribute(out, LF.PROMPT_NAME, ctx.promptName);
    putAttribute(out, LF.PROMPT_VERSION, promptVersion(ctx.promptVersion));
    const first = firstChunkMillis(a, span.startTimeMs);
    if (first !== undefined) out[LF.COMPLETION_START_TIME] = new Date(first).toISOString();
  }
  return out;
}

/**
 * A translator to what Langfuse's v4 OTLP ingestion reads besides the OpenTelemetry GenAI
 * attributes (which it maps itself: generations, models, usage, session from
 * `gen_ai.conversation.id`, user from `user.id`, environment and release from the resource):
 * - `langfuse.observation.type`: `retriever` for retrievals, `chain` for workflows and framework steps;
 * - `langfuse.observation.input` / `output`: a retrieval's query and documents, a root's
 *   `genai_otel.input` / `genai_otel.output`;
 * - `langfuse.trace.tags` and `langfuse.trace.metadata.<key>` from `genai_otel.tags` / `genai_otel.metadata.*`;
 * - on generations, `langfuse.observation.prompt.name` / `version` (integer versions only, as Langfuse
 *   stores them) and `langfuse.observation.completion_start_time` (ISO 8601) from the time to first chunk.
 *
 * @internal
 */
export function langfuseTranslator(options?: TranslateOptions): ConventionTranslator {
  return defineTranslator("Langfuse", langfuseAttributes, () => true, options);
}
