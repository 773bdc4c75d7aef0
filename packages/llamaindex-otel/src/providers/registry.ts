import type { InferenceResult } from "@genai-otel/core-semconv";

/** What this package knows about the provider behind a LlamaIndex LLM or embedding class. */
export interface ProviderInfo {
  /** `gen_ai.provider.name`: a `GenAIProvider` value where one fits. */
  name: string;
  /** The endpoint an instance calls (`server.address` / `server.port`). */
  server?(instance: unknown): { address?: string; port?: number } | undefined;
  /** Response id/model, finish reasons and usage of a non-streamed chat response (`response.raw`). */
  chatResult?(raw: unknown): InferenceResult;
  /** Merges one streamed chunk (`chunk.raw`) into `acc`. */
  chatChunk?(raw: unknown, acc: InferenceResult): void;
}

const byPrototype = new WeakMap<object, ProviderInfo>();

/** Declares the provider of a LlamaIndex class (and of its subclasses). */
export function registerProvider(cls: { prototype: object }, info: ProviderInfo): void {
  byPrototype.set(cls.prototype, info);
}

/**
 * The provider of an instance: the registered info of its nearest registered class, else a name
 * made from its class name (`OllamaEmbedding` → `ollama`).
 */
export function providerOf(instance: unknown): ProviderInfo {
  for (let proto = instance == null ? null : Object.getPrototypeOf(instance); proto; proto = Object.getPrototypeOf(proto)) {
    const info = byPrototype.get(proto);
    if (info) return info;
  }
  const className = (instance as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  const name = typeof className === "string" ? className.replace(/(Embedding|LLM)$/, "").toLowerCase() : "";
  return { name: name || "_OTHER" };
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
