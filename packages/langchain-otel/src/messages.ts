import { type ChatMessage, type MessagePart, type OutputMessage, blobPart, filePart, mediaPartFromUrl, modalityOf, reasoningPart } from "@genai-otel/core-semconv";
import { nonEmptyString } from "@genai-otel/core-semconv/internal";

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

type Block = Record<string, unknown>;
/** LangChain block types that carry media, and their modality. */
const MEDIA_TYPES: Readonly<Record<string, string>> = { image: "image", image_url: "image", audio: "audio", input_audio: "audio", video: "video", file: "file" };

/**
 * A media block (LangChain standard `image`/`audio`/`video`/`file` blocks with `url`, `data` (base64)
 * or `fileId`/`id`; OpenAI `image_url` and `input_audio`) as a `uri`, `blob` or `file` part. Blob
 * bytes only under `maxBlobBytes`; URLs by reference; `data:` URLs as blobs.
 */
function mediaPart(b: Block, type: string, maxBlobBytes: number): MessagePart {
  const modalityHint = MEDIA_TYPES[type] === "file" ? undefined : MEDIA_TYPES[type];
  const mimeType = nonEmptyString(b.mimeType) ?? nonEmptyString(b.mime_type);
  const options = { mimeType, modality: modalityHint ?? (mimeType ? modalityOf(mimeType, "file") : "file") };
  const imageUrl = b.image_url;
  const url = nonEmptyString(b.url) ?? (typeof imageUrl === "string" ? imageUrl : nonEmptyString((imageUrl as Block | undefined)?.url));
  if (url) return mediaPartFromUrl(url, options, maxBlobBytes);
  const inputAudio = b.input_audio as Block | undefined;
  const data = nonEmptyString(b.data) ?? nonEmptyString(inputAudio?.data);
  if (data) {
    const format = nonEmptyString(inputAudio?.format);
    return blobPart(data, { ...options, mimeType: options.mimeType ?? (format ? `audio/${format}` : undefined) }, maxBlobBytes);
  }
  const fileId = nonEmptyString(b.fileId) ?? nonEmptyString(b.file_id) ?? (b.source_type === "id" ? nonEmptyString(b.id) : undefined) ?? nonEmptyString((b.file as Block | undefined)?.file_id);
  if (fileId) return filePart(fileId, options);
  return { type };
}

function contentParts(content: unknown, maxBlobBytes: number): MessagePart[] {
  if (typeof content === "string") return content ? [{ type: "text", content }] : [];
  if (!Array.isArray(content)) return [];
  const parts: MessagePart[] = [];
  for (const block of content) {
    if (typeof block === "string") parts.push({ type: "text", content: block });
    else if (block && typeof block === "object") {
      const b = block as Block;
      const type = typeof b.type === "string" ? b.type : "unknown";
      if ((type === "text" || type === "text_delta") && typeof b.text === "string") parts.push({ type: "text", content: b.text });
      else if (type === "reasoning" || type === "thinking") {
        const text = nonEmptyString(b.reasoning) ?? nonEmptyString(b.thinking) ?? nonEmptyString(b.text);
        if (text) parts.push(reasoningPart(text));
      } else if (MEDIA_TYPES[type]) parts.push(mediaPart(b, type, maxBlobBytes));
      else if (type !== "tool_use" && type !== "functionCall" && type !== "tool_call") parts.push({ type });
    }
  }
  return parts;
}

/**
 * Converts one LangChain message to the GenAI message JSON shape: text, tool_call and
 * tool_call_response parts, reasoning parts, and media as uri / blob / file parts (blob bytes only
 * up to `maxBlobBytes`, default 0 = never).
 */
export function toChatMessage(m: MessageLike, maxBlobBytes = 0): ChatMessage {
  const role = roleOf(m);
  if (role === "tool") {
    return { role, parts: [{ type: "tool_call_response", id: m.tool_call_id, response: m.content }] };
  }
  const parts = contentParts(m.content, maxBlobBytes);
  for (const call of m.tool_calls ?? []) parts.push({ type: "tool_call", id: call.id, name: call.name, arguments: call.args });
  const msg: ChatMessage = { role, parts };
  if (m.name) msg.name = m.name;
  return msg;
}

/** Converts a model output message, adding its finish reason. */
export function toOutputMessage(m: MessageLike | undefined, text: string | undefined, finishReason?: string, maxBlobBytes = 0): OutputMessage {
  const base: OutputMessage = m ? toChatMessage(m, maxBlobBytes) : { role: "assistant", parts: text ? [{ type: "text", content: text }] : [] };
  if (base.parts.length === 0 && text) base.parts.push({ type: "text", content: text });
  if (finishReason) base.finish_reason = finishReason;
  return base;
}
