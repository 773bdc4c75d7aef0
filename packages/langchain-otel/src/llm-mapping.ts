import type { InferenceResult, OutputMessage, RequestParams, TokenUsage, ToolDefinition } from "@genai-otel/core-semconv";
import type { LLMResult } from "@langchain/core/outputs";
import { toOutputMessage } from "./messages";
import { finiteNumber, nonEmptyString } from "@genai-otel/core-semconv/internal";


/** The model a run asked for: invocation params (`model`, `model_name`, `modelName`), else `ls_model_name`. */
export function requestModel(invocation: Record<string, unknown> | undefined, metadata: Record<string, unknown> | undefined): string | undefined {
  return nonEmptyString(invocation?.model) ?? nonEmptyString(invocation?.model_name) ?? nonEmptyString(invocation?.modelName) ?? nonEmptyString(metadata?.ls_model_name);
}

/** Request parameters from LangChain's `invocation_params` (provider-style keys) and `ls_*` metadata. */
export function requestParams(invocation: Record<string, unknown> | undefined, metadata: Record<string, unknown> | undefined): RequestParams {
  const p = invocation ?? {};
  const stop = p.stop ?? p.stop_sequences ?? p.stopSequences ?? metadata?.ls_stop;
  return {
    temperature: finiteNumber(p.temperature) ?? finiteNumber(metadata?.ls_temperature),
    maxTokens: finiteNumber(p.max_tokens) ?? finiteNumber(p.max_completion_tokens) ?? finiteNumber(p.maxTokens) ?? finiteNumber(metadata?.ls_max_tokens),
    topP: finiteNumber(p.top_p) ?? finiteNumber(p.topP),
    topK: finiteNumber(p.top_k) ?? finiteNumber(p.topK),
    stopSequences: Array.isArray(stop) ? stop.filter((s): s is string => typeof s === "string") : typeof stop === "string" ? [stop] : undefined,
    frequencyPenalty: finiteNumber(p.frequency_penalty) ?? finiteNumber(p.frequencyPenalty),
    presencePenalty: finiteNumber(p.presence_penalty) ?? finiteNumber(p.presencePenalty),
    seed: finiteNumber(p.seed),
    choiceCount: finiteNumber(p.n),
    stream: p.stream === true ? true : undefined,
  };
}

/** Tool definitions offered to the model (OpenAI-format `tools` in invocation params). */
export function toolDefinitions(invocation: Record<string, unknown> | undefined): ToolDefinition[] | undefined {
  const tools = invocation?.tools;
  if (!Array.isArray(tools)) return undefined;
  return tools.map((t: Record<string, unknown>) => {
    const fn = (t.function ?? t) as Record<string, unknown>;
    return { type: "function", name: String(fn.name ?? "unknown"), description: nonEmptyString(fn.description), parameters: fn.parameters ?? fn.input_schema };
  });
}

interface GenerationLike {
  text?: string;
  generationInfo?: Record<string, unknown>;
  message?: {
    id?: string;
    usage_metadata?: Record<string, unknown>;
    response_metadata?: Record<string, unknown>;
    content?: unknown;
    tool_calls?: { id?: string; name: string; args?: unknown }[];
  };
}

/** Adds a token count to `u[key]`; true when `v` was a count. */
function addTokens(u: TokenUsage, key: keyof Omit<TokenUsage, "estimated">, v: unknown): boolean {
  const n = finiteNumber(v);
  if (n === undefined) return false;
  u[key] = (u[key] ?? 0) + n;
  return true;
}

function usageFrom(output: LLMResult, gens: GenerationLike[]): TokenUsage | undefined {
  let found = false;
  const u: TokenUsage = {};
  for (const g of gens) {
    const um = g.message?.usage_metadata;
    if (!um) continue;
    const inDetails = um.input_token_details as Record<string, unknown> | undefined;
    const outDetails = um.output_token_details as Record<string, unknown> | undefined;
    if (addTokens(u, "inputTokens", um.input_tokens)) found = true;
    if (addTokens(u, "outputTokens", um.output_tokens)) found = true;
    if (addTokens(u, "cacheReadInputTokens", inDetails?.cache_read)) found = true;
    if (addTokens(u, "cacheCreationInputTokens", inDetails?.cache_creation)) found = true;
    if (addTokens(u, "reasoningOutputTokens", outDetails?.reasoning)) found = true;
  }
  if (found) return u;
  const llmOutput = (output.llmOutput ?? {}) as Record<string, unknown>;
  const tu = llmOutput.tokenUsage as Record<string, unknown> | undefined;
  if (tu && (finiteNumber(tu.promptTokens) !== undefined || finiteNumber(tu.completionTokens) !== undefined)) {
    return { inputTokens: finiteNumber(tu.promptTokens), outputTokens: finiteNumber(tu.completionTokens) };
  }
  const est = llmOutput.estimatedTokenUsage as Record<string, unknown> | undefined;
  if (est && (finiteNumber(est.promptTokens) !== undefined || finiteNumber(est.completionTokens) !== undefined)) {
    return { inputTokens: finiteNumber(est.promptTokens), outputTokens: finiteNumber(est.completionTokens), estimated: true };
  }
  return undefined;
}

function finishReasonOf(g: GenerationLike): string | undefined {
  return nonEmptyString(g.generationInfo?.finish_reason) ?? nonEmptyString(g.message?.response_metadata?.finish_reason) ?? nonEmptyString(g.message?.response_metadata?.stop_reason);
}

/** An LLMResult's generations, one list (usually one prompt: no copy). */
function generationsOf(output: LLMResult): GenerationLike[] {
  const lists = output.generations ?? [];
  return (lists.length === 1 && Array.isArray(lists[0]) ? lists[0] : lists.flat()) as GenerationLike[];
}

/**
 * What an LLMResult says about the response: id (ignoring LangChain's `run-` placeholder), model,
 * finish reasons, and usage (usage_metadata first, then llmOutput.tokenUsage, then the estimate).
 */
export function inferenceResult(output: LLMResult): InferenceResult {
  const gens = generationsOf(output);
  const first = gens[0]?.message;
  const id = nonEmptyString(first?.id);
  const finishReasons: string[] = [];
  for (const g of gens) {
    const r = finishReasonOf(g);
    if (r !== undefined) finishReasons.push(r);
  }
  const llmOutput = (output.llmOutput ?? {}) as Record<string, unknown>;
  return {
    responseId: id && !id.startsWith("run-") ? id : undefined,
    responseModel: nonEmptyString(first?.response_metadata?.model_name) ?? nonEmptyString(first?.response_metadata?.model) ?? nonEmptyString(llmOutput.model_name),
    finishReasons: finishReasons.length ? finishReasons : undefined,
    usage: usageFrom(output, gens),
  };
}

/** The output messages of an LLMResult, one per generation (blob bytes only up to `maxBlobBytes`). */
export function outputMessages(output: LLMResult, maxBlobBytes = 0): OutputMessage[] {
  return generationsOf(output).map((g) => toOutputMessage(g.message, g.text, finishReasonOf(g), maxBlobBytes));
}
