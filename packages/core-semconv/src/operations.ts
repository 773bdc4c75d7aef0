import { SpanKind } from "@opentelemetry/api";

/**
 * Values of `gen_ai.operation.name` (semantic conventions v1.41.0, gen-ai registry).
 * @see https://opentelemetry.io/docs/specs/semconv/registry/attributes/gen-ai/
 */
export const GenAIOperation = {
  CHAT: "chat",
  TEXT_COMPLETION: "text_completion",
  GENERATE_CONTENT: "generate_content",
  EMBEDDINGS: "embeddings",
  RETRIEVAL: "retrieval",
  EXECUTE_TOOL: "execute_tool",
  CREATE_AGENT: "create_agent",
  INVOKE_AGENT: "invoke_agent",
  INVOKE_WORKFLOW: "invoke_workflow",
} as const;
/** One of the {@link GenAIOperation} values. */
export type GenAIOperationName = (typeof GenAIOperation)[keyof typeof GenAIOperation];

/**
 * Well-known values of `gen_ai.provider.name` (semantic conventions v1.41.0). Other providers use
 * their own lower-case name.
 */
export const GenAIProvider = {
  ANTHROPIC: "anthropic",
  AWS_BEDROCK: "aws.bedrock",
  AZURE_AI_INFERENCE: "azure.ai.inference",
  AZURE_AI_OPENAI: "azure.ai.openai",
  COHERE: "cohere",
  DEEPSEEK: "deepseek",
  GCP_GEMINI: "gcp.gemini",
  GCP_GEN_AI: "gcp.gen_ai",
  GCP_VERTEX_AI: "gcp.vertex_ai",
  GROQ: "groq",
  IBM_WATSONX_AI: "ibm.watsonx.ai",
  MISTRAL_AI: "mistral_ai",
  OPENAI: "openai",
  PERPLEXITY: "perplexity",
  X_AI: "x_ai",
} as const;
/** One of the {@link GenAIProvider} values. */
export type GenAIProviderName = (typeof GenAIProvider)[keyof typeof GenAIProvider];

/**
 * Span kind the conventions give each operation: CLIENT for calls to a model or a data source,
 * INTERNAL for in-process agents, tools and workflows.
 *
 * @param operation - a {@link GenAIOperation} value
 * @param inProcess - true when the model or store runs inside this process (then INTERNAL)
 */
export function spanKindFor(operation: GenAIOperationName, inProcess = false): SpanKind {
  switch (operation) {
    case "execute_tool":
    case "invoke_agent":
    case "invoke_workflow":
      return SpanKind.INTERNAL;
    default:
      return inProcess ? SpanKind.INTERNAL : SpanKind.CLIENT;
  }
}

/**
 * The span name the conventions give an operation: `{operation} {subject}` (model for inference
 * and embeddings, tool name, agent name, workflow name, data source id), or the bare operation
 * when the subject is unknown.
 *
 * @example spanName("chat", "gpt-4o-mini") === "chat gpt-4o-mini"
 */
export function spanName(operation: GenAIOperationName, subject?: string): string {
  return subject ? `${operation} ${subject}` : operation;
}
