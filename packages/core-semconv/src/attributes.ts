/**
 * OpenTelemetry GenAI semantic-convention names used by genai-otel.
 *
 * Copied from the OpenTelemetry semantic conventions for generative AI, v1.41.0 (the gen-ai
 * registry as released in `@opentelemetry/semantic-conventions` 1.45.0 `/incubating`), per the
 * semantic-conventions README's advice that libraries copy incubating names instead of importing
 * `/incubating` at run time. All GenAI conventions are status "Development": keep every name the
 * project emits in this file so a spec change is one edit.
 *
 * @see https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/
 * @packageDocumentation
 */

/** Spec version the names in this package were copied from. */
export const GENAI_SEMCONV_VERSION = "1.41.0" as const;

/** `gen_ai.operation.name`: the operation performed (see {@link GenAIOperation}). Required. */
export const ATTR_GEN_AI_OPERATION_NAME = "gen_ai.operation.name" as const;
/** `gen_ai.provider.name`: the GenAI provider as identified by the instrumentation (see {@link GenAIProvider}). Required. */
export const ATTR_GEN_AI_PROVIDER_NAME = "gen_ai.provider.name" as const;
/** `gen_ai.conversation.id`: a conversation or session id. */
export const ATTR_GEN_AI_CONVERSATION_ID = "gen_ai.conversation.id" as const;
/** `gen_ai.output.type`: requested output type (`text`, `json`, `image`, `speech`). */
export const ATTR_GEN_AI_OUTPUT_TYPE = "gen_ai.output.type" as const;

/** `gen_ai.request.model`: the model name the request asked for. */
export const ATTR_GEN_AI_REQUEST_MODEL = "gen_ai.request.model" as const;
/** `gen_ai.request.temperature`: sampling temperature. */
export const ATTR_GEN_AI_REQUEST_TEMPERATURE = "gen_ai.request.temperature" as const;
/** `gen_ai.request.max_tokens`: maximum tokens to generate, in tokens. */
export const ATTR_GEN_AI_REQUEST_MAX_TOKENS = "gen_ai.request.max_tokens" as const;
/** `gen_ai.request.top_p`: nucleus sampling probability mass. */
export const ATTR_GEN_AI_REQUEST_TOP_P = "gen_ai.request.top_p" as const;
/** `gen_ai.request.top_k`: top-k sampling. */
export const ATTR_GEN_AI_REQUEST_TOP_K = "gen_ai.request.top_k" as const;
/** `gen_ai.request.stop_sequences`: stop sequences (string[]). */
export const ATTR_GEN_AI_REQUEST_STOP_SEQUENCES = "gen_ai.request.stop_sequences" as const;
/** `gen_ai.request.frequency_penalty`. */
export const ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY = "gen_ai.request.frequency_penalty" as const;
/** `gen_ai.request.presence_penalty`. */
export const ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY = "gen_ai.request.presence_penalty" as const;
/** `gen_ai.request.seed`. */
export const ATTR_GEN_AI_REQUEST_SEED = "gen_ai.request.seed" as const;
/** `gen_ai.request.stream`: whether the response was requested as a stream. */
export const ATTR_GEN_AI_REQUEST_STREAM = "gen_ai.request.stream" as const;
/** `gen_ai.request.choice.count`: number of candidates requested (set only when != 1). */
export const ATTR_GEN_AI_REQUEST_CHOICE_COUNT = "gen_ai.request.choice.count" as const;
/** `gen_ai.request.encoding_formats`: embedding encodings requested (string[]). */
export const ATTR_GEN_AI_REQUEST_ENCODING_FORMATS = "gen_ai.request.encoding_formats" as const;

/** `gen_ai.response.id`: the provider's completion id. */
export const ATTR_GEN_AI_RESPONSE_ID = "gen_ai.response.id" as const;
/** `gen_ai.response.model`: the model that actually answered. */
export const ATTR_GEN_AI_RESPONSE_MODEL = "gen_ai.response.model" as const;
/** `gen_ai.response.finish_reasons`: one finish reason per choice (string[]). */
export const ATTR_GEN_AI_RESPONSE_FINISH_REASONS = "gen_ai.response.finish_reasons" as const;
/** `gen_ai.response.time_to_first_chunk`: seconds from request start to the first streamed chunk, in s. */
export const ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK = "gen_ai.response.time_to_first_chunk" as const;

/** `gen_ai.usage.input_tokens`: prompt tokens, including cached tokens, in tokens. */
export const ATTR_GEN_AI_USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens" as const;
/** `gen_ai.usage.output_tokens`: generated tokens, in tokens. */
export const ATTR_GEN_AI_USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens" as const;
/** `gen_ai.usage.cache_read.input_tokens`: input tokens served from the provider cache, in tokens. */
export const ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS = "gen_ai.usage.cache_read.input_tokens" as const;
/** `gen_ai.usage.cache_creation.input_tokens`: input tokens written to the provider cache, in tokens. */
export const ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS = "gen_ai.usage.cache_creation.input_tokens" as const;
/** `gen_ai.usage.reasoning.output_tokens`: output tokens spent on reasoning, in tokens. */
export const ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS = "gen_ai.usage.reasoning.output_tokens" as const;

/** `gen_ai.input.messages`: chat history sent to the model, JSON (opt-in content). */
export const ATTR_GEN_AI_INPUT_MESSAGES = "gen_ai.input.messages" as const;
/** `gen_ai.output.messages`: messages returned by the model, JSON (opt-in content). */
export const ATTR_GEN_AI_OUTPUT_MESSAGES = "gen_ai.output.messages" as const;
/** `gen_ai.system_instructions`: system prompt parts, JSON (opt-in content). */
export const ATTR_GEN_AI_SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions" as const;
/** `gen_ai.tool.definitions`: tools offered to the model, JSON (opt-in content). */
export const ATTR_GEN_AI_TOOL_DEFINITIONS = "gen_ai.tool.definitions" as const;

/** `gen_ai.agent.id`. */
export const ATTR_GEN_AI_AGENT_ID = "gen_ai.agent.id" as const;
/** `gen_ai.agent.name`. */
export const ATTR_GEN_AI_AGENT_NAME = "gen_ai.agent.name" as const;
/** `gen_ai.agent.description`. */
export const ATTR_GEN_AI_AGENT_DESCRIPTION = "gen_ai.agent.description" as const;
/** `gen_ai.workflow.name`. */
export const ATTR_GEN_AI_WORKFLOW_NAME = "gen_ai.workflow.name" as const;

/** `gen_ai.tool.name`: required on execute_tool spans. */
export const ATTR_GEN_AI_TOOL_NAME = "gen_ai.tool.name" as const;
/** `gen_ai.tool.call.id`: the model's tool-call id. */
export const ATTR_GEN_AI_TOOL_CALL_ID = "gen_ai.tool.call.id" as const;
/** `gen_ai.tool.description`. */
export const ATTR_GEN_AI_TOOL_DESCRIPTION = "gen_ai.tool.description" as const;
/** `gen_ai.tool.type`: `function`, `extension` or `datastore`. */
export const ATTR_GEN_AI_TOOL_TYPE = "gen_ai.tool.type" as const;
/** `gen_ai.tool.call.arguments`: tool arguments, JSON (opt-in content). */
export const ATTR_GEN_AI_TOOL_CALL_ARGUMENTS = "gen_ai.tool.call.arguments" as const;
/** `gen_ai.tool.call.result`: tool result, JSON (opt-in content). */
export const ATTR_GEN_AI_TOOL_CALL_RESULT = "gen_ai.tool.call.result" as const;

/** `gen_ai.data_source.id`: the vector store / index a retrieval reads. */
export const ATTR_GEN_AI_DATA_SOURCE_ID = "gen_ai.data_source.id" as const;
/** `gen_ai.retrieval.query.text`: retrieval query (opt-in content). */
export const ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT = "gen_ai.retrieval.query.text" as const;
/** `gen_ai.retrieval.documents`: retrieved documents, JSON (opt-in content). */
export const ATTR_GEN_AI_RETRIEVAL_DOCUMENTS = "gen_ai.retrieval.documents" as const;
/**
 * `gen_ai.retrieval.documents.count`: number of documents a retrieval returned. Not (yet) in the
 * spec registry; genai-otel emits it because every backend wants the count without the content.
 */
export const ATTR_GEN_AI_RETRIEVAL_DOCUMENTS_COUNT = "gen_ai.retrieval.documents.count" as const;
/** `gen_ai.embeddings.dimension.count`: length of each returned embedding vector. */
export const ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT = "gen_ai.embeddings.dimension.count" as const;

/** `gen_ai.token.type`: metric attribute, `input` or `output`. */
export const ATTR_GEN_AI_TOKEN_TYPE = "gen_ai.token.type" as const;

/** `error.type`: class of error that ended the operation (`_OTHER` when unknown). Stable. */
export const ATTR_ERROR_TYPE = "error.type" as const;
/** `server.address`: host of the GenAI endpoint. Stable. */
export const ATTR_SERVER_ADDRESS = "server.address" as const;
/** `server.port`: port of the GenAI endpoint. Stable. */
export const ATTR_SERVER_PORT = "server.port" as const;

/**
 * genai-otel's own attributes (not in the spec), under the `genai_otel.` prefix so they never
 * collide with a future spec name.
 */
/** `genai_otel.usage.estimated`: true when token usage is an estimate, not the provider's count. */
export const ATTR_GENAI_OTEL_USAGE_ESTIMATED = "genai_otel.usage.estimated" as const;
/** `genai_otel.incomplete`: true when a span was ended without its operation finishing (stream broken off, swept). */
export const ATTR_GENAI_OTEL_INCOMPLETE = "genai_otel.incomplete" as const;
/** `genai_otel.cached`: true when the framework served the result from its own cache. */
export const ATTR_GENAI_OTEL_CACHED = "genai_otel.cached" as const;
/** `genai_otel.framework`: the instrumented framework (`langchain`, `llamaindex`). */
export const ATTR_GENAI_OTEL_FRAMEWORK = "genai_otel.framework" as const;
/** `genai_otel.run.type`: the framework's own kind of run (`chain`, `query`, `synthesize`, ...). */
export const ATTR_GENAI_OTEL_RUN_TYPE = "genai_otel.run.type" as const;

/**
 * How an operation ended when it neither finished nor failed: control flow of the framework, not an
 * error (the span status stays UNSET, no `exception` event).
 * - `interrupted`: paused for input (LangGraph `interrupt()`), resumable on the same thread;
 * - `handed_off`: handed to the parent graph (LangGraph `Command({ graph: Command.PARENT })`);
 * - `cancelled`: stopped by the caller (an `AbortSignal`, a stream consumer breaking off).
 */
export const ATTR_GENAI_OTEL_OUTCOME = "genai_otel.outcome" as const;
/** `genai_otel.outcome.reason`: why a `cancelled` operation stopped (the abort reason's type and message). */
export const ATTR_GENAI_OTEL_OUTCOME_REASON = "genai_otel.outcome.reason" as const;
/** `genai_otel.resumed`: true on the root of a run that resumes an interrupted one (linked to it by a span link). */
export const ATTR_GENAI_OTEL_RESUMED = "genai_otel.resumed" as const;
/** Event `genai_otel.interrupt`: the operation was interrupted; carries the interrupt ids and (capture on) values. */
export const EVENT_GENAI_OTEL_INTERRUPT = "genai_otel.interrupt" as const;
/** `genai_otel.interrupt.id`: ids of the pending interrupts (string[]), used to resume them. */
export const ATTR_GENAI_OTEL_INTERRUPT_ID = "genai_otel.interrupt.id" as const;
/** `genai_otel.interrupt.value`: the interrupt payloads, JSON (content: only with capture on). */
export const ATTR_GENAI_OTEL_INTERRUPT_VALUE = "genai_otel.interrupt.value" as const;
/** Event `genai_otel.handoff`: the operation handed control to its parent; carries the target nodes and (capture on) the update. */
export const EVENT_GENAI_OTEL_HANDOFF = "genai_otel.handoff" as const;
/** `genai_otel.handoff.goto`: the nodes control was handed to (string[]). */
export const ATTR_GENAI_OTEL_HANDOFF_GOTO = "genai_otel.handoff.goto" as const;
/** `genai_otel.handoff.update`: the state update handed over, JSON (content: only with capture on). */
export const ATTR_GENAI_OTEL_HANDOFF_UPDATE = "genai_otel.handoff.update" as const;

/**
 * Trace context set by `withTraceAttributes` (or read from the framework's run metadata) and
 * stamped on every span in scope. `gen_ai.conversation.id` above carries the conversation.
 */
/** `user.id`: the end user of the app (OTel `user` registry). */
export const ATTR_USER_ID = "user.id" as const;
/** `genai_otel.tags`: user tags of the trace (string[]). Own name: the GenAI spec has none. */
export const ATTR_GENAI_OTEL_TAGS = "genai_otel.tags" as const;
/**
 * `genai_otel.metadata.<key>`: one attribute per user metadata key, value a string, number or
 * boolean (other values as JSON). Own name: the GenAI spec has none.
 */
export const ATTR_GENAI_OTEL_METADATA_PREFIX = "genai_otel.metadata." as const;
/** `genai_otel.prompt.name`: name (key) of the prompt template an LLM call used. */
export const ATTR_GENAI_OTEL_PROMPT_NAME = "genai_otel.prompt.name" as const;
/** `genai_otel.prompt.version`: version of that prompt template. */
export const ATTR_GENAI_OTEL_PROMPT_VERSION = "genai_otel.prompt.version" as const;
/** `genai_otel.prompt.template`: the template text (opt-in content). */
export const ATTR_GENAI_OTEL_PROMPT_TEMPLATE = "genai_otel.prompt.template" as const;
/** `genai_otel.prompt.variables`: the template's input variables, a JSON object (opt-in content). */
export const ATTR_GENAI_OTEL_PROMPT_VARIABLES = "genai_otel.prompt.variables" as const;
/**
 * `genai_otel.input`: input of a workflow / chain / query root as the user would recognise it
 * (opt-in content): plain text when the input is a string, else JSON. Agents use
 * `gen_ai.input.messages` instead, where the spec has it.
 */
export const ATTR_GENAI_OTEL_INPUT = "genai_otel.input" as const;
/** `genai_otel.output`: output of a workflow / chain / query root (opt-in content), text or JSON as `genai_otel.input`. */
export const ATTR_GENAI_OTEL_OUTPUT = "genai_otel.output" as const;

/*
 * genai-otel's own names for things the GenAI conventions do not cover (LangGraph graph structure, LangChain agent
 * steps and custom events), under their own prefixes, never inside `gen_ai.*`.
 */
/** `langgraph.node`: the LangGraph node a run belongs to (LangChain run metadata `langgraph_node`). */
export const ATTR_LANGGRAPH_NODE = "langgraph.node" as const;
/** `langgraph.step`: the LangGraph super-step number of that run (run metadata `langgraph_step`), an integer. */
export const ATTR_LANGGRAPH_STEP = "langgraph.step" as const;
/**
 * `genai_otel.event.data`: the payload of a user-dispatched custom event (LangChain `dispatchCustomEvent`), as JSON
 * (opt-in content: only with capture on).
 */
export const ATTR_GENAI_OTEL_EVENT_DATA = "genai_otel.event.data" as const;
/**
 * `genai_otel.agent.action`: span event on an agent's span when the agent decides to call a tool (LangChain
 * `handleAgentAction`). Attributes: `gen_ai.tool.name`; with content on span events (`EVENT_ONLY`,
 * `SPAN_AND_EVENT`) and the input not masked, `gen_ai.tool.call.arguments` (JSON). The call itself is an
 * `execute_tool` span, which carries the arguments as the content mode says.
 */
export const EVENT_GENAI_OTEL_AGENT_ACTION = "genai_otel.agent.action" as const;
/**
 * `genai_otel.agent.finish`: span event on an agent's span when it returns its answer (LangChain `handleAgentEnd`).
 * With content on span events (`EVENT_ONLY`, `SPAN_AND_EVENT`) and the output not masked, `genai_otel.output`
 * holds the agent's return values (JSON).
 */
export const EVENT_GENAI_OTEL_AGENT_FINISH = "genai_otel.agent.finish" as const;
