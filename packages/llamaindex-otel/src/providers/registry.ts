import { GenAIProvider } from "@genai-otel/core-semconv";
import { readEnv } from "@genai-otel/core-semconv/internal";
import { ENV_OPENAI_BASE_URL } from "../settings";

/** What this package knows about the provider behind a LlamaIndex LLM or embedding model. */
export interface ProviderInfo {
  /** `gen_ai.provider.name`: a `GenAIProvider` value where one fits. */
  name: string;
  /** The endpoint an instance calls (`server.address` / `server.port`). */
  server?: { address?: string; port?: number };
}

/**
 * Provider of each LlamaIndex provider class, by class name. Matched by name along the prototype
 * chain rather than by class identity, so nothing has to load the provider packages (and a
 * subclass such as `Groq extends OpenAI` finds its own entry first).
 */
const BY_CLASS_NAME: ReadonlyMap<string, string> = new Map([
  ["OpenAI", GenAIProvider.OPENAI],
  ["OpenAIResponses", GenAIProvider.OPENAI],
  ["OpenAIEmbedding", GenAIProvider.OPENAI],
  ["AzureOpenAI", GenAIProvider.AZURE_AI_OPENAI],
  ["Anthropic", GenAIProvider.ANTHROPIC],
  ["Gemini", GenAIProvider.GCP_GEMINI],
  ["GeminiEmbedding", GenAIProvider.GCP_GEMINI],
  ["Groq", GenAIProvider.GROQ],
  ["DeepSeekLLM", GenAIProvider.DEEPSEEK],
  ["MistralAI", GenAIProvider.MISTRAL_AI],
  ["MistralAIEmbedding", GenAIProvider.MISTRAL_AI],
  ["Perplexity", GenAIProvider.PERPLEXITY],
  ["XAILLM", GenAIProvider.X_AI],
  ["Bedrock", GenAIProvider.AWS_BEDROCK],
  ["CohereEmbedding", GenAIProvider.COHERE],
]);

/** Default endpoints of providers whose instances may not say (`OPENAI_BASE_URL` is read when an instance is first met). */
function defaultBaseURL(provider: string): string | undefined {
  if (provider !== GenAIProvider.OPENAI) return undefined;
  return readEnv(ENV_OPENAI_BASE_URL) ?? "https://api.openai.com/v1";
}

/**
 * The provider of an LLM or embedding instance: the table entry of its nearest class, else a name
 * made from its class name (`OllamaEmbedding` → `ollama`); the server from its `baseURL` (worked
 * out once per instance).
 */
export function providerOf(instance: unknown): ProviderInfo {
  // Embedding models are callable (`TransformComponent` instances are functions): cached too.
  if (instance === null || (typeof instance !== "object" && typeof instance !== "function")) return describeProvider(instance);
  let info = known.get(instance as object);
  if (!info) {
    info = describeProvider(instance);
    known.set(instance as object, info);
  }
  return info;
}

/** Providers already worked out, per instance (a prototype walk and a URL parse per call otherwise). */
const known = new WeakMap<object, ProviderInfo>();

function describeProvider(instance: unknown): ProviderInfo {
  let name: string | undefined;
  for (let proto = instance == null ? null : Object.getPrototypeOf(instance); proto && !name; proto = Object.getPrototypeOf(proto)) {
    const className = (proto as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof className === "string") name = BY_CLASS_NAME.get(className);
  }
  if (!name) {
    const className = (instance as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    name = (typeof className === "string" ? className.replace(/(Embedding|LLM)$/, "").toLowerCase() : "") || "_OTHER";
  }
  const baseURL = (instance as { baseURL?: unknown } | null)?.baseURL;
  return { name, server: serverOf(typeof baseURL === "string" ? baseURL : defaultBaseURL(name)) };
}

/** `server.address` and `server.port` of a base URL (default port from the scheme). */
export function serverOf(baseURL: string | undefined): { address?: string; port?: number } | undefined {
  if (!baseURL) return undefined;
  try {
    const url = new URL(baseURL);
    const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : url.protocol === "http:" ? 80 : undefined;
    return { address: url.hostname, port };
  } catch {
    return undefined;
  }
}
