/**
 * Deterministic token counting: one token per whitespace-separated word.
 * @module
 */

/** A chat message as sent to `/v1/chat/completions` (only the fields the server reads). */
export interface ChatMessage {
  role: string;
  content?: string | null | readonly { type?: string; text?: string }[];
  name?: string;
  tool_call_id?: string;
  tool_calls?: readonly { id?: string; type?: string; function?: { name?: string; arguments?: string } }[];
}

/** Counts the tokens of a text: the number of whitespace-separated words. */
export function countTokens(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** The text content of a message: its string content, or its text parts joined by a space. */
export function contentText(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (typeof part?.text === "string" ? part.text : ""))
    .filter((text) => text.length > 0)
    .join(" ");
}

/** Everything of a message that counts as prompt: its text, then each tool call's name and arguments. */
export function messageText(message: ChatMessage): string {
  const calls = (message.tool_calls ?? []).map((call) => `${call.function?.name ?? ""} ${call.function?.arguments ?? ""}`);
  return [contentText(message), ...calls].filter((text) => text.trim().length > 0).join(" ");
}

/** `prompt_tokens` of a chat request: the sum of {@link countTokens} over {@link messageText} of each message. */
export function countPromptTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + countTokens(messageText(message)), 0);
}

/** The `usage` object of a chat or text completion, with OpenAI's detail fields (all zero). */
export function completionUsage(promptTokens: number, completionTokens: number) {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
