import type { Attributes } from "@opentelemetry/api";

/** A prompt template an LLM call used, as set by {@link withTraceAttributes} or read from a framework. */
export interface PromptReference {
  /** Name (key) of the prompt, e.g. from a prompt registry. Recorded as `genai_otel.prompt.name` on chat / text_completion spans. */
  name?: string;
  /** Version of the prompt (a number or a label). Recorded as `genai_otel.prompt.version` on chat / text_completion spans. */
  version?: string | number;
  /** The template text. Content: recorded as `genai_otel.prompt.template` only when content capture is on. */
  template?: string;
  /**
   * The values filled into the template. Content: recorded as `genai_otel.prompt.variables` (a JSON
   * object) only when content capture is on.
   */
  variables?: Record<string, unknown>;
}

/**
 * Trace context for every span started in a {@link withTraceAttributes} scope. All optional.
 *
 * Bounds (values past them are dropped or cut, and counted in {@link traceAttributesStats}):
 * at most 64 tags of at most 200 characters; at most 64 metadata keys of at most 128 characters,
 * string values cut at 1,000 characters; metadata values are strings, numbers or booleans, anything
 * else is serialised to JSON (never throws). Metadata keys that look like secrets (containing
 * `api_key`, `apikey`, `authorization`, `token`, `password` or `secret`, case-insensitive) are
 * dropped, never recorded.
 */
export interface TraceAttributes {
  /** The conversation, session or thread: `gen_ai.conversation.id` on every span. */
  conversationId?: string;
  /** The end user of the app: `user.id` on every span. */
  userId?: string;
  /** Tags of the trace: `genai_otel.tags` (string[]) on every span. Nested scopes take the union. */
  tags?: readonly string[];
  /**
   * Filterable key/values: `genai_otel.metadata.<key>` on every span. Nested scopes merge keys
   * (inner wins).
   */
  metadata?: Record<string, unknown>;
  /** The prompt template the LLM calls in scope use (name and version on chat / text_completion spans). */
  prompt?: PromptReference;
  /**
   * Also put `gen_ai.conversation.id` and `user.id` into W3C baggage, so that services called from
   * this scope receive them through the `baggage` header (with a propagator that sends baggage, as
   * the SDK's default one does). Baggage leaves the process: every downstream service, and any
   * third party called over HTTP, sees these values. Only the ids go into baggage, never tags,
   * metadata or prompts.
   * @defaultValue false
   */
  asBaggage?: boolean;
}

/**
 * The trace context in effect in a scope: the merged, bounded values and the attributes built
 * from them once, so stamping a span costs one `setAttributes` of a prepared object.
 * Read it with {@link activeTraceContext}. Immutable.
 */
export interface TraceContext {
  /** The conversation id (`gen_ai.conversation.id`), bounded. */
  readonly conversationId?: string;
  /** The user id (`user.id`), bounded. */
  readonly userId?: string;
  /** The union of the scopes' tags, bounded. */
  readonly tags?: readonly string[];
  /** The merged metadata, values as recorded (secret-looking keys dropped). */
  readonly metadata?: Readonly<Record<string, string | number | boolean>>;
  /** The merged prompt reference (template and variables as given: recorded only with content capture on). */
  readonly prompt?: Readonly<PromptReference>;
  /** `gen_ai.conversation.id`, `user.id`, `genai_otel.tags`, `genai_otel.metadata.*`: for every span. */
  readonly spanAttributes: Readonly<Attributes>;
  /** `genai_otel.prompt.name` / `.version`: for chat and text_completion spans. Empty when no prompt is named. */
  readonly promptAttributes: Readonly<Attributes>;
}
