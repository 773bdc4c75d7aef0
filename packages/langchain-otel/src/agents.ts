import type { Attributes } from "@opentelemetry/api";
import {
  ATTR_GENAI_OTEL_RUN_TYPE,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  type TokenUsage,
  spanName,
  workflowAttributes,
} from "@genai-otel/core-semconv";
import type { AgentTotals, RunEntry } from "./run-registry";
import { agentSpan } from "./run-kinds";

/**
 * Agents, workflows and their totals. A LangGraph graph run is decided at its end unless the
 * framework said at its start (createAgent's metadata): an agent once a model inside it is offered
 * tools (the ReAct loop of createReactAgent and hand-written agents), else a workflow (the tree's
 * root, `invoke_workflow`) or a plain chain (a subgraph).
 */

/** Turns a graph run into an `invoke_agent` span (renamed, agent attributes added), once. */
export function markAgent(entry: RunEntry | undefined): void {
  if (!entry?.graph || entry.graph.isAgent || !entry.span) return;
  entry.graph.isAgent = true;
  entry.agent ??= {};
  const { name, attributes } = agentSpan(entry.graph.name);
  entry.span.updateName(name);
  entry.span.setAttributes(attributes);
}

/** The nearest LangGraph graph run at or above `entry`. */
export function nearestGraph(entry: RunEntry | undefined): RunEntry | undefined {
  for (let e = entry; e; e = e.parent) if (e.graph) return e;
  return undefined;
}

function add(t: AgentTotals, key: keyof TokenUsage & keyof AgentTotals, v: number | undefined): void {
  if (v !== undefined) (t[key] as number | undefined) = ((t[key] as number | undefined) ?? 0) + v;
}

/** Adds an inference run's provider, model and usage to every agent above it. */
export function noteInference(entry: RunEntry, provider: string | undefined, model: string | undefined, usage: TokenUsage | undefined): void {
  for (let e = entry.parent; e; e = e.parent) {
    const t = e.agent;
    if (!t) continue;
    if (usage && !usage.estimated) {
      add(t, "inputTokens", usage.inputTokens);
      add(t, "outputTokens", usage.outputTokens);
      add(t, "cacheReadInputTokens", usage.cacheReadInputTokens);
      add(t, "cacheCreationInputTokens", usage.cacheCreationInputTokens);
      add(t, "reasoningOutputTokens", usage.reasoningOutputTokens);
    }
    if (t.mixed) continue;
    if (t.provider === undefined && t.model === undefined) {
      t.provider = provider;
      t.model = model;
    } else if (t.provider !== provider || t.model !== model) t.mixed = true;
  }
}

/**
 * Attributes a run gets at its end from what it turned out to be: an agent's totals (usage, and
 * provider and request model when one model served it), or, for a graph not recognised as an agent,
 * `invoke_workflow` (the tree's root, renamed) or `genai_otel.run.type = chain`.
 */
export function settleAttributes(entry: RunEntry): Attributes | undefined {
  const t = entry.agent;
  if (t) {
    const a: Attributes = {};
    if (!t.mixed && t.provider) a[ATTR_GEN_AI_PROVIDER_NAME] = t.provider;
    if (!t.mixed && t.model) a[ATTR_GEN_AI_REQUEST_MODEL] = t.model;
    if (t.inputTokens !== undefined) a[ATTR_GEN_AI_USAGE_INPUT_TOKENS] = t.inputTokens;
    if (t.outputTokens !== undefined) a[ATTR_GEN_AI_USAGE_OUTPUT_TOKENS] = t.outputTokens;
    if (t.cacheReadInputTokens !== undefined) a[ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS] = t.cacheReadInputTokens;
    if (t.cacheCreationInputTokens !== undefined) a[ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS] = t.cacheCreationInputTokens;
    if (t.reasoningOutputTokens !== undefined) a[ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS] = t.reasoningOutputTokens;
    return a;
  }
  if (!entry.graph || entry.graph.isAgent) return undefined;
  if (entry.root !== undefined) return { [ATTR_GENAI_OTEL_RUN_TYPE]: "chain" };
  entry.span?.updateName(spanName("invoke_workflow", entry.graph.name));
  return workflowAttributes(entry.graph.name);
}
