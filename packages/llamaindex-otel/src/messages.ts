import { type ChatMessage, type MessagePart, type OutputMessage, type ToolDefinition, blobPart, mediaPartFromUrl, modalityOf, reasoningPart } from "@genai-otel/core-semconv";
import type { LIChatMessage, LIContentDetail, LIMessageOptions, LITool, LIToolCall } from "./internal-types";

/**
 * LlamaIndex messages in the shape of the GenAI input/output message JSON schemas. Only called
 * when content capture is on (through `ContentPolicy` thunks).
 */

/** The text of a LlamaIndex `MessageContent` (a string, or the text parts of a multi-modal array). */
export function contentText(content: unknown): string | undefined {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return (content as LIContentDetail[])
      .filter((part) => part?.type === "text" && typeof part.text === "string")
      .map((part) => part.text)
      .join("\n\n");
  }
  return undefined;
}

/**
 * One part of a multi-modal `MessageContent`: text; `image_url` by reference (`uri`, or a `blob`
 * for a `data:` URL); `image` / `audio` / `video` / `file` data as a `blob` whose bytes are kept
 * only up to `maxBlobBytes` (see core-semconv's `blobPart`).
 */
function contentPart(part: LIContentDetail, maxBlobBytes: number): MessagePart {
  const type = part?.type;
  if (type === "text") return { type: "text", content: part.text ?? "" };
  const url = stringOr(part?.image_url?.url);
  if (type === "image_url" && url) return mediaPartFromUrl(url, { modality: "image" }, maxBlobBytes);
  const data = stringOr(part?.data);
  if ((type === "image" || type === "audio" || type === "video" || type === "file") && data) {
    const mimeType = stringOr(part.mimeType);
    return blobPart(data, { modality: type === "file" ? modalityOf(mimeType, "file") : type, mimeType }, maxBlobBytes);
  }
  return { type: String(type ?? "unknown") };
}

function stringOr(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}

function contentParts(content: unknown, maxBlobBytes: number): MessagePart[] {
  if (typeof content === "string") return content ? [{ type: "text", content }] : [];
  if (!Array.isArray(content)) return [];
  return (content as LIContentDetail[]).map((part) => contentPart(part, maxBlobBytes));
}

/**
 * The reasoning a message's options carry: Anthropic's `thinking` text, or OpenAI Responses'
 * `reasoning` item (its summary and content texts).
 */
function reasoningParts(options: LIMessageOptions | undefined): MessagePart[] {
  if (typeof options?.thinking === "string" && options.thinking) return [reasoningPart(options.thinking)];
  const reasoning = options?.reasoning;
  if (typeof reasoning === "string") return reasoning ? [reasoningPart(reasoning)] : [];
  const texts = [...(reasoning?.summary ?? []), ...(reasoning?.content ?? [])]
    .map((item) => item?.text)
    .filter((text): text is string => typeof text === "string" && text !== "");
  return texts.length ? [reasoningPart(texts.join("\n\n"))] : [];
}

function toolCallParts(calls: LIToolCall[] | undefined): MessagePart[] {
  if (!Array.isArray(calls)) return [];
  return calls.map((call) => ({ type: "tool_call", id: call.id, name: call.name ?? "", arguments: call.input }));
}

/**
 * A LlamaIndex `ChatMessage` as a GenAI chat message.
 * @param maxBlobBytes - the largest inline media recorded with its bytes, in bytes; 0: none
 */
export function toChatMessage(message: LIChatMessage, maxBlobBytes = 0): ChatMessage {
  const result = message.options?.toolResult;
  if (result) return { role: "tool", parts: [{ type: "tool_call_response", id: result.id, response: result.result }] };
  // `memory` is LlamaIndex's role for injected memory blocks, sent to the model as system text.
  const role = message.role === "memory" ? "system" : (message.role ?? "user");
  const parts = [...reasoningParts(message.options), ...contentParts(message.content, maxBlobBytes), ...toolCallParts(message.options?.toolCall)];
  return { role, parts };
}

/** The finish reason an output message carries, from a provider's (OpenAI's `tool_calls` → `tool_call`). */
export function outputFinishReason(reason: string | undefined): string | undefined {
  return reason === "tool_calls" || reason === "function_call" ? "tool_call" : reason;
}

/**
 * An assistant output message from its content, tool calls, finish reason and the message's
 * options (reasoning).
 * @param maxBlobBytes - the largest inline media recorded with its bytes, in bytes; 0: none
 */
export function toOutputMessage(
  content: unknown,
  toolCalls: LIToolCall[] | undefined,
  finishReason: string | undefined,
  maxBlobBytes = 0,
  options?: LIMessageOptions,
): OutputMessage {
  const parts = [...reasoningParts(options), ...contentParts(content, maxBlobBytes), ...toolCallParts(toolCalls)];
  const message: OutputMessage = { role: "assistant", parts };
  const reason = outputFinishReason(finishReason);
  if (reason) message.finish_reason = reason;
  return message;
}

/** The tools offered to a model, as `gen_ai.tool.definitions` items. */
export function toToolDefinitions(tools: LITool[] | undefined): ToolDefinition[] | undefined {
  if (!Array.isArray(tools) || tools.length === 0) return undefined;
  return tools.map((tool) => ({
    type: "function",
    name: tool.metadata?.name ?? "",
    description: tool.metadata?.description,
    parameters: tool.metadata?.parameters,
  }));
}
