/**
 * Legacy text completions (`/v1/completions`): the prompt is answered like a chat whose only message is a
 * user message with that prompt; `prompt_tokens` counts the words of every prompt.
 * @module
 */
import { chatReply, limitTokens } from "./reply";
import { completionUsage, countTokens } from "./tokens";

/** The fields of a text completion request the server reads. */
export interface CompletionRequest {
  model?: string;
  prompt?: string | string[];
  max_tokens?: number | null;
  stream?: boolean;
  stream_options?: { include_usage?: boolean } | null;
}

function prompts(request: CompletionRequest): string[] {
  if (Array.isArray(request.prompt)) return request.prompt.map(String);
  return [typeof request.prompt === "string" ? request.prompt : ""];
}

function answers(request: CompletionRequest) {
  return prompts(request).map((prompt) => {
    const { text, truncated } = limitTokens(chatReply([{ role: "user", content: prompt }]), request.max_tokens ?? undefined);
    return { prompt, text, finishReason: truncated ? "length" : "stop" };
  });
}

/** The `text_completion` JSON body. */
export function completionBody(request: CompletionRequest, id: string, created: number) {
  const list = answers(request);
  const promptTokens = list.reduce((sum, answer) => sum + countTokens(answer.prompt), 0);
  const completionTokens = list.reduce((sum, answer) => sum + countTokens(answer.text), 0);
  return {
    id,
    object: "text_completion",
    created,
    model: request.model ?? "gpt-3.5-turbo-instruct",
    choices: list.map((answer, index) => ({
      text: answer.text,
      index,
      logprobs: null,
      finish_reason: answer.finishReason,
    })),
    usage: completionUsage(promptTokens, completionTokens),
  };
}

/** The streamed events of a text completion: one chunk with the whole text per choice, then the usage chunk. */
export function completionChunks(request: CompletionRequest, id: string, created: number) {
  const body = completionBody(request, id, created);
  const base = { id, object: "text_completion", created, model: body.model };
  const events: Record<string, unknown>[] = body.choices.map((choice) => ({ ...base, choices: [choice] }));
  if (request.stream_options?.include_usage) events.push({ ...base, choices: [], usage: body.usage });
  return events;
}
