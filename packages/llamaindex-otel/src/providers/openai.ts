import { GenAIProvider, type InferenceResult, type TokenUsage } from "@genai-otel/core-semconv";
import { patchEmbeddingModel } from "../patches/embeddings";
import { patchChatModel } from "../patches/llm";
import type { Patcher } from "../patcher";
import { type ProviderInfo, serverOf } from "./registry";

/** The parts of OpenAI's chat completion (and chunk) payloads read here. */
interface OpenAIPayload {
  id?: string;
  model?: string;
  choices?: Array<{ index?: number; finish_reason?: string | null }>;
  usage?: {
    prompt_tokens?: number;
    completion_tokens?: number;
    prompt_tokens_details?: { cached_tokens?: number };
    completion_tokens_details?: { reasoning_tokens?: number };
  } | null;
}

function usageOf(usage: OpenAIPayload["usage"]): TokenUsage | undefined {
  if (!usage) return undefined;
  return {
    inputTokens: usage.prompt_tokens,
    outputTokens: usage.completion_tokens,
    cacheReadInputTokens: usage.prompt_tokens_details?.cached_tokens,
    reasoningOutputTokens: usage.completion_tokens_details?.reasoning_tokens,
  };
}

function merge(raw: unknown, acc: InferenceResult): InferenceResult {
  if (!raw || typeof raw !== "object") return acc;
  const payload = raw as OpenAIPayload;
  if (payload.id) acc.responseId = payload.id;
  if (payload.model) acc.responseModel = payload.model;
  for (const [i, choice] of (payload.choices ?? []).entries()) {
    if (!choice?.finish_reason) continue;
    acc.finishReasons ??= [];
    acc.finishReasons[choice.index ?? i] = choice.finish_reason;
  }
  const usage = usageOf(payload.usage);
  if (usage) acc.usage = usage;
  return acc;
}

/** OpenAI, as `@llamaindex/openai` calls it (its own base URL, else `OPENAI_BASE_URL`, else api.openai.com). */
export const OPENAI: ProviderInfo = {
  name: GenAIProvider.OPENAI,
  server: (instance) =>
    serverOf((instance as { baseURL?: string }).baseURL ?? process.env.OPENAI_BASE_URL ?? "https://api.openai.com/v1"),
  chatResult: (raw) => merge(raw, {}),
  chatChunk: (raw, acc) => {
    merge(raw, acc);
  },
};

/** Patches `OpenAI` (chat) and `OpenAIEmbedding` of an `@llamaindex/openai` module. */
export function patchOpenAI(mod: Record<string, unknown>, patcher: Patcher): void {
  if (typeof mod.OpenAI === "function") patchChatModel(patcher, mod.OpenAI as { prototype: object }, OPENAI);
  if (typeof mod.OpenAIEmbedding === "function") patchEmbeddingModel(patcher, mod.OpenAIEmbedding as { prototype: object }, OPENAI);
}
