import { ATTR_GENAI_OTEL_FRAMEWORK, ATTR_GENAI_OTEL_RUN_TYPE } from "@genai-otel/core-semconv";
import { type Attributes, SpanKind } from "@opentelemetry/api";
import type { SpanStart } from "./operation-tracer";

/** `genai_otel.framework` on every span this package makes. */
export const FRAMEWORK = { [ATTR_GENAI_OTEL_FRAMEWORK]: "llamaindex" } as const;

/**
 * Adds {@link FRAMEWORK} to `attributes`, a new object the caller built (as `{ ...attributes,
 * ...FRAMEWORK }` would, without copying every key: spreading attribute objects costs about a
 * microsecond each).
 */
export function withFramework(attributes: Attributes): Attributes {
  attributes[ATTR_GENAI_OTEL_FRAMEWORK] = FRAMEWORK[ATTR_GENAI_OTEL_FRAMEWORK];
  return attributes;
}

/** LlamaIndex steps that have no GenAI operation of their own (`genai_otel.run.type` values). */
export type LlamaIndexRunType = "query" | "synthesize" | "chat_engine" | "agent_step";

/**
 * An INTERNAL span for a LlamaIndex step, named after it (`query`, `synthesize`, `chat_engine`), or
 * `{step} {subject}` when it has one (`agent_step researcher`).
 */
export function frameworkSpan(runType: LlamaIndexRunType, subject?: string): SpanStart {
  // A copy each time: a tracer may keep the start attributes it is given.
  return { name: subject ? `${runType} ${subject}` : runType, kind: SpanKind.INTERNAL, attributes: { ...RUN_ATTRIBUTES[runType] } };
}

/** The attributes of each step's span, built once (a plain copy is cheaper than building them). */
const RUN_ATTRIBUTES: Readonly<Record<LlamaIndexRunType, Attributes>> = {
  query: runAttributes("query"),
  synthesize: runAttributes("synthesize"),
  chat_engine: runAttributes("chat_engine"),
  agent_step: runAttributes("agent_step"),
};

function runAttributes(runType: LlamaIndexRunType): Attributes {
  return { ...FRAMEWORK, [ATTR_GENAI_OTEL_RUN_TYPE]: runType };
}
