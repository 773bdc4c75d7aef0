import { ATTR_GENAI_OTEL_FRAMEWORK, ATTR_GENAI_OTEL_RUN_TYPE } from "@genai-otel/core-semconv";
import { SpanKind } from "@opentelemetry/api";
import type { SpanStart } from "./telemetry";

/** `genai_otel.framework` on every span this package makes. */
export const FRAMEWORK = { [ATTR_GENAI_OTEL_FRAMEWORK]: "llamaindex" } as const;

/** LlamaIndex steps that have no GenAI operation of their own (`genai_otel.run.type` values). */
export type LlamaIndexRunType = "query" | "synthesize";

/** An INTERNAL span for a LlamaIndex step, named after it (`query`, `synthesize`). */
export function frameworkSpan(runType: LlamaIndexRunType): SpanStart {
  return { name: runType, kind: SpanKind.INTERNAL, attributes: { ...FRAMEWORK, [ATTR_GENAI_OTEL_RUN_TYPE]: runType } };
}
