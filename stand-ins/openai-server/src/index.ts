/**
 * `@genai-otel-internal/openai-server`: an OpenAI-compatible HTTP server on 127.0.0.1 with deterministic
 * answers, token counts, tool calls, embeddings and simulated failures, for tests, examples and the demo.
 * @packageDocumentation
 */
export type { ChatPlan, ChatRequest, ChatTool } from "./chat-plan";
export { chooseTool, planChat } from "./chat-plan";
export type { EmbeddingInput } from "./embeddings";
export { embedText, fromBase64Float32, toBase64Float32 } from "./embeddings";
export { chatReply, FIXED_PHRASE } from "./reply";
export { LISTED_MODELS, startOpenAIServer } from "./server";
export type { ChatMessage } from "./tokens";
export { countPromptTokens, countTokens } from "./tokens";
export type { JsonSchema } from "./tool-args";
export { argumentWord, objectForSchema } from "./tool-args";
export type { FailureSpec, OpenAIServer, OpenAIServerOptions, RecordedRequest } from "./types";
