import type { Attributes } from "@opentelemetry/api";
import * as A from "../attributes";
import { readTraceContext } from "./context";
import { mimeOf } from "./messages";
import { OI, WV } from "./names";
import { numberAttribute, putAttribute, stringAttribute } from "../attribute-values";
import { defineTranslator } from "./define-translator";
import type { ConventionTranslator, SpanInfo, TranslateOptions } from "./types";

/** `gen_ai.operation.name` → `weave.span.kind`; framework steps and workflows are chains. */
const KINDS: Readonly<Record<string, string>> = {
  chat: "llm",
  text_completion: "llm",
  generate_content: "llm",
  embeddings: "embedding",
  execute_tool: "tool",
  retrieval: "retriever",
  invoke_agent: "agent",
  create_agent: "agent",
};

function putValue(out: Attributes, key: string, mimeKey: string, value: string | undefined): void {
  if (value === undefined) return;
  out[key] = value;
  out[mimeKey] = mimeOf(value);
}

function weaveAttributes(a: Attributes, span: SpanInfo): Attributes {
  const out: Attributes = {};
  const operation = stringAttribute(a, A.ATTR_GEN_AI_OPERATION_NAME);
  const ctx = readTraceContext(a);
  out[WV.SPAN_KIND] = (operation && KINDS[operation]) || "chain";
  // The classic view reads input.value / output.value before gen_ai.*; it ignores tool and retrieval attributes.
  let input: string | undefined;
  let output: string | undefined;
  let display: string | undefined;
  if (operation === "execute_tool") {
    input = stringAttribute(a, A.ATTR_GEN_AI_TOOL_CALL_ARGUMENTS);
    output = stringAttribute(a, A.ATTR_GEN_AI_TOOL_CALL_RESULT);
    display = stringAttribute(a, A.ATTR_GEN_AI_TOOL_NAME);
  } else if (operation === "retrieval") {
    input = stringAttribute(a, A.ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT);
    output = stringAttribute(a, A.ATTR_GEN_AI_RETRIEVAL_DOCUMENTS);
    display = stringAttribute(a, A.ATTR_GEN_AI_DATA_SOURCE_ID);
  } else {
    input = ctx.input;
    output = ctx.output;
    display = stringAttribute(a, A.ATTR_GEN_AI_AGENT_NAME) ?? stringAttribute(a, A.ATTR_GEN_AI_WORKFLOW_NAME) ?? stringAttribute(a, "langgraph.node");
  }
  putValue(out, OI.INPUT_VALUE, OI.INPUT_MIME_TYPE, input);
  putValue(out, OI.OUTPUT_VALUE, OI.OUTPUT_MIME_TYPE, output);
  putAttribute(out, WV.DISPLAY_NAME, display);
  // Classic view: provider from llm.provider only.
  putAttribute(out, OI.LLM_PROVIDER, stringAttribute(a, A.ATTR_GEN_AI_PROVIDER_NAME));
  putAttribute(out, WV.REASONING_TOKENS, numberAttribute(a, A.ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS));
  if (ctx.conversationId !== undefined) {
    out[WV.THREAD_ID] = ctx.conversationId;
    if (span.root) out[WV.IS_TURN] = true;
  }
  const attrs = WV.ATTRIBUTES;
  putAttribute(out, `${attrs}.user_id`, ctx.userId);
  if (ctx.tags) out[`${attrs}.tags`] = ctx.tags;
  if (ctx.metadata) for (const [k, v] of Object.entries(ctx.metadata)) out[`${attrs}.${k}`] = v;
  putAttribute(out, `${attrs}.prompt_name`, ctx.promptName);
  putAttribute(out, `${attrs}.prompt_version`, ctx.promptVersion);
  return out;
}

/**
 * A translator to what W&B Weave reads besides the OpenTelemetry GenAI attributes:
 * `weave.span.kind` (`llm`, `embedding`, `tool`, `retriever`, `agent`, `chain`); `input.value` /
 * `output.value` for tools (arguments / result), retrievals (query / documents) and roots
 * (`genai_otel.input` / `output`), which the classic view shows; `wandb.display_name` (tool, data
 * source, agent, workflow or LangGraph node name); `llm.provider`; `gen_ai.usage.reasoning_tokens`;
 * `wandb.thread_id` from `gen_ai.conversation.id` with `wandb.is_turn` on the root; and
 * `wandb.attributes.{user_id,tags,prompt_name,prompt_version,<metadata key>}`.
 *
 * @internal
 */
export function weaveTranslator(options?: TranslateOptions): ConventionTranslator {
  return defineTranslator("Weave", weaveAttributes, () => true, options);
}
