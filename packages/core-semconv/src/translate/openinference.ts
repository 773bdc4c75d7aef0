import type { Attributes } from "@opentelemetry/api";
import * as A from "../attributes";
import { safeJsonStringify } from "../serialize";
import { type FlatMessage, inputMessages, flattenMessages, jsonArray, mimeOf, readDocuments, readTools } from "./messages";
import { MIME_JSON, OI, type OpenInferenceSpanKind } from "./names";
import { putOpenInferenceContext } from "./openinference-context";
import { numberAttribute, putAttribute, stringAttribute } from "../attribute-values";
import { defineTranslator } from "./define-translator";
import type { ConventionTranslator, SpanInfo, TranslateOptions } from "./types";

/** `gen_ai.operation.name` → `openinference.span.kind`; spans without an operation (framework steps) are CHAIN. */
const KINDS: Readonly<Record<string, OpenInferenceSpanKind>> = {
  chat: "LLM",
  text_completion: "LLM",
  generate_content: "LLM",
  embeddings: "EMBEDDING",
  execute_tool: "TOOL",
  retrieval: "RETRIEVER",
  invoke_agent: "AGENT",
  create_agent: "AGENT",
  invoke_workflow: "CHAIN",
};

/** `gen_ai.provider.name` → [`llm.provider`, `llm.system`] (OpenInference well-known values). */
const PROVIDERS: Readonly<Record<string, readonly [string, string?]>> = {
  openai: ["openai", "openai"],
  "azure.ai.openai": ["azure", "openai"],
  "azure.ai.inference": ["azure"],
  anthropic: ["anthropic", "anthropic"],
  "aws.bedrock": ["aws"],
  cohere: ["cohere", "cohere"],
  mistral_ai: ["mistralai", "mistralai"],
  "gcp.vertex_ai": ["google", "vertexai"],
  "gcp.gemini": ["google"],
  "gcp.gen_ai": ["google"],
  x_ai: ["xai", "xai"],
  deepseek: ["deepseek", "deepseek"],
  groq: ["groq"],
  perplexity: ["perplexity"],
};

/** `gen_ai.request.*` → the provider-style key used in `llm.invocation_parameters`. */
const PARAMS: ReadonlyArray<readonly [string, string]> = [
  [A.ATTR_GEN_AI_REQUEST_TEMPERATURE, "temperature"],
  [A.ATTR_GEN_AI_REQUEST_MAX_TOKENS, "max_tokens"],
  [A.ATTR_GEN_AI_REQUEST_TOP_P, "top_p"],
  [A.ATTR_GEN_AI_REQUEST_TOP_K, "top_k"],
  [A.ATTR_GEN_AI_REQUEST_STOP_SEQUENCES, "stop"],
  [A.ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY, "frequency_penalty"],
  [A.ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY, "presence_penalty"],
  [A.ATTR_GEN_AI_REQUEST_SEED, "seed"],
  [A.ATTR_GEN_AI_REQUEST_STREAM, "stream"],
  [A.ATTR_GEN_AI_REQUEST_CHOICE_COUNT, "n"],
  [A.ATTR_GEN_AI_REQUEST_ENCODING_FORMATS, "encoding_format"],
];

function invocationParameters(a: Attributes): string | undefined {
  const params: Record<string, unknown> = {};
  const model = stringAttribute(a, A.ATTR_GEN_AI_REQUEST_MODEL);
  if (model) params.model = model;
  for (const [key, name] of PARAMS) {
    const v = a[key];
    if (v === undefined) continue;
    params[name] = name === "encoding_format" && Array.isArray(v) && v.length === 1 ? v[0] : v;
  }
  return Object.keys(params).length ? JSON.stringify(params) : undefined;
}

function putMessages(out: Attributes, prefix: string, messages: FlatMessage[]): void {
  messages.forEach((m, i) => {
    const p = `${prefix}.${i}.message`;
    putAttribute(out, `${p}.role`, m.role);
    putAttribute(out, `${p}.content`, m.content);
    putAttribute(out, `${p}.name`, m.name);
    putAttribute(out, `${p}.tool_call_id`, m.toolCallId);
    m.toolCalls.forEach((c, j) => {
      const t = `${p}.tool_calls.${j}.tool_call`;
      putAttribute(out, `${t}.id`, c.id);
      putAttribute(out, `${t}.function.name`, c.name);
      putAttribute(out, `${t}.function.arguments`, c.arguments);
    });
  });
}

function putValue(out: Attributes, valueKey: string, mimeKey: string, value: string | undefined, mime?: string): void {
  if (value === undefined || value === "") return;
  out[valueKey] = value;
  out[mimeKey] = mime ?? mimeOf(value);
}

function putTokens(out: Attributes, a: Attributes): void {
  const input = numberAttribute(a, A.ATTR_GEN_AI_USAGE_INPUT_TOKENS);
  const output = numberAttribute(a, A.ATTR_GEN_AI_USAGE_OUTPUT_TOKENS);
  putAttribute(out, OI.TOKEN_PROMPT, input);
  putAttribute(out, OI.TOKEN_COMPLETION, output);
  if (input !== undefined || output !== undefined) out[OI.TOKEN_TOTAL] = (input ?? 0) + (output ?? 0);
  putAttribute(out, OI.TOKEN_CACHE_READ, numberAttribute(a, A.ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS));
  putAttribute(out, OI.TOKEN_CACHE_WRITE, numberAttribute(a, A.ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS));
  putAttribute(out, OI.TOKEN_REASONING, numberAttribute(a, A.ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS));
}

function llm(out: Attributes, a: Attributes, max: number): void {
  const requestModel = stringAttribute(a, A.ATTR_GEN_AI_REQUEST_MODEL);
  const responseModel = stringAttribute(a, A.ATTR_GEN_AI_RESPONSE_MODEL);
  putAttribute(out, OI.LLM_MODEL_NAME, responseModel ?? requestModel);
  if (requestModel && responseModel && requestModel !== responseModel) {
    out[OI.LLM_REQUEST_MODEL_NAME] = requestModel;
    out[OI.LLM_RESPONSE_MODEL_NAME] = responseModel;
  }
  const provider = stringAttribute(a, A.ATTR_GEN_AI_PROVIDER_NAME);
  if (provider) {
    const [llmProvider, system] = PROVIDERS[provider] ?? [provider];
    out[OI.LLM_PROVIDER] = llmProvider;
    putAttribute(out, OI.LLM_SYSTEM, system);
  }
  putAttribute(out, OI.LLM_INVOCATION_PARAMETERS, invocationParameters(a));
  const reasons = a[A.ATTR_GEN_AI_RESPONSE_FINISH_REASONS];
  const outputs = flattenMessages(jsonArray(a, A.ATTR_GEN_AI_OUTPUT_MESSAGES), max);
  putAttribute(out, OI.LLM_FINISH_REASON, Array.isArray(reasons) && typeof reasons[0] === "string" ? reasons[0] : outputs[0]?.finishReason);
  putMessages(out, OI.LLM_INPUT_MESSAGES, inputMessages(a, A.ATTR_GEN_AI_SYSTEM_INSTRUCTIONS, A.ATTR_GEN_AI_INPUT_MESSAGES, max));
  putMessages(out, OI.LLM_OUTPUT_MESSAGES, outputs);
  readTools(jsonArray(a, A.ATTR_GEN_AI_TOOL_DEFINITIONS), max).forEach((t, i) => {
    const fn = { name: t.name, description: t.description, parameters: t.parameters };
    out[`${OI.LLM_TOOLS}.${i}.tool.json_schema`] = safeJsonStringify({ type: "function", function: fn });
  });
  putTokens(out, a);
}

function retriever(out: Attributes, a: Attributes, max: number): void {
  putValue(out, OI.INPUT_VALUE, OI.INPUT_MIME_TYPE, stringAttribute(a, A.ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT));
  putValue(out, OI.OUTPUT_VALUE, OI.OUTPUT_MIME_TYPE, stringAttribute(a, A.ATTR_GEN_AI_RETRIEVAL_DOCUMENTS), MIME_JSON);
  readDocuments(jsonArray(a, A.ATTR_GEN_AI_RETRIEVAL_DOCUMENTS), max).forEach((d, i) => {
    const p = `${OI.RETRIEVAL_DOCUMENTS}.${i}.document`;
    putAttribute(out, `${p}.id`, d.id);
    putAttribute(out, `${p}.content`, d.content);
    putAttribute(out, `${p}.score`, d.score);
    if (d.metadata !== undefined && d.metadata !== null) out[`${p}.metadata`] = safeJsonStringify(d.metadata);
  });
}

function openInferenceAttributes(a: Attributes, _span: SpanInfo, max: number): Attributes {
  const out: Attributes = {};
  const operation = stringAttribute(a, A.ATTR_GEN_AI_OPERATION_NAME);
  const kind = (operation && KINDS[operation]) || "CHAIN";
  out[OI.SPAN_KIND] = kind;
  putAttribute(out, OI.SESSION_ID, stringAttribute(a, A.ATTR_GEN_AI_CONVERSATION_ID));
  switch (kind) {
    case "LLM":
      putValue(out, OI.INPUT_VALUE, OI.INPUT_MIME_TYPE, stringAttribute(a, A.ATTR_GEN_AI_INPUT_MESSAGES), MIME_JSON);
      putValue(out, OI.OUTPUT_VALUE, OI.OUTPUT_MIME_TYPE, stringAttribute(a, A.ATTR_GEN_AI_OUTPUT_MESSAGES), MIME_JSON);
      llm(out, a, max);
      break;
    case "EMBEDDING":
      putAttribute(out, OI.EMBEDDING_MODEL_NAME, stringAttribute(a, A.ATTR_GEN_AI_RESPONSE_MODEL) ?? stringAttribute(a, A.ATTR_GEN_AI_REQUEST_MODEL));
      putAttribute(out, OI.EMBEDDING_INVOCATION_PARAMETERS, invocationParameters(a));
      putTokens(out, a);
      break;
    case "TOOL":
      putAttribute(out, OI.TOOL_NAME, stringAttribute(a, A.ATTR_GEN_AI_TOOL_NAME));
      putAttribute(out, OI.TOOL_DESCRIPTION, stringAttribute(a, A.ATTR_GEN_AI_TOOL_DESCRIPTION));
      putAttribute(out, OI.TOOL_ID, stringAttribute(a, A.ATTR_GEN_AI_TOOL_CALL_ID));
      putValue(out, OI.INPUT_VALUE, OI.INPUT_MIME_TYPE, stringAttribute(a, A.ATTR_GEN_AI_TOOL_CALL_ARGUMENTS));
      putValue(out, OI.OUTPUT_VALUE, OI.OUTPUT_MIME_TYPE, stringAttribute(a, A.ATTR_GEN_AI_TOOL_CALL_RESULT));
      break;
    case "RETRIEVER":
      retriever(out, a, max);
      break;
    default:
      putAttribute(out, OI.AGENT_NAME, stringAttribute(a, A.ATTR_GEN_AI_AGENT_NAME));
      putValue(out, OI.INPUT_VALUE, OI.INPUT_MIME_TYPE, stringAttribute(a, A.ATTR_GEN_AI_INPUT_MESSAGES), MIME_JSON);
      putValue(out, OI.OUTPUT_VALUE, OI.OUTPUT_MIME_TYPE, stringAttribute(a, A.ATTR_GEN_AI_OUTPUT_MESSAGES), MIME_JSON);
  }
  putOpenInferenceContext(out, a);
  return out;
}

/**
 * A translator to OpenInference, the convention Arize Phoenix and Arize AX read (Weave, Langfuse,
 * Datadog LLM Observability and Laminar read it too). Adds `openinference.span.kind`, `llm.*`
 * (model, provider, system, invocation parameters, indexed input/output messages with tool calls,
 * tools, token counts), `input.value`/`output.value`, `tool.*`, `retrieval.documents.*`,
 * `embedding.model_name`, `agent.name` and `session.id`, derived from the span's `gen_ai.*`
 * attributes; and from genai-otel's trace context `tag.tags`, `metadata` (JSON),
 * `llm.prompt_template.*`, a root's `input.value` / `output.value` and `graph.node.{id,name}` for
 * LangGraph nodes (`user.id` is read as recorded). Content attributes are derived only when the
 * span carries content.
 *
 * @internal
 */
export function openInferenceTranslator(options?: TranslateOptions): ConventionTranslator {
  // OpenInference reads no gen_ai.* name itself: with keepSource false, all of them go.
  return defineTranslator("OpenInference", openInferenceAttributes, () => false, options);
}

/**
 * Returns the attributes with the OpenInference ones added (see {@link openInferenceTranslator}).
 * Non-GenAI spans are returned as they are; never throws.
 *
 * @example
 * toOpenInference({ "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "search" })
 * // → { ..., "openinference.span.kind": "TOOL", "tool.name": "search" }
 */
export function toOpenInference(attributes: Attributes, span?: SpanInfo, options?: TranslateOptions): Attributes {
  return openInferenceTranslator(options)(attributes, span);
}
