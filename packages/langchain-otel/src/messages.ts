import type { ChatMessage, MessagePart, OutputMessage } from "@genai-otel/core-semconv";

/**
 * The fields of a LangChain BaseMessage we read. Duck-typed (never `instanceof`), so two copies of
 * `@langchain/core` in one app still work.
 */
interface MessageLike {
  content?: unknown;
  name?: string;
  tool_calls?: { id?: string; name: string; args?: unknown }[];
  tool_call_id?: string;
  role?: string;
  _getType?: () => string;
  type?: string;
  getType?: () => string;
}

const ROLE_BY_TYPE: Readonly<Record<string, string>> = {
  human: "user",
  ai: "assistant",
  system: "system",
  tool: "tool",
  function: "tool",
  developer: "system",
};

function messageType(m: MessageLike): string {
  try {
    if (typeof m._getType === "function") return m._getType();
    if (typeof m.getType === "function") return m.getType();
  } catch {
    // fall through
  }
  return typeof m.type === "string" ? m.type : "generic";
}

/** The role of a LangChain message in the conventions' terms (`user`, `assistant`, `system`, `tool`). */
export function roleOf(m: MessageLike): string {
  const type = messageType(m);
  if (type === "generic" || type === "chat") return m.role ?? "user";
  return ROLE_BY_TYPE[type] ?? type;
}

function contentParts(content: unknown): MessagePart[] {
  if (typeof content === "string") return content ? [{ type: "text", content }] : [];
  if (!Array.isArray(content)) return [];
  const parts: MessagePart[] = [];
  for (const block of content) {
    if (typeof block === "string") parts.push({ type: "text", content: block });
    else if (block && typeof block === "object") {
      const b = block as { type?: string; text?: string };
      if ((b.type === "text" || b.type === "text_delta") && typeof b.text === "string") parts.push({ type: "text", content: b.text });
      else if (b.type !== "tool_use" && b.type !== "functionCall") parts.push({ type: b.type ?? "unknown" });
    }
  }
  return parts;
}

/** Converts one LangChain message to the GenAI message JSON shape (text, tool_call and tool_call_response parts). */
export function toChatMessage(m: MessageLike): ChatMessage {
  const role = roleOf(m);
  if (role === "tool") {
    return { role, parts: [{ type: "tool_call_response", id: m.tool_call_id, response: m.content }] };
  }
  const parts = contentParts(m.content);
  for (const call of m.tool_calls ?? []) parts.push({ type: "tool_call", id: call.id, name: call.name, arguments: call.args });
  const msg: ChatMessage = { role, parts };
  if (m.name) msg.name = m.name;
  return msg;
}

/** Converts a model output message, adding its finish reason. */
export function toOutputMessage(m: MessageLike | undefined, text: string | undefined, finishReason?: string): OutputMessage {
  const base: OutputMessage = m ? toChatMessage(m) : { role: "assistant", parts: text ? [{ type: "text", content: text }] : [] };
  if (base.parts.length === 0 && text) base.parts.push({ type: "text", content: text });
  if (finishReason) base.finish_reason = finishReason;
  return base;
}
