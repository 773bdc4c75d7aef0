/**
 * @genai-otel/core-semconv: the OpenTelemetry GenAI semantic conventions in one place, with the
 * content-capture policy and a serialiser that never throws. Both genai-otel adapters get every
 * name and every privacy decision from here.
 *
 * The public surface is listed name by name below; `api/core-semconv.api.md` is its report (update it with
 * `npm run api:update`, see DEVELOPERS.md). Plumbing that only the genai-otel adapters need (span
 * lifecycle, guards) is in `@genai-otel/core-semconv/internal`, which carries no stability promise.
 * @packageDocumentation
 */

// Attribute names (semantic conventions v1.41.0, plus genai-otel's own `genai_otel.*`).
export {
  GENAI_SEMCONV_VERSION,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_GEN_AI_OUTPUT_TYPE,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_TOP_P,
  ATTR_GEN_AI_REQUEST_TOP_K,
  ATTR_GEN_AI_REQUEST_STOP_SEQUENCES,
  ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY,
  ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY,
  ATTR_GEN_AI_REQUEST_SEED,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_REQUEST_CHOICE_COUNT,
  ATTR_GEN_AI_REQUEST_ENCODING_FORMATS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_TOOL_DEFINITIONS,
  ATTR_GEN_AI_AGENT_ID,
  ATTR_GEN_AI_AGENT_NAME,
  ATTR_GEN_AI_AGENT_DESCRIPTION,
  ATTR_GEN_AI_WORKFLOW_NAME,
  ATTR_GEN_AI_TOOL_NAME,
  ATTR_GEN_AI_TOOL_CALL_ID,
  ATTR_GEN_AI_TOOL_DESCRIPTION,
  ATTR_GEN_AI_TOOL_TYPE,
  ATTR_GEN_AI_TOOL_CALL_ARGUMENTS,
  ATTR_GEN_AI_TOOL_CALL_RESULT,
  ATTR_GEN_AI_DATA_SOURCE_ID,
  ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT,
  ATTR_GEN_AI_RETRIEVAL_DOCUMENTS,
  ATTR_GEN_AI_RETRIEVAL_DOCUMENTS_COUNT,
  ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT,
  ATTR_GEN_AI_TOKEN_TYPE,
  ATTR_ERROR_TYPE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_GENAI_OTEL_USAGE_ESTIMATED,
  ATTR_GENAI_OTEL_INCOMPLETE,
  ATTR_GENAI_OTEL_CACHED,
  ATTR_GENAI_OTEL_FRAMEWORK,
  ATTR_GENAI_OTEL_RUN_TYPE,
  ATTR_GENAI_OTEL_OUTCOME,
  ATTR_GENAI_OTEL_OUTCOME_REASON,
  ATTR_GENAI_OTEL_RESUMED,
  EVENT_GENAI_OTEL_INTERRUPT,
  ATTR_GENAI_OTEL_INTERRUPT_ID,
  ATTR_GENAI_OTEL_INTERRUPT_VALUE,
  EVENT_GENAI_OTEL_HANDOFF,
  ATTR_GENAI_OTEL_HANDOFF_GOTO,
  ATTR_GENAI_OTEL_HANDOFF_UPDATE,
  ATTR_USER_ID,
  ATTR_GENAI_OTEL_TAGS,
  ATTR_GENAI_OTEL_METADATA_PREFIX,
  ATTR_GENAI_OTEL_PROMPT_NAME,
  ATTR_GENAI_OTEL_PROMPT_VERSION,
  ATTR_GENAI_OTEL_PROMPT_TEMPLATE,
  ATTR_GENAI_OTEL_PROMPT_VARIABLES,
  ATTR_GENAI_OTEL_INPUT,
  ATTR_GENAI_OTEL_OUTPUT,
  ATTR_LANGGRAPH_NODE,
  ATTR_LANGGRAPH_STEP,
  ATTR_GENAI_OTEL_EVENT_DATA,
  EVENT_GENAI_OTEL_AGENT_ACTION,
  EVENT_GENAI_OTEL_AGENT_FINISH,
} from "./attributes";

// Operations, providers and span naming.
export { GenAIOperation, type GenAIOperationName, GenAIProvider, type GenAIProviderName, spanKindFor, spanName } from "./operations";

// Content capture and the privacy policy.
export { type ContentCaptureMode, ENV_CAPTURE_MESSAGE_CONTENT, resolveContentCapture } from "./content-capture";
export { type ContentMask, type ContentOptions, ContentPolicy, type ContentRedactor, EVENT_GEN_AI_CONTENT } from "./content-policy";

// A framework-neutral description of operations, turned into attributes.
export type {
  AgentDescription,
  ChatMessage,
  InferenceContent,
  InferenceRequest,
  InferenceResult,
  MessagePart,
  OutputMessage,
  RequestParams,
  RetrievalContent,
  RetrievalDescription,
  RetrievedDocument,
  TokenUsage,
  ToolContent,
  ToolDefinition,
  ToolDescription,
} from "./description";
export {
  agentAttributes,
  inferenceRequestAttributes,
  inferenceResultAttributes,
  retrievalAttributes,
  toolAttributes,
  workflowAttributes,
} from "./build-attributes";
export { errorType, recordSpanError } from "./errors";

// Multimodal and reasoning message parts (semantic conventions 1.38+).
export {
  type BlobPart,
  type FilePart,
  type MediaOptions,
  type Modality,
  type ReasoningPart,
  type UriPart,
  base64ByteLength,
  blobPart,
  filePart,
  mediaPartFromUrl,
  modalityOf,
  reasoningPart,
  uriPart,
} from "./message-parts";

// Serialisation that never throws.
export { type SerializeLimits, safeJsonStringify, toJsonSafe } from "./serialize";

// Span trees for the console.
export { type FormatSpanTreeOptions, formatSpanTree, type SpanTreeNode } from "./span-tree";

// GenAI client metrics.
export {
  DURATION_BUCKETS,
  GenAIMetrics,
  METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
  METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK,
  METRIC_GEN_AI_CLIENT_TOKEN_USAGE,
  type OperationMeasurement,
  type OperationMetricAttributes,
  TOKEN_USAGE_BUCKETS,
} from "./metrics";

// Manual API: spans for your own steps.
export { agent, task, tool, workflow } from "./manual/decorators";
export { type AgentOptions, type ManualSpanOptions, type ToolOptions, withAgent, withTask, withTool, withWorkflow } from "./manual/wrappers";

// Convention translation (the exporter wrapper is in `@genai-otel/core-semconv/export`).
export { toOpenInference } from "./translate/openinference";
export { toTraceloop } from "./translate/traceloop";
export { translatorFor } from "./translate/registry";
export {
  type ConventionTranslator,
  type SpanInfo,
  type TranslateOptions,
  type TranslatorName,
  TRANSLATOR_NAMES,
} from "./translate/types";

// Trace context: conversation, user, tags, metadata and prompt on every span of a scope.
export type { PromptReference, TraceAttributes, TraceContext } from "./trace-context/types";
export { type TraceAttributesStats, traceAttributesStats } from "./trace-context/resolve";
export { activeTraceContext, contextWithTraceAttributes, withTraceAttributes } from "./trace-context/scope";
export { TraceAttributesSpanProcessor } from "./trace-context/span-processor";
