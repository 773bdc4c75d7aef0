import type { Attributes } from "@opentelemetry/api";
import { ATTR_GENAI_OTEL_PROMPT_TEMPLATE, ATTR_GENAI_OTEL_PROMPT_VARIABLES } from "../attributes";
import type { ContentPolicy } from "../content-policy";
import type { PromptReference, TraceContext } from "./types";

/** True for the operations that take a prompt: `chat`, `text_completion` (and `generate_content`). */
export function isPromptOperation(operation: unknown): boolean {
  return operation === "chat" || operation === "text_completion" || operation === "generate_content";
}

/**
 * Adds a trace context's attributes to the start attributes of a span (mutates `attributes`):
 * conversation, user, tags and metadata for every span; prompt name and version when `operation`
 * is `chat` / `text_completion`. Adapters call it at span start with {@link activeTraceContext}'s
 * value, so samplers see the attributes; nothing happens when `trace` is undefined.
 */
export function addTraceAttributes(attributes: Attributes, trace: TraceContext | undefined, operation?: string): void {
  if (trace === undefined) return;
  Object.assign(attributes, trace.spanAttributes);
  if (isPromptOperation(operation)) Object.assign(attributes, trace.promptAttributes);
}

/**
 * The content attributes of a prompt (`genai_otel.prompt.template`, `genai_otel.prompt.variables`
 * as a JSON object), through the content policy (redaction hook, truncation); empty when capture is
 * off or nothing is known. Record them with `policy.emit(span, ...)`.
 */
export function promptContentAttributes(policy: ContentPolicy, prompt: Readonly<PromptReference> | undefined): Attributes {
  const a: Attributes = {};
  if (!policy.enabled || !prompt) return a;
  const template = policy.serialize(prompt.template, ATTR_GENAI_OTEL_PROMPT_TEMPLATE);
  if (template !== undefined) a[ATTR_GENAI_OTEL_PROMPT_TEMPLATE] = template;
  if (prompt.variables !== undefined) {
    const variables = policy.serialize(prompt.variables, ATTR_GENAI_OTEL_PROMPT_VARIABLES);
    if (variables !== undefined) a[ATTR_GENAI_OTEL_PROMPT_VARIABLES] = variables;
  }
  return a;
}
