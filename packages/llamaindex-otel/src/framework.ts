import { ATTR_GENAI_OTEL_FRAMEWORK, ATTR_GENAI_OTEL_RUN_TYPE } from "@genai-otel/core-semconv";
import { SpanKind } from "@opentelemetry/api";
import type { SpanStart } from "./telemetry";

/** `genai_otel.framework` on every span this package makes. */
export const FRAMEWORK = { [ATTR_GENAI_OTEL_FRAMEWORK]: "llamaindex" } as const;

/** LlamaIndex steps that have no GenAI operation of their own (`genai_otel.run.type` values). */
export type LlamaIndexRunType = "query" | "synthesize" | "chat_engine" | "agent_step";

/**
 * An INTERNAL span for a LlamaIndex step, named after it (`query`, `synthesize`, `chat_engine`), or
 * `{step} {subject}` when it has one (`agent_step researcher`).
 */
export function frameworkSpan(runType: LlamaIndexRunType, subject?: string): SpanStart {
  return {
    name: subject ? `${runType} ${subject}` : runType,
    kind: SpanKind.INTERNAL,
    attributes: { ...FRAMEWORK, [ATTR_GENAI_OTEL_RUN_TYPE]: runType },
  };
}
