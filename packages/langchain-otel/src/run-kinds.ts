import type { Attributes } from "@opentelemetry/api";
import { agentAttributes, spanName } from "@genai-otel/core-semconv";
import type { Serialized } from "@langchain/core/load/serializable";

/** The tag LangChain puts on runs a tracer should not show (LangGraph's `__start__`). */
export const HIDDEN_TAG = "langsmith:hidden";
/** Root runs that are agents by name (legacy executors). */
export const AGENT_RUN_NAMES: ReadonlySet<string> = new Set(["AgentExecutor"]);
/**
 * LangGraph node names that make their graph an agent: createReactAgent's `agent` / `tools`,
 * createAgent's `model` / `model_request` / `tools`.
 */
export const AGENT_NODES: ReadonlySet<string> = new Set(["agent", "tools", "model", "model_request"]);
/** The default run name of a LangGraph graph: an agent built without a name is `invoke_agent` bare. */
const DEFAULT_GRAPH_NAME = "LangGraph";

/** The span name and attributes of an agent run named `runName`. */
export function agentSpan(runName: string): { name: string; attributes: Attributes } {
  const agentName = runName === DEFAULT_GRAPH_NAME ? undefined : runName;
  return { name: spanName("invoke_agent", agentName), attributes: agentAttributes({ name: agentName }) };
}

/** True for a compiled LangGraph graph's run. */
export function isGraph(s: Serialized | undefined): boolean {
  const id = s?.id;
  return Array.isArray(id) && (id.includes("pregel") || id.includes("CompiledStateGraph"));
}

