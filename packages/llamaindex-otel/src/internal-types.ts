/**
 * The shapes of LlamaIndex objects this package reads, written structurally (every field optional)
 * so a different minor version of LlamaIndex degrades to fewer attributes, never to a crash.
 * Never exported from the package.
 */

/** A part of a multi-modal message (`MessageContentDetail`): text, `image_url`, or inline `image`/`audio`/`video`/`file` data. */
export interface LIContentDetail {
  type?: string;
  text?: string;
  image_url?: { url?: unknown };
  data?: unknown;
  mimeType?: unknown;
}

/** A message's `options`: tool calls / results, and reasoning (Anthropic `thinking`, OpenAI Responses `reasoning` item). */
export interface LIMessageOptions {
  toolCall?: LIToolCall[];
  toolResult?: { id?: string; result?: unknown; isError?: boolean };
  thinking?: unknown;
  reasoning?: string | { summary?: Array<{ text?: unknown }>; content?: Array<{ text?: unknown }> };
}

/** `ToolCall` / `PartialToolCall` of `@llamaindex/core/llms`. */
export interface LIToolCall {
  id?: string;
  name?: string;
  input?: unknown;
}

/** `ChatMessage` of `@llamaindex/core/llms`. */
export interface LIChatMessage {
  role?: string;
  content?: string | LIContentDetail[];
  options?: LIMessageOptions;
}

/** `BaseTool`: its metadata and its `call`. */
export interface LITool {
  metadata?: { name?: string; description?: string; parameters?: unknown };
  call?: unknown;
}

/** `LLMChatParams`. */
export interface LIChatParams {
  messages?: LIChatMessage[];
  stream?: boolean;
  tools?: LITool[];
  additionalChatOptions?: Record<string, unknown>;
}

/** `ChatResponse`: the message and the provider's raw response. */
export interface LIChatResponse {
  message?: LIChatMessage;
  raw?: unknown;
}

/** `ChatResponseChunk`: a text delta, the provider's raw chunk, tool calls so far in `options`. */
export interface LIChatChunk {
  delta?: string;
  raw?: unknown;
  options?: { toolCall?: LIToolCall[] };
}

/** An LLM instance: its `metadata` (every `BaseLLM` has it), or what an OpenAI-style class keeps on `this`. */
export interface LILLM {
  metadata?: { model?: string; temperature?: number; topP?: number; maxTokens?: number };
  model?: string;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  baseURL?: string;
  additionalChatOptions?: Record<string, unknown>;
}

/** An embedding model instance (`BaseEmbedding`). */
export interface LIEmbedding {
  model?: string;
  baseURL?: string;
  dimensions?: number;
}

/** A retrieved node (`NodeWithScore`). */
export interface LINodeWithScore {
  node?: { id_?: string; text?: string; getContent?: (mode?: string) => string };
  score?: number;
}
