/**
 * Deterministic embeddings: a signed, hashed bag of words, unit-normalised.
 *
 * Each lower-cased word (letters/digits) is hashed with FNV-1a 32; the hash picks a dimension
 * (`hash % dimensions`) and a sign (bit 31), so texts sharing words point the same way and unrelated
 * texts are nearly orthogonal. A text without words embeds as the first unit vector. Token-array inputs
 * use `t<token>` as words. `prompt_tokens` is the number of words (or tokens) over all inputs.
 * @module
 */

/** An `input` of `/v1/embeddings`: a string, strings, a token array or token arrays. */
export type EmbeddingInput = string | readonly string[] | readonly number[] | readonly (readonly number[])[];

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The words an embedding is built from. */
export function embeddingWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The unit-normalised embedding of a list of words. */
export function embedWords(words: readonly string[], dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of words) {
    const hash = fnv1a(word);
    const index = hash % dimensions;
    vector[index] = (vector[index] ?? 0) + (hash & 0x80000000 ? -1 : 1);
  }
  const norm = Math.hypot(...vector);
  if (norm === 0) return vector.map((_, i) => (i === 0 ? 1 : 0));
  return vector.map((value) => value / norm);
}

/** The embedding of a text (see the module rule). */
export function embedText(text: string, dimensions = 16): number[] {
  return embedWords(embeddingWords(text), dimensions);
}

/** Normalises an `input` to a list of word lists; `undefined` when the input is not valid. */
export function inputWords(input: unknown): string[][] | undefined {
  const tokens = (list: readonly unknown[]) => list.map((token) => `t${String(token)}`);
  if (typeof input === "string") return [embeddingWords(input)];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((item) => typeof item === "string")) return input.map((item: string) => embeddingWords(item));
  if (input.every((item) => typeof item === "number")) return [tokens(input)];
  if (input.every((item) => Array.isArray(item))) return input.map((item: unknown[]) => tokens(item));
  return undefined;
}

/** Encodes a vector as OpenAI's `encoding_format: "base64"` does: little-endian float32, base64. */
export function toBase64Float32(vector: readonly number[]): string {
  const buffer = Buffer.alloc(vector.length * 4);
  vector.forEach((value, i) => {
    buffer.writeFloatLE(value, i * 4);
  });
  return buffer.toString("base64");
}

/** Decodes a base64 little-endian float32 embedding. */
export function fromBase64Float32(text: string): number[] {
  const buffer = Buffer.from(text, "base64");
  const out: number[] = [];
  for (let offset = 0; offset + 4 <= buffer.length; offset += 4) out.push(buffer.readFloatLE(offset));
  return out;
}

/** The fields of an embeddings request the server reads. */
export interface EmbeddingRequest {
  model?: string;
  input?: unknown;
  encoding_format?: "float" | "base64";
  dimensions?: number;
}

/** The `/v1/embeddings` response body, or `undefined` when `input` is invalid. */
export function embeddingsBody(request: EmbeddingRequest, defaultDimensions: number) {
  const lists = inputWords(request.input);
  if (!lists) return undefined;
  const dimensions = request.dimensions && request.dimensions > 0 ? request.dimensions : defaultDimensions;
  const base64 = request.encoding_format === "base64";
  const promptTokens = lists.reduce((sum, words) => sum + words.length, 0);
  return {
    object: "list",
    data: lists.map((words, index) => {
      const vector = embedWords(words, dimensions);
      return { object: "embedding", index, embedding: base64 ? toBase64Float32(vector) : vector };
    }),
    model: request.model ?? "text-embedding-3-small",
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}
