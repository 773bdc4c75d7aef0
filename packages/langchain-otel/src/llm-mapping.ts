import type { InferenceResult, OutputMessage, RequestParams, TokenUsage, ToolDefinition } from "@genai-otel/core-semconv";
import type { LLMResult } from "@langchain/core/outputs";
import { toOutputMessage } from "./messages";

type Dict = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

/** The model a run asked for: invocation params (`model`, `model_name`, `modelName`), else `ls_model_name`. */
export function requestModel(invocation: Dict | undefined, metadata: Dict | undefined): string | undefined {
  return str(invocation?.model) ?? str(invocation?.model_name) ?? str(invocation?.modelName) ?? str(metadata?.ls_model_name);
}

/** Request parameters from LangChain's `invocation_params` (provider-style keys) and `ls_*` metadata. */
export function requestParams(invocation: Dict | undefined, metadata: Dict | undefined): RequestParams {
  const p = invocation ?? {};
  const stop = p.stop ?? p.stop_sequences ?? p.stopSequences ?? metadata?.ls_stop;
  return {
    temperature: num(p.temperature) ?? num(metadata?.ls_temperature),
    maxTokens: num(p.max_tokens) ?? num(p.max_completion_tokens) ?? num(p.maxTokens) ?? num(metadata?.ls_max_tokens),
    topP: num(p.top_p) ?? num(p.topP),
    topK: num(p.top_k) ?? num(p.topK),
    stopSequences: Array.isArray(stop) ? stop.filter((s): s is string => typeof s === "string") : typeof stop === "string" ? [stop] : undefined,
    frequencyPenalty: num(p.frequency_penalty) ?? num(p.frequencyPenalty),
    presencePenalty: num(p.presence_penalty) ?? num(p.presencePenalty),
    seed: num(p.seed),
    choiceCount: num(p.n),
    stream: p.stream === true ? true : undefined,
  };
}

/** Tool definitions offered to the model (OpenAI-format `tools` in invocation params). */
export function toolDefinitions(invocation: Dict | undefined): ToolDefinition[] | undefined {
  const tools = invocation?.tools;
  if (!Array.isArray(tools)) return undefined;
  return tools.map((t: Dict) => {
    const fn = (t.function ?? t) as Dict;
    return { type: "function", name: String(fn.name ?? "unknown"), description: str(fn.description), parameters: fn.parameters ?? fn.input_schema };
  });
}

interface GenerationLike {
  text?: string;
  generationInfo?: Dict;
  message?: {
    id?: string;
    usage_metadata?: Dict;
    response_metadata?: Dict;
    content?: unknown;
    tool_calls?: { id?: string; name: string; args?: unknown }[];
  };
}

/** Adds a token count to `u[key]`; true when `v` was a count. */
function addTokens(u: TokenUsage, key: keyof Omit<TokenUsage, "estimated">, v: unknown): boolean {
  const n = num(v);
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
    const inDetails = um.input_token_details as Dict | undefined;
    const outDetails = um.output_token_details as Dict | undefined;
    if (addTokens(u, "inputTokens", um.input_tokens)) found = true;
    if (addTokens(u, "outputTokens", um.output_tokens)) found = true;
    if (addTokens(u, "cacheReadInputTokens", inDetails?.cache_read)) found = true;
    if (addTokens(u, "cacheCreationInputTokens", inDetails?.cache_creation)) found = true;
    if (addTokens(u, "reasoningOutputTokens", outDetails?.reasoning)) found = true;
  }
  if (found) return u;
  const llmOutput = (output.llmOutput ?? {}) as Dict;
  const tu = llmOutput.tokenUsage as Dict | undefined;
  if (tu && (num(tu.promptTokens) !== undefined || num(tu.completionTokens) !== undefined)) {
    return { inputTokens: num(tu.promptTokens), outputTokens: num(tu.completionTokens) };
  }
  const est = llmOutput.estimatedTokenUsage as Dict | undefined;
  if (est && (num(est.promptTokens) !== undefined || num(est.completionTokens) !== undefined)) {
    return { inputTokens: num(est.promptTokens), outputTokens: num(est.completionTokens), estimated: true };
  }
  return undefined;
}

function finishReasonOf(g: GenerationLike): string | undefined {
  return str(g.generationInfo?.finish_reason) ?? str(g.message?.response_metadata?.finish_reason) ?? str(g.message?.response_metadata?.stop_reason);
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
  const id = str(first?.id);
  const finishReasons: string[] = [];
  for (const g of gens) {
    const r = finishReasonOf(g);
    if (r !== undefined) finishReasons.push(r);
  }
  const llmOutput = (output.llmOutput ?? {}) as Dict;
  return {
    responseId: id && !id.startsWith("run-") ? id : undefined,
    responseModel: str(first?.response_metadata?.model_name) ?? str(first?.response_metadata?.model) ?? str(llmOutput.model_name),
    finishReasons: finishReasons.length ? finishReasons : undefined,
    usage: usageFrom(output, gens),
  };
}

/** The output messages of an LLMResult, one per generation (blob bytes only up to `maxBlobBytes`). */
export function outputMessages(output: LLMResult, maxBlobBytes = 0): OutputMessage[] {
  return generationsOf(output).map((g) => toOutputMessage(g.message, g.text, finishReasonOf(g), maxBlobBytes));
}
