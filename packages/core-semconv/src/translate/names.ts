/**
 * Attribute names of the conventions genai-otel translates to. Copied (names only) from
 * `@arizeai/openinference-semantic-conventions` 2.12.0 and `@traceloop/ai-semantic-conventions`
 * 0.27.0 plus the indexed form OpenLLMetry's instrumentations write, so nothing imports those
 * packages at run time. Both conventions still move: keep every name in this file.
 * @packageDocumentation
 */

/** OpenInference attribute names (`@arizeai/openinference-semantic-conventions` 2.12.0). */
export const OI = {
  SPAN_KIND: "openinference.span.kind",
  INPUT_VALUE: "input.value",
  INPUT_MIME_TYPE: "input.mime_type",
  OUTPUT_VALUE: "output.value",
  OUTPUT_MIME_TYPE: "output.mime_type",
  LLM_MODEL_NAME: "llm.model_name",
  LLM_REQUEST_MODEL_NAME: "llm.request.model_name",
  LLM_RESPONSE_MODEL_NAME: "llm.response.model_name",
  LLM_PROVIDER: "llm.provider",
  LLM_SYSTEM: "llm.system",
  LLM_INVOCATION_PARAMETERS: "llm.invocation_parameters",
  LLM_FINISH_REASON: "llm.finish_reason",
  LLM_INPUT_MESSAGES: "llm.input_messages",
  LLM_OUTPUT_MESSAGES: "llm.output_messages",
  LLM_TOOLS: "llm.tools",
  TOKEN_PROMPT: "llm.token_count.prompt",
  TOKEN_COMPLETION: "llm.token_count.completion",
  TOKEN_TOTAL: "llm.token_count.total",
  TOKEN_CACHE_READ: "llm.token_count.prompt_details.cache_read",
  TOKEN_CACHE_WRITE: "llm.token_count.prompt_details.cache_write",
  TOKEN_REASONING: "llm.token_count.completion_details.reasoning",
  EMBEDDING_MODEL_NAME: "embedding.model_name",
  EMBEDDING_INVOCATION_PARAMETERS: "embedding.invocation_parameters",
  RETRIEVAL_DOCUMENTS: "retrieval.documents",
  TOOL_NAME: "tool.name",
  TOOL_DESCRIPTION: "tool.description",
  TOOL_ID: "tool.id",
  AGENT_NAME: "agent.name",
  SESSION_ID: "session.id",
  USER_ID: "user.id",
  TAG_TAGS: "tag.tags",
  METADATA: "metadata",
  PROMPT_TEMPLATE: "llm.prompt_template.template",
  PROMPT_TEMPLATE_VARIABLES: "llm.prompt_template.variables",
  PROMPT_TEMPLATE_VERSION: "llm.prompt_template.version",
  GRAPH_NODE_ID: "graph.node.id",
  GRAPH_NODE_NAME: "graph.node.name",
} as const;

/** Values of `openinference.span.kind` genai-otel produces. */
export type OpenInferenceSpanKind = "LLM" | "EMBEDDING" | "TOOL" | "RETRIEVER" | "AGENT" | "CHAIN";

/** OpenInference `input.mime_type` / `output.mime_type` values. */
export const MIME_TEXT = "text/plain" as const;
/** JSON mime type. */
export const MIME_JSON = "application/json" as const;

/** Traceloop / OpenLLMetry attribute names (`@traceloop/ai-semantic-conventions` 0.27.0 and its instrumentations). */
export const TL = {
  SPAN_KIND: "traceloop.span.kind",
  WORKFLOW_NAME: "traceloop.workflow.name",
  ENTITY_NAME: "traceloop.entity.name",
  ENTITY_INPUT: "traceloop.entity.input",
  ENTITY_OUTPUT: "traceloop.entity.output",
  REQUEST_TYPE: "llm.request.type",
  /** Deprecated OTel name OpenLLMetry still writes next to `gen_ai.provider.name`. */
  SYSTEM: "gen_ai.system",
  /** Indexed prompts: `gen_ai.prompt.N.{role,content,tool_call_id}`, `gen_ai.prompt.N.tool_calls.M.{id,name,arguments}`. */
  PROMPT: "gen_ai.prompt",
  /** Indexed completions: `gen_ai.completion.N.{role,content,finish_reason}`, `...tool_calls.M.{id,name,arguments}`. */
  COMPLETION: "gen_ai.completion",
  /** Indexed tool definitions: `llm.request.functions.N.{name,description,parameters}`. */
  FUNCTIONS: "llm.request.functions",
  USAGE_PROMPT_TOKENS: "gen_ai.usage.prompt_tokens",
  USAGE_COMPLETION_TOKENS: "gen_ai.usage.completion_tokens",
  USAGE_TOTAL_TOKENS: "gen_ai.usage.total_tokens",
  LLM_USAGE_TOTAL_TOKENS: "llm.usage.total_tokens",
  /** Pre-1.40 OpenLLMetry names of the cache counts. */
  USAGE_CACHE_READ: "gen_ai.usage.cache_read_input_tokens",
  USAGE_CACHE_CREATION: "gen_ai.usage.cache_creation_input_tokens",
  TOP_K: "llm.top_k",
  FREQUENCY_PENALTY: "llm.frequency_penalty",
  PRESENCE_PENALTY: "llm.presence_penalty",
  STOP_SEQUENCES: "llm.chat.stop_sequences",
  /** `traceloop.association.properties.<key>`: user id, tags, metadata. */
  ASSOCIATION: "traceloop.association.properties",
  PROMPT_KEY: "traceloop.prompt.key",
  PROMPT_VERSION: "traceloop.prompt.version",
  /** `traceloop.prompt.template_variables.<name>`. */
  PROMPT_VARIABLES: "traceloop.prompt.template_variables",
  PROMPT_TEMPLATE: "traceloop.prompt.template",
  USAGE_REASONING: "gen_ai.usage.reasoning_tokens",
} as const;

/** Values of `traceloop.span.kind`. */
export type TraceloopSpanKind = "workflow" | "task" | "agent" | "tool";

/** Langfuse attribute names (Langfuse v4 OTLP ingestion, `OtelIngestionProcessor.ts`). */
export const LF = {
  OBSERVATION_TYPE: "langfuse.observation.type",
  OBSERVATION_INPUT: "langfuse.observation.input",
  OBSERVATION_OUTPUT: "langfuse.observation.output",
  COMPLETION_START_TIME: "langfuse.observation.completion_start_time",
  PROMPT_NAME: "langfuse.observation.prompt.name",
  PROMPT_VERSION: "langfuse.observation.prompt.version",
  TRACE_TAGS: "langfuse.trace.tags",
  /** `langfuse.trace.metadata.<key>`: filterable trace metadata. */
  TRACE_METADATA: "langfuse.trace.metadata",
} as const;

/** Datadog LLM Observability OTLP attribute names (docs: "OpenTelemetry instrumentation" mapping reference). */
export const DD = {
  METADATA: "_dd.ml_obs.metadata",
  PROMPT_TRACKING: "_dd.ml_obs.prompt_tracking",
  TAGS: "tag.tags",
} as const;

/** W&B Weave attribute names (`weave/trace_server/opentelemetry/constants.py`). */
export const WV = {
  SPAN_KIND: "weave.span.kind",
  DISPLAY_NAME: "wandb.display_name",
  THREAD_ID: "wandb.thread_id",
  IS_TURN: "wandb.is_turn",
  /** `wandb.attributes.<key>`: call attributes (Weave nests dotted keys). */
  ATTRIBUTES: "wandb.attributes",
  REASONING_TOKENS: "gen_ai.usage.reasoning_tokens",
} as const;

/** Laminar attribute names (`lmnr-ai/lmnr` app-server `traces/spans.rs`). */
export const LM = {
  SPAN_INPUT: "lmnr.span.input",
  SPAN_OUTPUT: "lmnr.span.output",
  /** `lmnr.association.properties.<name>`: session_id, user_id, tags, metadata.<key>. */
  ASSOCIATION: "lmnr.association.properties",
  SYSTEM: "gen_ai.system",
  REASONING_TOKENS: "gen_ai.usage.reasoning_tokens",
} as const;
