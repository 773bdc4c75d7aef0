import type { Attributes } from "@opentelemetry/api";
import {
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_GENAI_OTEL_METADATA_PREFIX,
  ATTR_GENAI_OTEL_PROMPT_NAME,
  ATTR_GENAI_OTEL_PROMPT_VERSION,
  ATTR_GENAI_OTEL_TAGS,
  ATTR_USER_ID,
} from "../attributes";
import { safeJsonStringify } from "../serialize";
import { truncate } from "../serialize-budget";
import type { PromptReference, TraceAttributes, TraceContext } from "./types";

/** Most tags kept per trace context. */
export const MAX_TAGS = 64;
/** Longest tag kept, in characters (longer tags are cut). */
export const MAX_TAG_LENGTH = 200;
/** Most metadata keys kept per trace context. */
export const MAX_METADATA_KEYS = 64;
/** Longest metadata key kept, in characters (longer keys are dropped). */
export const MAX_METADATA_KEY_LENGTH = 128;
/** Longest metadata string value (or JSON of a non-primitive value), in characters (longer values are cut). */
export const MAX_METADATA_VALUE_LENGTH = 1000;
/** Longest conversation id, user id or prompt name/version, in characters (longer values are cut). */
export const MAX_ID_LENGTH = 256;

/** Metadata keys that look like secrets: dropped and counted, never recorded. */
const SECRET_KEY = /api[-_]?key|authorization|token|password|secret/i;

/** Counts of values {@link withTraceAttributes} and the framework readers dropped or cut. */
export interface TraceAttributesStats {
  /** Metadata keys dropped because they look like secrets (`api_key`, `token`, `password`, ...). */
  secretKeysDropped: number;
  /** Tags and metadata keys dropped over the count caps, or for an unusable key/value (not a string, too long a key). */
  valuesDropped: number;
  /** Tags, ids and metadata values cut at their length caps. */
  valuesTruncated: number;
}

const stats: TraceAttributesStats = { secretKeysDropped: 0, valuesDropped: 0, valuesTruncated: 0 };

/**
 * How many trace-context values were dropped or cut since the process started (see the bounds on
 * {@link TraceAttributes}). A copy; never throws.
 */
export function traceAttributesStats(): TraceAttributesStats {
  return { ...stats };
}

function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  stats.valuesTruncated++;
  return truncate(value, max);
}

/** An id (conversation, user): a non-empty string or a finite number, bounded; else undefined. */
export function boundedId(value: unknown): string | undefined {
  if (typeof value === "string") return value === "" ? undefined : cut(value, MAX_ID_LENGTH);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** True when a metadata key looks like it names a secret (`api_key`, `authorization`, `token`, `password`, `secret`). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A metadata value as an attribute value: strings (cut), finite numbers, booleans; anything else as JSON. */
function metadataValue(value: unknown): string | number | boolean | undefined {
  switch (typeof value) {
    case "string":
      return cut(value, MAX_METADATA_VALUE_LENGTH);
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : String(value);
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  if (value === null) return undefined;
  const json = safeJsonStringify(value, { maxDepth: 6, maxItems: 50, maxStringLength: MAX_METADATA_VALUE_LENGTH, maxLength: MAX_METADATA_VALUE_LENGTH });
  return json === "" ? undefined : cut(json, MAX_METADATA_VALUE_LENGTH);
}

function mergeTags(outer: readonly string[] | undefined, inner: readonly unknown[] | undefined): readonly string[] | undefined {
  if (!inner || inner.length === 0) return outer;
  let out: string[] | undefined;
  for (const raw of inner) {
    if (typeof raw !== "string" || raw === "") {
      stats.valuesDropped++;
      continue;
    }
    const tag = cut(raw, MAX_TAG_LENGTH);
    if (outer?.includes(tag) || out?.includes(tag)) continue;
    out ??= outer ? [...outer] : [];
    if (out.length >= MAX_TAGS) {
      stats.valuesDropped++;
      continue;
    }
    out.push(tag);
  }
  return out ?? outer;
}

type Metadata = Record<string, string | number | boolean>;

function mergeMetadata(outer: Readonly<Metadata> | undefined, inner: Record<string, unknown> | undefined): Readonly<Metadata> | undefined {
  if (!inner || typeof inner !== "object") return outer;
  let out: Metadata | undefined;
  let count = outer ? Object.keys(outer).length : 0;
  for (const key in inner) {
    if (!Object.hasOwn(inner, key)) continue;
    if (isSecretKey(key)) {
      stats.secretKeysDropped++;
      continue;
    }
    if (key === "" || key.length > MAX_METADATA_KEY_LENGTH) {
      stats.valuesDropped++;
      continue;
    }
    const value = metadataValue(inner[key]);
    if (value === undefined) continue;
    const current = out ? out[key] : outer?.[key];
    if (current === value) continue;
    if (current === undefined) {
      if (count >= MAX_METADATA_KEYS) {
        stats.valuesDropped++;
        continue;
      }
      count++;
    }
    out ??= { ...outer };
    out[key] = value;
  }
  return out ?? outer;
}

function mergePrompt(outer: Readonly<PromptReference> | undefined, inner: PromptReference | undefined): Readonly<PromptReference> | undefined {
  if (!inner || typeof inner !== "object") return outer;
  const name = typeof inner.name === "string" && inner.name !== "" ? cut(inner.name, MAX_ID_LENGTH) : undefined;
  const version = typeof inner.version === "number" && Number.isFinite(inner.version) ? inner.version : boundedId(inner.version);
  const template = typeof inner.template === "string" ? inner.template : undefined;
  const variables = inner.variables !== null && typeof inner.variables === "object" ? inner.variables : undefined;
  if (name === undefined && version === undefined && template === undefined && variables === undefined) return outer;
  const merged: PromptReference = { ...outer };
  if (name !== undefined) merged.name = name;
  if (version !== undefined) merged.version = version;
  if (template !== undefined) merged.template = template;
  if (variables !== undefined) merged.variables = variables;
  return merged;
}

/**
 * Merges `inner` into the trace context `outer` (nested scopes, or a framework run inside a scope):
 * inner ids and prompt fields win, tags are a union, metadata keys merge (inner wins). Values are
 * bounded as {@link TraceAttributes} says. Returns `outer` itself when `inner` changes nothing, and
 * `undefined` when both are empty. Never throws on odd input (wrong types are dropped).
 */
export function mergeTraceContext(outer: TraceContext | undefined, inner: TraceAttributes | undefined): TraceContext | undefined {
  if (!inner || typeof inner !== "object") return outer;
  const conversationId = boundedId(inner.conversationId) ?? outer?.conversationId;
  const userId = boundedId(inner.userId) ?? outer?.userId;
  const tags = mergeTags(outer?.tags, Array.isArray(inner.tags) ? inner.tags : undefined);
  const metadata = mergeMetadata(outer?.metadata, inner.metadata);
  const prompt = mergePrompt(outer?.prompt, inner.prompt);
  if (
    outer &&
    conversationId === outer.conversationId &&
    userId === outer.userId &&
    tags === outer.tags &&
    metadata === outer.metadata &&
    prompt === outer.prompt
  ) {
    return outer;
  }
  if (conversationId === undefined && userId === undefined && !tags && !metadata && !prompt) return undefined;
  return buildTraceContext(conversationId, userId, tags, metadata, prompt);
}

function buildTraceContext(
  conversationId: string | undefined,
  userId: string | undefined,
  tags: readonly string[] | undefined,
  metadata: Readonly<Metadata> | undefined,
  prompt: Readonly<PromptReference> | undefined,
): TraceContext {
  const spanAttributes: Attributes = {};
  if (conversationId !== undefined) spanAttributes[ATTR_GEN_AI_CONVERSATION_ID] = conversationId;
  if (userId !== undefined) spanAttributes[ATTR_USER_ID] = userId;
  if (tags && tags.length > 0) spanAttributes[ATTR_GENAI_OTEL_TAGS] = [...tags];
  if (metadata) for (const key in metadata) spanAttributes[ATTR_GENAI_OTEL_METADATA_PREFIX + key] = metadata[key];
  const promptAttributes: Attributes = {};
  if (prompt?.name !== undefined) promptAttributes[ATTR_GENAI_OTEL_PROMPT_NAME] = prompt.name;
  if (prompt?.version !== undefined) promptAttributes[ATTR_GENAI_OTEL_PROMPT_VERSION] = prompt.version;
  return Object.freeze({
    conversationId,
    userId,
    tags,
    metadata,
    prompt,
    spanAttributes: Object.freeze(spanAttributes),
    promptAttributes: Object.freeze(promptAttributes),
  });
}
