/**
 * A framework-neutral description of GenAI operations. Adapters fill these from LangChain runs or
 * LlamaIndex events; core-semconv alone turns them into attributes, so the adapters hold no
 * attribute names and cannot drift apart.
 */

import type { BlobPart, FilePart, ReasoningPart, UriPart } from "./message-parts";

/**
 * One part of a message, shaped as the GenAI input/output message JSON schemas define (text, tool
 * calls and responses, and the 1.38+ multimodal and reasoning parts built by `blobPart`, `uriPart`,
 * `filePart`, `reasoningPart`).
 */
export type MessagePart =
  | { type: "text"; content: string }
  | { type: "tool_call"; id?: string; name: string; arguments?: unknown }
  | { type: "tool_call_response"; id?: string; response: unknown }
  | BlobPart
  | UriPart
  | FilePart
  | ReasoningPart
  | { type: string; [key: string]: unknown };

/** A chat message (`gen_ai.input.messages` item). */
export interface ChatMessage {
  role: "system" | "user" | "assistant" | "tool" | (string & {});
  parts: MessagePart[];
  /** Participant name, when the framework gives one. */
  name?: string;
}

/** A model output (`gen_ai.output.messages` item). */
export interface OutputMessage extends ChatMessage {
  /** Why the model stopped (`stop`, `length`, `tool_call`, `content_filter`, `error`). */
  finish_reason?: string;
}

/** A tool offered to the model (`gen_ai.tool.definitions` item). */
export interface ToolDefinition {
  type: "function" | (string & {});
  name: string;
  description?: string;
  /** JSON schema of the arguments. */
  parameters?: unknown;
}

/** A retrieved document (`gen_ai.retrieval.documents` item). */
export interface RetrievedDocument {
  id?: string;
  content?: string;
  score?: number;
  metadata?: Record<string, unknown>;
}

/** Request parameters of an inference call. All optional; only those present become attributes. */
export interface RequestParams {
  temperature?: number;
  /** Maximum tokens to generate, in tokens. */
  maxTokens?: number;
  topP?: number;
  topK?: number;
  stopSequences?: string[];
  frequencyPenalty?: number;
  presencePenalty?: number;
  seed?: number;
  /** Whether the response was requested as a stream. */
  stream?: boolean;
  /** Number of candidates requested; recorded only when not 1. */
  choiceCount?: number;
  /** Embedding encodings requested (`float`, `base64`). */
  encodingFormats?: string[];
}

/** What is known when an inference (chat, text completion, embeddings) starts. */
export interface InferenceRequest {
  operation: "chat" | "text_completion" | "generate_content" | "embeddings";
  /** `gen_ai.provider.name`; use {@link GenAIProvider} values where one fits. */
  provider?: string;
  model?: string;
  serverAddress?: string;
  serverPort?: number;
  params?: RequestParams;
}

/** Token usage, in tokens. */
export interface TokenUsage {
  /** Input tokens, including cached ones (as the spec asks). */
  inputTokens?: number;
  outputTokens?: number;
  cacheReadInputTokens?: number;
  cacheCreationInputTokens?: number;
  reasoningOutputTokens?: number;
  /** True when the counts are an estimate (e.g. a tokenizer), not the provider's own count. */
  estimated?: boolean;
}

/** What is known when an inference ends. */
export interface InferenceResult {
  responseId?: string;
  responseModel?: string;
  finishReasons?: string[];
  usage?: TokenUsage;
  /** Seconds from the request to the first streamed chunk, in s. */
  timeToFirstChunk?: number;
  /** Length of each returned embedding vector. */
  embeddingDimensions?: number;
}

/** Content of an inference, each item computed only when content capture is on. */
export interface InferenceContent {
  inputMessages?: () => ChatMessage[] | undefined;
  outputMessages?: () => OutputMessage[] | undefined;
  systemInstructions?: () => MessagePart[] | undefined;
  toolDefinitions?: () => ToolDefinition[] | undefined;
}

/** An `execute_tool` operation. */
export interface ToolDescription {
  name: string;
  callId?: string;
  description?: string;
  /** `function` (default for framework tools), `extension` or `datastore`. */
  type?: "function" | "extension" | "datastore";
}

/** Content of a tool call, computed only when content capture is on. */
export interface ToolContent {
  arguments?: () => unknown;
  result?: () => unknown;
}

/** A `retrieval` operation. */
export interface RetrievalDescription {
  dataSourceId?: string;
  documentCount?: number;
}

/** Content of a retrieval, computed only when content capture is on. */
export interface RetrievalContent {
  query?: () => string | undefined;
  documents?: () => RetrievedDocument[] | undefined;
}

/** An `invoke_agent` operation. */
export interface AgentDescription {
  name?: string;
  id?: string;
  description?: string;
}
