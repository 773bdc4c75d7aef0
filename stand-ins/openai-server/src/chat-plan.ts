/**
 * Decides what a chat completion answers: text, or one tool call.
 *
 * Tool rule: when the request has function `tools`, `tool_choice` is not `"none"` and no `tool` message
 * follows the last user message, the answer is one call to the tool named by `tool_choice`, else to the
 * first tool whose name appears (case-insensitively) in the last user message, else to the first tool.
 * Its arguments come from {@link objectForSchema}. Otherwise the answer is {@link chatReply}, cut to
 * `max_completion_tokens`/`max_tokens` words (finish_reason `"length"`).
 * @module
 */
import { chatReply, lastUserIndex, limitTokens, toolResults } from "./reply";
import { type ChatMessage, contentText, countPromptTokens, countTokens } from "./tokens";
import { argumentWord, type JsonSchema, objectForSchema } from "./tool-args";

/** A function tool of a chat request. */
export interface ChatTool {
  type?: string;
  function?: { name?: string; description?: string; parameters?: JsonSchema };
}

/** The fields of a chat completion request the server reads. */
export interface ChatRequest {
  model?: string;
  messages?: ChatMessage[];
  tools?: ChatTool[];
  tool_choice?: string | { type?: string; function?: { name?: string } };
  stream?: boolean;
  stream_options?: { include_usage?: boolean } | null;
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
}

/** The decided answer of a chat completion. */
export type ChatPlan =
  | { kind: "text"; text: string; finishReason: "stop" | "length"; promptTokens: number; completionTokens: number }
  | {
      kind: "tool_call";
      name: string;
      arguments: string;
      finishReason: "tool_calls";
      promptTokens: number;
      completionTokens: number;
    };

function toolName(tool: ChatTool): string | undefined {
  return tool.type === undefined || tool.type === "function" ? tool.function?.name : undefined;
}

/** Picks the tool to call for this request, or `undefined` to answer with text (see the module rule). */
export function chooseTool(request: ChatRequest): ChatTool | undefined {
  const messages = request.messages ?? [];
  const tools = (request.tools ?? []).filter((tool) => toolName(tool) !== undefined);
  if (tools.length === 0 || request.tool_choice === "none" || toolResults(messages).length > 0) return undefined;
  const choice = request.tool_choice;
  if (typeof choice === "object" && choice.function?.name) {
    return tools.find((tool) => toolName(tool) === choice.function?.name) ?? tools[0];
  }
  const user = messages[lastUserIndex(messages)];
  const userText = (user ? contentText(user) : "").toLowerCase();
  return tools.find((tool) => userText.includes(toolName(tool)!.toLowerCase())) ?? tools[0];
}

/** Decides the answer of a chat completion request. */
export function planChat(request: ChatRequest): ChatPlan {
  const messages = request.messages ?? [];
  const promptTokens = countPromptTokens(messages);
  const tool = chooseTool(request);
  if (tool) {
    const user = messages[lastUserIndex(messages)];
    const args = objectForSchema(tool.function?.parameters, argumentWord(user ? contentText(user) : ""));
    const name = toolName(tool)!;
    const argumentsText = JSON.stringify(args);
    return {
      kind: "tool_call",
      name,
      arguments: argumentsText,
      finishReason: "tool_calls",
      promptTokens,
      completionTokens: countTokens(`${name} ${argumentsText}`),
    };
  }
  const limit = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const { text, truncated } = limitTokens(chatReply(messages), limit);
  return {
    kind: "text",
    text,
    finishReason: truncated ? "length" : "stop",
    promptTokens,
    completionTokens: countTokens(text),
  };
}
