/**
 * Reads the trace context genai-otel stamps on spans (conversation, user, tags, metadata, prompt,
 * root input/output; see `attributes.ts`) into one shape the per-backend translators render.
 * Never throws; absent values are `undefined`.
 */
import type { Attributes } from "@opentelemetry/api";
import * as A from "../attributes";
import { stringAttribute } from "../attribute-values";

/** A metadata value as stamped: string, number or boolean. */
export type MetadataValue = string | number | boolean;

/** The trace context of one span. */
export interface TraceContext {
  conversationId?: string;
  userId?: string;
  tags?: string[];
  /** `genai_otel.metadata.<key>` by key, in attribute order; `undefined` when there is none. */
  metadata?: Record<string, MetadataValue>;
  promptName?: string;
  promptVersion?: string;
  promptTemplate?: string;
  /** The template variables, a JSON object string. */
  promptVariables?: string;
  /** Root input/output (`genai_otel.input` / `genai_otel.output`): text, or JSON text. */
  input?: string;
  output?: string;
}

const PREFIX = A.ATTR_GENAI_OTEL_METADATA_PREFIX;

function tagsOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return typeof value === "string" && value !== "" ? [value] : undefined;
  const tags = value.filter((t): t is string => typeof t === "string" && t !== "");
  return tags.length ? tags : undefined;
}

/** The metadata attributes of a span, or `undefined` when it has none. */
export function readMetadata(a: Attributes): Record<string, MetadataValue> | undefined {
  let out: Record<string, MetadataValue> | undefined;
  for (const key in a) {
    if (!key.startsWith(PREFIX) || key.length === PREFIX.length) continue;
    const v = a[key];
    if (typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) {
      out ??= {};
      out[key.slice(PREFIX.length)] = v;
    }
  }
  return out;
}

/** Reads the span's trace context. */
export function readTraceContext(a: Attributes): TraceContext {
  const version = a[A.ATTR_GENAI_OTEL_PROMPT_VERSION];
  return {
    conversationId: stringAttribute(a, A.ATTR_GEN_AI_CONVERSATION_ID),
    userId: stringAttribute(a, A.ATTR_USER_ID),
    tags: tagsOf(a[A.ATTR_GENAI_OTEL_TAGS]),
    metadata: readMetadata(a),
    promptName: stringAttribute(a, A.ATTR_GENAI_OTEL_PROMPT_NAME),
    promptVersion: typeof version === "number" && Number.isFinite(version) ? String(version) : stringAttribute(a, A.ATTR_GENAI_OTEL_PROMPT_VERSION),
    promptTemplate: stringAttribute(a, A.ATTR_GENAI_OTEL_PROMPT_TEMPLATE),
    promptVariables: stringAttribute(a, A.ATTR_GENAI_OTEL_PROMPT_VARIABLES),
    input: stringAttribute(a, A.ATTR_GENAI_OTEL_INPUT),
    output: stringAttribute(a, A.ATTR_GENAI_OTEL_OUTPUT),
  };
}

/** Parses a JSON object string; anything else is `undefined`. */
export function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `gen_ai.operation.name` values of inference spans (a backend's "generation" / "llm"). */
export const INFERENCE_OPERATIONS: ReadonlySet<string> = new Set(["chat", "text_completion", "generate_content"]);

/** Epoch milliseconds of the first chunk: span start + `gen_ai.response.time_to_first_chunk` (s). */
export function firstChunkMillis(a: Attributes, startTimeMs: number | undefined): number | undefined {
  const ttfc = a[A.ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK];
  if (startTimeMs === undefined || typeof ttfc !== "number" || !Number.isFinite(ttfc) || ttfc < 0) return undefined;
  return startTimeMs + ttfc * 1000;
}
