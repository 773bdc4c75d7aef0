import { GenAIProvider } from "@genai-otel/core-semconv";
import { nonEmptyString } from "@genai-otel/core-semconv/internal";

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

/** Default endpoints of providers whose LangChain clients have one, by `gen_ai.provider.name`. */
const DEFAULT_BASE_URL: Readonly<Record<string, string>> = {
  [GenAIProvider.OPENAI]: "https://api.openai.com/v1",
  [GenAIProvider.ANTHROPIC]: "https://api.anthropic.com",
  [GenAIProvider.MISTRAL_AI]: "https://api.mistral.ai",
  [GenAIProvider.GROQ]: "https://api.groq.com",
  [GenAIProvider.DEEPSEEK]: "https://api.deepseek.com",
  [GenAIProvider.X_AI]: "https://api.x.ai",
  [GenAIProvider.GCP_GEMINI]: "https://generativelanguage.googleapis.com",
};

/** Parsed base URLs (a handful per app), so a chat start does not parse one each time. */
const servers = new Map<string, { address: string; port?: number } | undefined>();

/**
 * `server.address` / `server.port` of a model client, from the base URL in its serialized
 * constructor arguments (`configuration.baseURL`, `baseURL`, `baseUrl`, `anthropicApiUrl`), else the
 * provider's default endpoint. Only the URL is read from `serialized`, never exported.
 */
export function serverOfClient(serialized: unknown, provider: string | undefined): { address: string; port?: number } | undefined {
  const kwargs = (serialized as { kwargs?: Record<string, unknown> } | undefined)?.kwargs;
  const configuration = kwargs?.configuration as Record<string, unknown> | undefined;
  const url =
    nonEmptyString(configuration?.baseURL) ?? nonEmptyString(kwargs?.baseURL) ?? nonEmptyString(kwargs?.baseUrl) ?? nonEmptyString(kwargs?.base_url) ?? nonEmptyString(kwargs?.anthropicApiUrl) ?? (provider ? DEFAULT_BASE_URL[provider] : undefined);
  if (!url) return undefined;
  if (servers.has(url)) return servers.get(url);
  let server: { address: string; port?: number } | undefined;
  try {
    const parsed = new URL(url);
    const port = parsed.port ? Number(parsed.port) : parsed.protocol === "https:" ? 443 : parsed.protocol === "http:" ? 80 : undefined;
    server = parsed.hostname ? { address: parsed.hostname, port } : undefined;
  } catch {
    server = undefined;
  }
  if (servers.size < 256) servers.set(url, server);
  return server;
}
