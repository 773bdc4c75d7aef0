import { GenAIProvider } from "@genai-otel/core-semconv";

/** LangChain `ls_provider` values → `gen_ai.provider.name` values of the GenAI conventions. */
const BY_LS_PROVIDER: Readonly<Record<string, string>> = {
  openai: GenAIProvider.OPENAI,
  azure: GenAIProvider.AZURE_AI_OPENAI,
  azure_openai: GenAIProvider.AZURE_AI_OPENAI,
  anthropic: GenAIProvider.ANTHROPIC,
  bedrock: GenAIProvider.AWS_BEDROCK,
  amazon_bedrock: GenAIProvider.AWS_BEDROCK,
  bedrock_converse: GenAIProvider.AWS_BEDROCK,
  google_genai: GenAIProvider.GCP_GEMINI,
  google_vertexai: GenAIProvider.GCP_VERTEX_AI,
  vertexai: GenAIProvider.GCP_VERTEX_AI,
  mistral: GenAIProvider.MISTRAL_AI,
  mistralai: GenAIProvider.MISTRAL_AI,
  groq: GenAIProvider.GROQ,
  cohere: GenAIProvider.COHERE,
  deepseek: GenAIProvider.DEEPSEEK,
  xai: GenAIProvider.X_AI,
  perplexity: GenAIProvider.PERPLEXITY,
  ibm: GenAIProvider.IBM_WATSONX_AI,
  watsonx: GenAIProvider.IBM_WATSONX_AI,
};

/**
 * Maps LangChain's `ls_provider` run metadata to the spec's provider value; unknown providers keep
 * their own (lower-case) name, and a missing one gives `undefined`.
 *
 * @internal
 */
export function providerFromLangChain(lsProvider: unknown): string | undefined {
  if (typeof lsProvider !== "string" || !lsProvider) return undefined;
  const key = lsProvider.toLowerCase();
  return BY_LS_PROVIDER[key] ?? key;
}
