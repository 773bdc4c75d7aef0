import type { InferenceResult, TokenUsage } from "@genai-otel/core-semconv";

/**
 * The parts of provider payloads (LlamaIndex's `response.raw` / `chunk.raw`) read here: OpenAI
 * chat completions and their chunks, and Anthropic messages and their stream events. Anything
 * else adds nothing.
 */
interface RawPayload {
  id?: unknown;
  model?: unknown;
  choices?: Array<{ index?: number; finish_reason?: string | null } | null>;
  stop_reason?: unknown;
  usage?: RawUsage | null;
  /** Anthropic `message_start`. */
  message?: RawPayload;
  /** Anthropic `message_delta`. */
  delta?: { stop_reason?: unknown };
}

interface RawUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number };
  completion_tokens_details?: { reasoning_tokens?: number };
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
}

function usageOf(usage: RawUsage, previous: TokenUsage | undefined): TokenUsage {
  if (usage.prompt_tokens !== undefined || usage.completion_tokens !== undefined) {
    return {
      inputTokens: usage.prompt_tokens,
      outputTokens: usage.completion_tokens,
      cacheReadInputTokens: usage.prompt_tokens_details?.cached_tokens,
      reasoningOutputTokens: usage.completion_tokens_details?.reasoning_tokens,
    };
  }
  // Anthropic counts cached input apart; the conventions want it included in input tokens.
  const cacheRead = usage.cache_read_input_tokens ?? previous?.cacheReadInputTokens;
  const cacheCreation = usage.cache_creation_input_tokens ?? previous?.cacheCreationInputTokens;
  const input = usage.input_tokens === undefined ? previous?.inputTokens : usage.input_tokens + (cacheRead ?? 0) + (cacheCreation ?? 0);
  return { inputTokens: input, outputTokens: usage.output_tokens ?? previous?.outputTokens, cacheReadInputTokens: cacheRead, cacheCreationInputTokens: cacheCreation };
}

function setFinishReason(acc: InferenceResult, index: number, reason: unknown): void {
  if (typeof reason !== "string" || !reason) return;
  acc.finishReasons ??= [];
  acc.finishReasons[index] = reason;
}

/**
 * Merges a provider payload (or an array of them, as LlamaIndex gives for a finished stream) into
 * `acc`: response id and model, finish reasons, token usage.
 * @returns `acc`
 */
export function mergeRaw(raw: unknown, acc: InferenceResult = {}): InferenceResult {
  if (Array.isArray(raw)) {
    for (const item of raw) mergeRaw((item as { raw?: unknown } | null)?.raw ?? item, acc);
    return acc;
  }
  if (!raw || typeof raw !== "object") return acc;
  const payload = raw as RawPayload;
  if (payload.message && typeof payload.message === "object") mergeRaw(payload.message, acc);
  if (typeof payload.id === "string" && payload.id) acc.responseId = payload.id;
  if (typeof payload.model === "string" && payload.model) acc.responseModel = payload.model;
  if (Array.isArray(payload.choices)) for (const [i, choice] of payload.choices.entries()) setFinishReason(acc, choice?.index ?? i, choice?.finish_reason);
  setFinishReason(acc, 0, payload.stop_reason ?? payload.delta?.stop_reason);
  if (payload.usage && typeof payload.usage === "object") acc.usage = usageOf(payload.usage, acc.usage);
  return acc;
}
