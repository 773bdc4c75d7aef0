import type { Attributes } from "@opentelemetry/api";
import { putAttribute } from "./attribute-values";
import * as A from "./attributes";
import type {
  AgentDescription,
  InferenceRequest,
  InferenceResult,
  RetrievalDescription,
  ToolDescription,
} from "./description";

/**
 * Attributes known at the start of an inference span (operation, provider, request model, server
 * and request parameters), so samplers see them.
 */
export function inferenceRequestAttributes(req: InferenceRequest): Attributes {
  const a: Attributes = { [A.ATTR_GEN_AI_OPERATION_NAME]: req.operation };
  putAttribute(a, A.ATTR_GEN_AI_PROVIDER_NAME, req.provider);
  putAttribute(a, A.ATTR_GEN_AI_REQUEST_MODEL, req.model);
  putAttribute(a, A.ATTR_SERVER_ADDRESS, req.serverAddress);
  putAttribute(a, A.ATTR_SERVER_PORT, req.serverPort);
  const p = req.params;
  if (p) {
    putAttribute(a, A.ATTR_GEN_AI_REQUEST_TEMPERATURE, p.temperature);
    putAttribute(a, A.ATTR_GEN_AI_REQUEST_MAX_TOKENS, p.maxTokens);
    putAttribute(a, A.ATTR_GEN_AI_REQUEST_TOP_P, p.topP);
    putAttribute(a, A.ATTR_GEN_AI_REQUEST_TOP_K, p.topK);
    putAttribute(a, A.ATTR_GEN_AI_REQUEST_STOP_SEQUENCES, p.stopSequences);
    putAttribute(a, A.ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY, p.frequencyPenalty);
    putAttribute(a, A.ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY, p.presencePenalty);
    putAttribute(a, A.ATTR_GEN_AI_REQUEST_SEED, p.seed);
    putAttribute(a, A.ATTR_GEN_AI_REQUEST_STREAM, p.stream);
    if (p.choiceCount !== undefined && p.choiceCount !== 1) putAttribute(a, A.ATTR_GEN_AI_REQUEST_CHOICE_COUNT, p.choiceCount);
    putAttribute(a, A.ATTR_GEN_AI_REQUEST_ENCODING_FORMATS, p.encodingFormats);
  }
  return a;
}

/** Attributes known when an inference ends: response id/model, finish reasons, usage, time to first chunk. */
export function inferenceResultAttributes(res: InferenceResult): Attributes {
  const a: Attributes = {};
  putAttribute(a, A.ATTR_GEN_AI_RESPONSE_ID, res.responseId);
  putAttribute(a, A.ATTR_GEN_AI_RESPONSE_MODEL, res.responseModel);
  putAttribute(a, A.ATTR_GEN_AI_RESPONSE_FINISH_REASONS, res.finishReasons);
  putAttribute(a, A.ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK, res.timeToFirstChunk);
  putAttribute(a, A.ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT, res.embeddingDimensions);
  const u = res.usage;
  if (u) {
    putAttribute(a, A.ATTR_GEN_AI_USAGE_INPUT_TOKENS, u.inputTokens);
    putAttribute(a, A.ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, u.outputTokens);
    putAttribute(a, A.ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, u.cacheReadInputTokens);
    putAttribute(a, A.ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS, u.cacheCreationInputTokens);
    putAttribute(a, A.ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS, u.reasoningOutputTokens);
    if (u.estimated) a[A.ATTR_GENAI_OTEL_USAGE_ESTIMATED] = true;
  }
  return a;
}

/** Attributes of an `execute_tool` span. */
export function toolAttributes(tool: ToolDescription): Attributes {
  const a: Attributes = { [A.ATTR_GEN_AI_OPERATION_NAME]: "execute_tool", [A.ATTR_GEN_AI_TOOL_NAME]: tool.name };
  putAttribute(a, A.ATTR_GEN_AI_TOOL_CALL_ID, tool.callId);
  putAttribute(a, A.ATTR_GEN_AI_TOOL_DESCRIPTION, tool.description);
  putAttribute(a, A.ATTR_GEN_AI_TOOL_TYPE, tool.type ?? "function");
  return a;
}

/** Attributes of a `retrieval` span. */
export function retrievalAttributes(r: RetrievalDescription): Attributes {
  const a: Attributes = { [A.ATTR_GEN_AI_OPERATION_NAME]: "retrieval" };
  putAttribute(a, A.ATTR_GEN_AI_DATA_SOURCE_ID, r.dataSourceId);
  putAttribute(a, A.ATTR_GEN_AI_RETRIEVAL_DOCUMENTS_COUNT, r.documentCount);
  return a;
}

/** Attributes of an `invoke_agent` span. */
export function agentAttributes(agent: AgentDescription): Attributes {
  const a: Attributes = { [A.ATTR_GEN_AI_OPERATION_NAME]: "invoke_agent" };
  putAttribute(a, A.ATTR_GEN_AI_AGENT_NAME, agent.name);
  putAttribute(a, A.ATTR_GEN_AI_AGENT_ID, agent.id);
  putAttribute(a, A.ATTR_GEN_AI_AGENT_DESCRIPTION, agent.description);
  return a;
}

/** Attributes of an `invoke_workflow` span. */
export function workflowAttributes(name?: string): Attributes {
  const a: Attributes = { [A.ATTR_GEN_AI_OPERATION_NAME]: "invoke_workflow" };
  putAttribute(a, A.ATTR_GEN_AI_WORKFLOW_NAME, name);
  return a;
}
