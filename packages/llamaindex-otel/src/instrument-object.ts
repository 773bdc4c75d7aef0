import { diag } from "@opentelemetry/api";
import { activeInstallation, isObjectLike } from "./installation";
import { instrumentLLM, isLLM } from "./llm/instrument-llm";
import { describeLegacyAgent } from "./patches/agents";
import { describeChatEngine } from "./patches/chat-engines";
import { instrumentEmbeddingModel, isEmbeddingModel } from "./patches/embeddings";
import { describeQuery } from "./patches/framework-steps";
import { instrumentTool, isTool } from "./patches/tools";
import { instrumentAgentWorkflowClass, instrumentWorkflowAgents } from "./patches/workflow-agents";
import { traceFunction } from "./traced";

function has(target: object, ...names: string[]): boolean {
  return names.every((name) => typeof (target as Record<string, unknown>)[name] === "function");
}

/**
 * Instruments one LlamaIndex object built before {@link instrumentLlamaIndex} was called, whose
 * per-instance methods (LlamaIndex binds `query`, `chat`, `getTextEmbeddings` and tools' `call` to
 * each object when it is constructed) no patch reaches. Recognised by shape:
 * - an LLM (`chat`, `complete`, `metadata`): `chat {model}` spans;
 * - an embedding model (a callable object: `typeof` is "function"): `embeddings {model}` spans for
 *   single-text, batch and query embeddings;
 * - a workflow agent (`agent()` / `multiAgent()`): its class, its agents' steps, LLMs and tools
 *   (useful in ESM before `ready` settled);
 * - a legacy agent (`AgentRunner`): `invoke_agent`; a chat engine: `chat_engine`;
 * - a query engine: `query`;
 * - a tool (`call`, `metadata.name`): `execute_tool`.
 * LLMs assigned to `Settings.llm`, embedding models assigned to `Settings.embedModel`, and the LLMs
 * of synthesizers, chat engines and agents are met automatically; this is for the rest. Idempotent.
 *
 * @param target - the object to instrument
 * @returns true when `target` is of a kind listed above and is now traced (also when it already
 *   was); false when it is not, or LlamaIndex is not instrumented (then a `diag` warning). Never throws.
 */
export function instrumentObject(target: object): boolean {
  const installation = activeInstallation();
  if (!installation) {
    diag.warn("genai-otel: instrumentObject() called while LlamaIndex is not instrumented; call instrumentLlamaIndex() first");
    return false;
  }
  if (!isObjectLike(target)) return false;
  try {
    const { patcher } = installation;
    if (isLLM(target)) instrumentLLM(target);
    else if (isEmbeddingModel(target)) instrumentEmbeddingModel(target);
    else if (has(target, "run", "runStream", "getAgents")) {
      instrumentAgentWorkflowClass(patcher, Object.getPrototypeOf(target));
      instrumentWorkflowAgents(patcher, target);
    } else if (has(target, "chat", "createTask")) traceFunction(patcher, target, "chat", describeLegacyAgent);
    else if (has(target, "chat")) traceFunction(patcher, target, "chat", describeChatEngine);
    else if (has(target, "query")) traceFunction(patcher, target, "query", describeQuery);
    else if (isTool(target)) instrumentTool(target);
    else return false;
    return true;
  } catch (err) {
    diag.warn("genai-otel: could not instrument an object", err);
    return false;
  }
}
