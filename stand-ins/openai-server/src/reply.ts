/**
 * The deterministic answer to a conversation.
 *
 * Rule: the reply is `Answer: <question>` then, when present, `Context: <first 6 context words>.`,
 * `Tool result: <tool results joined by "; ">.`, and finally {@link FIXED_PHRASE}.
 * - `<question>` is the last user message (whitespace collapsed, first 24 words). When that message
 *   follows the RAG template shape `... Query: <q> Answer:` (LlamaIndex's default), only `<q>` is the
 *   question and the text before `Query:` is context.
 * - context is that template prefix, else the system/developer messages (trailing punctuation dropped).
 * - tool results are the `tool` messages after the last user message.
 * @module
 */
import { type ChatMessage, contentText } from "./tokens";

/** The phrase that ends every chat reply. */
export const FIXED_PHRASE = "This is a deterministic reply from the stand-in server.";

const QUESTION_WORDS = 24;
const CONTEXT_WORDS = 6;

function words(text: string): string[] {
  return text.match(/\S+/g) ?? [];
}

function firstWords(text: string, count: number): string {
  return words(text).slice(0, count).join(" ");
}

/** Index of the last `user` message, or -1. */
export function lastUserIndex(messages: readonly ChatMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.role === "user") return i;
  return -1;
}

/** Splits a user message into question and (optional) RAG context, see the module rule. */
export function splitQuestion(text: string): { question: string; context: string } {
  const at = text.lastIndexOf("Query:");
  if (at < 0) return { question: text, context: "" };
  const question = text.slice(at + "Query:".length).replace(/\s*Answer:\s*$/, "");
  return { question, context: text.slice(0, at) };
}

/** The tool results answering the current turn: `tool` messages after the last user message. */
export function toolResults(messages: readonly ChatMessage[]): string[] {
  return messages
    .slice(lastUserIndex(messages) + 1)
    .filter((message) => message.role === "tool")
    .map((message) => contentText(message));
}

/** The deterministic assistant text for a conversation (see the module rule). */
export function chatReply(messages: readonly ChatMessage[]): string {
  const user = messages[lastUserIndex(messages)];
  const { question, context } = splitQuestion(user ? contentText(user) : "");
  const systemText = messages
    .filter((message) => message.role === "system" || message.role === "developer")
    .map((message) => contentText(message))
    .join(" ");
  const contextWords = firstWords(context.trim() ? context : systemText, CONTEXT_WORDS).replace(/[.!?,;:]+$/, "");
  const results = toolResults(messages);
  const parts = [`Answer: ${firstWords(question, QUESTION_WORDS)}`];
  if (contextWords) parts.push(`Context: ${contextWords}.`);
  if (results.length > 0) parts.push(`Tool result: ${results.join("; ")}.`);
  parts.push(FIXED_PHRASE);
  return parts.join(" ");
}

/** Truncates a reply to `maxTokens` words; reports whether it was cut (finish_reason `"length"`). */
export function limitTokens(text: string, maxTokens: number | undefined): { text: string; truncated: boolean } {
  const all = words(text);
  if (maxTokens === undefined || maxTokens <= 0 || all.length <= maxTokens) return { text, truncated: false };
  return { text: all.slice(0, maxTokens).join(" "), truncated: true };
}
