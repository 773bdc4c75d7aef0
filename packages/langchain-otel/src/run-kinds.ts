import type { Attributes } from "@opentelemetry/api";
import { agentAttributes, spanName } from "@genai-otel/core-semconv";
import type { Serialized } from "@langchain/core/load/serializable";

/** The tag LangChain puts on runs a tracer should not show (LangGraph's `__start__`). */
export const HIDDEN_TAG = "langsmith:hidden";
/** Root runs that are agents by name (legacy executors). */
export const AGENT_RUN_NAMES: ReadonlySet<string> = new Set(["AgentExecutor"]);
/** The `ls_integration` metadata langchain's `createAgent` puts on its graph's runs. */
const CREATE_AGENT_INTEGRATION = "langchain_create_agent";

/** True when run metadata says the run belongs to langchain's `createAgent` (check it on the graph run itself). */
export function isCreateAgent(metadata: Record<string, unknown> | undefined): boolean {
  return metadata?.ls_integration === CREATE_AGENT_INTEGRATION;
}
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

