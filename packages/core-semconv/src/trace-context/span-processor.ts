import { type Attributes, type Context, type Span, diag } from "@opentelemetry/api";
import { ATTR_GEN_AI_OPERATION_NAME } from "../attributes";
import { activeTraceContext } from "./scope";
import { isPromptOperation } from "./stamp";

/** Instrumentation scope names of genai-otel's own tracers. */
const OWN_SCOPE_PREFIX = "@genai-otel/";

/**
 * A span processor that stamps the trace context of a {@link withTraceAttributes} scope on every
 * span started in it, including spans of other instrumentations (HTTP, databases, an OpenAI SDK
 * instrumentation): `gen_ai.conversation.id`, `user.id`, `genai_otel.tags`,
 * `genai_otel.metadata.<key>`, and on spans whose start attributes say `gen_ai.operation.name` =
 * `chat` / `text_completion`, `genai_otel.prompt.name` / `.version`. Prompt templates and variables
 * (content) are left to the adapters, which know the content-capture setting.
 *
 * genai-otel's own spans (instrumentation scopes `@genai-otel/*`) are left alone: they carry these
 * attributes already, merged with what the framework run says (a LangChain run's own metadata wins
 * over the scope, which stamping the scope again would undo).
 * `setupTracing` (`@genai-otel/exporter-presets`) adds this processor unless told not to. With your
 * own SDK setup, list it first in `spanProcessors`. Costs one context read per span when no scope is
 * open. Structurally an `@opentelemetry/sdk-trace-base` `SpanProcessor` (no import of the SDK).
 *
 * @example
 * ```ts
 * new NodeTracerProvider({ spanProcessors: [new TraceAttributesSpanProcessor(), new BatchSpanProcessor(exporter)] });
 * ```
 */
export class TraceAttributesSpanProcessor {
  /** Stamps `span` with the trace context of `parentContext`. Never throws. */
  onStart(span: Span, parentContext: Context): void {
    try {
      const trace = activeTraceContext(parentContext);
      if (trace === undefined) return;
      const scope = (span as { instrumentationScope?: { name?: unknown } }).instrumentationScope?.name;
      if (typeof scope === "string" && scope.startsWith(OWN_SCOPE_PREFIX)) return;
      span.setAttributes(trace.spanAttributes);
      const operation = (span as { attributes?: Attributes }).attributes?.[ATTR_GEN_AI_OPERATION_NAME];
      if (isPromptOperation(operation)) span.setAttributes(trace.promptAttributes);
    } catch (err) {
      diag.debug("genai-otel: could not stamp trace attributes on a span", err);
    }
  }

  /** Nothing to do at span end. */
  onEnd(_span: unknown): void {}

  /** Nothing is buffered. */
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  /** Nothing to release. */
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
