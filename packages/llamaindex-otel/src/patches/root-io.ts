import { ATTR_GENAI_OTEL_INPUT, ATTR_GENAI_OTEL_OUTPUT } from "@genai-otel/core-semconv";
import type { Attributes } from "@opentelemetry/api";
import { contentText } from "../messages";
import { type OperationTracer, type SpanStart, isOutermostOperation } from "../operation-tracer";

/** The text of an `EngineResponse` (a query's or chat engine's answer, or a streamed chunk's delta). */
function responseText(value: unknown): string | undefined {
  return contentText((value as { message?: { content?: unknown } } | null | undefined)?.message?.content);
}

/**
 * Adds the question and the answer to the span of a query or chat engine call that is the root of
 * the app's LlamaIndex work (not one made inside an agent or another engine), when content is
 * captured: `genai_otel.input` (the query or message text) and `genai_otel.output` (the answer's
 * text; for a stream, the concatenated deltas once it is read). Same policy, redaction and
 * truncation as messages.
 */
export function withRootIO(start: SpanStart, tracing: OperationTracer, input: unknown): SpanStart {
  const policy = tracing.policy;
  if (!policy.enabled || !isOutermostOperation()) return start;
  const content: Attributes = { ...start.content };
  const text = contentText(input) ?? input;
  const serialized = policy.serialize(text, ATTR_GENAI_OTEL_INPUT);
  if (serialized !== undefined) content[ATTR_GENAI_OTEL_INPUT] = serialized;
  const output = (answer: string | undefined): Attributes => {
    const value = answer === undefined ? undefined : policy.serialize(answer, ATTR_GENAI_OTEL_OUTPUT);
    return value === undefined ? {} : { [ATTR_GENAI_OTEL_OUTPUT]: value };
  };
  let deltas: string | undefined;
  const hooks = start.hooks;
  return {
    ...start,
    content,
    hooks: {
      ...hooks,
      result(span, value) {
        hooks?.result?.(span, value);
        policy.emit(span, output(responseText(value)));
      },
      chunk(span, value) {
        hooks?.chunk?.(span, value);
        const delta = responseText(value);
        if (delta !== undefined) deltas = (deltas ?? "") + delta;
      },
      streamEnd(span) {
        hooks?.streamEnd?.(span);
        policy.emit(span, output(deltas));
      },
    },
  };
}
