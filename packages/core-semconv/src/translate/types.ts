import type { Attributes } from "@opentelemetry/api";

/** What a translator may know about a span besides its attributes. */
export interface SpanInfo {
  /** The span name (`chat gpt-4o-mini`, `execute_tool search`, `query`). */
  name?: string;
  /**
   * True when the span has no local parent (no parent, or a remote one). A per-span translation
   * cannot see the trace's root, so only a root names the workflow after itself.
   */
  root?: boolean;
  /** The span's start, in epoch milliseconds (Langfuse's completion start time is computed from it). */
  startTimeMs?: number;
  /**
   * The workflow the span belongs to: the declared `gen_ai.workflow.name`, or the name of the trace's
   * root as the exporter saw it start (see `TranslatingSpanExporter`). Traceloop stamps it on every span.
   */
  workflowName?: string;
}

/** Options of the convention translators. */
export interface TranslateOptions {
  /**
   * Keep the source `gen_ai.*` attributes next to the translated ones. When `false`, the `gen_ai.*`
   * attributes the target convention does not itself read are dropped (other attributes, such as
   * `server.*`, `error.type` and `genai_otel.*`, always stay).
   * @defaultValue true
   */
  keepSource?: boolean;
  /**
   * Most items expanded into indexed attributes per list: messages, tool calls of one message,
   * tool definitions, retrieved documents. The rest is left out of the indexed form (the JSON
   * source attribute, when kept, still has it).
   * @defaultValue 100
   */
  maxItems?: number;
}

/**
 * A convention translator: returns the span's attributes with the target convention's attributes
 * added (a new object), or the very same object when the span is not a GenAI span. Never throws.
 */
export type ConventionTranslator = (attributes: Attributes, span?: SpanInfo) => Attributes;

/**
 * Names of the renderings a destination can be translated to. Each adds only what its backend
 * reads and does not already take from the OpenTelemetry GenAI attributes:
 * - `openinference`: Arize Phoenix and Arize AX.
 * - `traceloop`: the Traceloop platform.
 * - `langfuse`: Langfuse (v4 OTLP ingestion).
 * - `datadog`: Datadog LLM Observability (OTLP intake).
 * - `weave`: W&B Weave.
 * - `laminar`: Laminar.
 * - `none`: OpenTelemetry GenAI only (New Relic, Grafana, Honeycomb, Jaeger).
 */
export type TranslatorName = "openinference" | "traceloop" | "langfuse" | "datadog" | "weave" | "laminar" | "none";

/** Every {@link TranslatorName}, for validating configuration. */
export const TRANSLATOR_NAMES: readonly TranslatorName[] = ["openinference", "traceloop", "langfuse", "datadog", "weave", "laminar", "none"];

/** Default of {@link TranslateOptions.maxItems}. */
export const DEFAULT_MAX_ITEMS = 100;
