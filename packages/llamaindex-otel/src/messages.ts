import type { ChatMessage, MessagePart, OutputMessage, ToolDefinition } from "@genai-otel/core-semconv";
import type { LIChatMessage, LIContentDetail, LITool, LIToolCall } from "./internal-types";

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

function contentParts(content: unknown): MessagePart[] {
  if (typeof content === "string") return content ? [{ type: "text", content }] : [];
  if (!Array.isArray(content)) return [];
  // Media parts keep only their type: image/audio data would swamp the attribute.
  return (content as LIContentDetail[]).map((part) =>
    part?.type === "text" ? { type: "text", content: part.text ?? "" } : { type: String(part?.type ?? "unknown") },
  );
}

function toolCallParts(calls: LIToolCall[] | undefined): MessagePart[] {
  if (!Array.isArray(calls)) return [];
  return calls.map((call) => ({ type: "tool_call", id: call.id, name: call.name ?? "", arguments: call.input }));
}

/** A LlamaIndex `ChatMessage` as a GenAI chat message. */
export function toChatMessage(message: LIChatMessage): ChatMessage {
  const result = message.options?.toolResult;
  if (result) return { role: "tool", parts: [{ type: "tool_call_response", id: result.id, response: result.result }] };
  // `memory` is LlamaIndex's role for injected memory blocks, sent to the model as system text.
  const role = message.role === "memory" ? "system" : (message.role ?? "user");
  return { role, parts: [...contentParts(message.content), ...toolCallParts(message.options?.toolCall)] };
}

/** The finish reason an output message carries, from a provider's (OpenAI's `tool_calls` → `tool_call`). */
export function outputFinishReason(reason: string | undefined): string | undefined {
  return reason === "tool_calls" || reason === "function_call" ? "tool_call" : reason;
}

/** An assistant output message from its text, tool calls and finish reason. */
export function toOutputMessage(content: unknown, toolCalls: LIToolCall[] | undefined, finishReason: string | undefined): OutputMessage {
  const message: OutputMessage = { role: "assistant", parts: [...contentParts(content), ...toolCallParts(toolCalls)] };
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
