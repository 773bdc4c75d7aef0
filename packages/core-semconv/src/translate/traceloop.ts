import type { Attributes } from "@opentelemetry/api";
import * as A from "../attributes";
import { safeJsonStringify } from "../serialize";
import { type FlatMessage, flattenMessages, inputMessages, jsonArray, readTools } from "./messages";
import { TL, type TraceloopSpanKind } from "./names";
import { putTraceloopContext } from "./traceloop-context";
import { readTraceContext } from "./context";
import { numberAttribute, putAttribute, stringAttribute } from "../attribute-values";
import { defineTranslator } from "./define-translator";
import type { ConventionTranslator, SpanInfo, TranslateOptions } from "./types";

/** `gen_ai.operation.name` → `llm.request.type` (inference spans carry no `traceloop.span.kind`, as in OpenLLMetry). */
const REQUEST_TYPES: Readonly<Record<string, string>> = {
  chat: "chat",
  generate_content: "chat",
  text_completion: "completion",
  embeddings: "embedding",
};

/** `gen_ai.*` names the Traceloop platform reads itself (OpenLLMetry >= 0.23 writes them too). */
const RETAINED_PREFIXES = ["gen_ai.request.", "gen_ai.response.", "gen_ai.usage."];
const RETAINED = new Set<string>([
  A.ATTR_GEN_AI_OPERATION_NAME,
  A.ATTR_GEN_AI_PROVIDER_NAME,
  A.ATTR_GEN_AI_AGENT_NAME,
  A.ATTR_GEN_AI_INPUT_MESSAGES,
  A.ATTR_GEN_AI_OUTPUT_MESSAGES,
  A.ATTR_GEN_AI_CONVERSATION_ID,
]);

function retained(key: string): boolean {
  return RETAINED.has(key) || RETAINED_PREFIXES.some((p) => key.startsWith(p));
}

function putIndexed(out: Attributes, prefix: string, messages: FlatMessage[], finishReasons: unknown): void {
  messages.forEach((m, i) => {
    const p = `${prefix}.${i}`;
    putAttribute(out, `${p}.role`, m.role);
    putAttribute(out, `${p}.content`, m.content);
    putAttribute(out, `${p}.tool_call_id`, m.toolCallId);
    if (prefix === TL.COMPLETION) {
      const fallback = Array.isArray(finishReasons) && typeof finishReasons[i] === "string" ? finishReasons[i] : undefined;
      putAttribute(out, `${p}.finish_reason`, m.finishReason ?? fallback);
    }
    m.toolCalls.forEach((c, j) => {
      putAttribute(out, `${p}.tool_calls.${j}.id`, c.id);
      putAttribute(out, `${p}.tool_calls.${j}.name`, c.name);
      putAttribute(out, `${p}.tool_calls.${j}.arguments`, c.arguments);
    });
  });
}

function inference(out: Attributes, a: Attributes, requestType: string, max: number): void {
  out[TL.REQUEST_TYPE] = requestType;
  putAttribute(out, TL.SYSTEM, stringAttribute(a, A.ATTR_GEN_AI_PROVIDER_NAME));
  putIndexed(out, TL.PROMPT, inputMessages(a, A.ATTR_GEN_AI_SYSTEM_INSTRUCTIONS, A.ATTR_GEN_AI_INPUT_MESSAGES, max), undefined);
  const completions = flattenMessages(jsonArray(a, A.ATTR_GEN_AI_OUTPUT_MESSAGES), max);
  putIndexed(out, TL.COMPLETION, completions, a[A.ATTR_GEN_AI_RESPONSE_FINISH_REASONS]);
  readTools(jsonArray(a, A.ATTR_GEN_AI_TOOL_DEFINITIONS), max).forEach((t, i) => {
    putAttribute(out, `${TL.FUNCTIONS}.${i}.name`, t.name);
    putAttribute(out, `${TL.FUNCTIONS}.${i}.description`, t.description);
    if (t.parameters !== undefined) out[`${TL.FUNCTIONS}.${i}.parameters`] = safeJsonStringify(t.parameters);
  });
  const input = numberAttribute(a, A.ATTR_GEN_AI_USAGE_INPUT_TOKENS);
  const output = numberAttribute(a, A.ATTR_GEN_AI_USAGE_OUTPUT_TOKENS);
  putAttribute(out, TL.USAGE_PROMPT_TOKENS, input);
  putAttribute(out, TL.USAGE_COMPLETION_TOKENS, output);
  if (input !== undefined || output !== undefined) {
    out[TL.USAGE_TOTAL_TOKENS] = (input ?? 0) + (output ?? 0);
    out[TL.LLM_USAGE_TOTAL_TOKENS] = (input ?? 0) + (output ?? 0);
  }
  putAttribute(out, TL.USAGE_CACHE_READ, numberAttribute(a, A.ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS));
  putAttribute(out, TL.USAGE_CACHE_CREATION, numberAttribute(a, A.ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS));
  putAttribute(out, TL.TOP_K, numberAttribute(a, A.ATTR_GEN_AI_REQUEST_TOP_K));
  putAttribute(out, TL.FREQUENCY_PENALTY, numberAttribute(a, A.ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY));
  putAttribute(out, TL.PRESENCE_PENALTY, numberAttribute(a, A.ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY));
  const stop = a[A.ATTR_GEN_AI_REQUEST_STOP_SEQUENCES];
  if (Array.isArray(stop) && stop.length) out[TL.STOP_SEQUENCES] = stop;
}

/** `traceloop.span.kind` of a non-inference span: tool, agent, workflow, or task (retrievals and framework steps). */
function kindOf(operation: string | undefined, root: boolean): TraceloopSpanKind {
  switch (operation) {
    case "execute_tool":
      return "tool";
    case "invoke_agent":
    case "create_agent":
      return "agent";
    case "invoke_workflow":
      return "workflow";
    default:
      return root && operation !== "retrieval" ? "workflow" : "task";
  }
}

function traceloopAttributes(a: Attributes, span: SpanInfo, max: number): Attributes {
  const out: Attributes = {};
  const operation = stringAttribute(a, A.ATTR_GEN_AI_OPERATION_NAME);
  const declared = stringAttribute(a, A.ATTR_GEN_AI_WORKFLOW_NAME);
  const requestType = operation ? REQUEST_TYPES[operation] : undefined;
  putTraceloopContext(out, a);
  if (requestType) {
    putAttribute(out, TL.WORKFLOW_NAME, declared ?? span.workflowName);
    inference(out, a, requestType, max);
    return out;
  }
  const kind = kindOf(operation, span.root === true);
  let name: string | undefined;
  let input: string | undefined;
  let output: string | undefined;
  if (kind === "tool") {
    name = stringAttribute(a, A.ATTR_GEN_AI_TOOL_NAME);
    input = stringAttribute(a, A.ATTR_GEN_AI_TOOL_CALL_ARGUMENTS);
    output = stringAttribute(a, A.ATTR_GEN_AI_TOOL_CALL_RESULT);
  } else if (operation === "retrieval") {
    input = stringAttribute(a, A.ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT);
    output = stringAttribute(a, A.ATTR_GEN_AI_RETRIEVAL_DOCUMENTS);
  } else {
    name = kind === "agent" ? stringAttribute(a, A.ATTR_GEN_AI_AGENT_NAME) : operation === "invoke_workflow" ? declared : undefined;
    const ctx = readTraceContext(a);
    input = stringAttribute(a, A.ATTR_GEN_AI_INPUT_MESSAGES) ?? ctx.input;
    output = stringAttribute(a, A.ATTR_GEN_AI_OUTPUT_MESSAGES) ?? ctx.output;
  }
  name ??= span.name || undefined;
  // A root names the workflow after itself; its descendants get the name the exporter saw the root start with.
  putAttribute(out, TL.WORKFLOW_NAME, declared ?? span.workflowName ?? (span.root ? name : undefined));
  out[TL.SPAN_KIND] = kind;
  putAttribute(out, TL.ENTITY_NAME, name);
  putAttribute(out, TL.ENTITY_INPUT, input);
  putAttribute(out, TL.ENTITY_OUTPUT, output);
  return out;
}

/**
 * A translator to the Traceloop / OpenLLMetry convention the Traceloop platform reads (Weave,
 * Datadog LLM Observability and Laminar read it too). Inference spans get `llm.request.type`,
 * `gen_ai.system`, the indexed `gen_ai.prompt.N.*` / `gen_ai.completion.N.*` (with
 * `tool_calls.M.{id,name,arguments}` and `tool_call_id`), `llm.request.functions.N.*` and the
 * `gen_ai.usage.{prompt,completion,total}_tokens` / `llm.usage.total_tokens` counts; other spans get
 * `traceloop.span.kind` and `traceloop.entity.{name,input,output}` (a root's from `genai_otel.input` /
 * `output`). `traceloop.workflow.name` is set from `gen_ai.workflow.name`, else from
 * `SpanInfo.workflowName` (the trace's root, which `TranslatingSpanExporter` tracks per trace),
 * else from the span's own name when it is a root. Trace context: see `putTraceloopContext`
 * (association properties for user, tags and metadata; prompt key, version, template and variables;
 * reasoning tokens).
 *
 * @internal
 */
export function traceloopTranslator(options?: TranslateOptions): ConventionTranslator {
  return defineTranslator("Traceloop", traceloopAttributes, retained, options);
}

/**
 * Returns the attributes with the Traceloop ones added (see {@link traceloopTranslator}).
 * Non-GenAI spans are returned as they are; never throws.
 *
 * @example
 * toTraceloop({ "gen_ai.operation.name": "chat", "gen_ai.usage.input_tokens": 12 })
 * // → { ..., "llm.request.type": "chat", "gen_ai.usage.prompt_tokens": 12, "llm.usage.total_tokens": 12, ... }
 */
export function toTraceloop(attributes: Attributes, span?: SpanInfo, options?: TranslateOptions): Attributes {
  return traceloopTranslator(options)(attributes, span);
}
