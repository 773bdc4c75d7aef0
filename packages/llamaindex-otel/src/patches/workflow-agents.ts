import { ATTR_GEN_AI_AGENT_NAME } from "@genai-otel/core-semconv";
import { diag, trace } from "@opentelemetry/api";
import { frameworkSpan } from "../framework";
import type { LIChatMessage } from "../internal-types";
import { instrumentLLM } from "../llm/instrument-llm";
import { type LlamaIndexInstallation, activeInstallation } from "../installation";
import type { Patcher } from "../patcher";
import { finishSpan } from "@genai-otel/core-semconv/internal";
import { type Describe, ownerOf, tracedMethod } from "../traced";
import { describeAgent } from "./agents";
import { instrumentTool } from "./tools";

/** The parts of `@llamaindex/workflow`'s `AgentWorkflow` and `FunctionAgent` read here. */
interface LIWorkflowAgent {
  name?: string;
  description?: string;
  llm?: unknown;
  tools?: unknown[];
}
interface LIAgentWorkflow {
  rootAgentName?: string;
  agents?: Map<string, LIWorkflowAgent>;
}

/** The answer of a run: `stopAgentEvent.data.message` (the run's result, or the last streamed event). */
function answerOf(value: unknown): LIChatMessage | undefined {
  const data = (value as { data?: { message?: LIChatMessage; result?: unknown } } | null)?.data;
  return data && "result" in data ? data.message : undefined;
}

/** Meets the LLMs and tools of a workflow's agents, so their calls are traced however they were built. */
function meetAgents(workflow: LIAgentWorkflow): void {
  for (const agent of workflow.agents?.values() ?? []) {
    instrumentLLM(agent.llm);
    for (const tool of agent.tools ?? []) instrumentTool(tool);
  }
}

/** `invoke_agent {root agent}` for `run(input)` and `runStream(input)` (once when `run` calls `runStream`). */
const describeRun: Describe = (self: LIAgentWorkflow, args, tracing) => {
  meetAgents(self);
  const name = self.rootAgentName;
  const root = name ? self.agents?.get(name) : undefined;
  const start = describeAgent(name, root?.description, args[0], tracing, answerOf);
  const runSpans = activeInstallation()?.runSpans;
  return { ...start, hooks: { ...start.hooks, started: (span) => runSpans?.add(span) } };
};

/**
 * `agent_step {agent}`: one LLM turn of an agent (`FunctionAgent#takeStep`). When it fails, the
 * run's span ends with the same error: workflow-core drops errors of async handlers (an unhandled
 * rejection), so the run never settles and nothing else would end its span (the installation
 * keeps the run spans: `runSpans`).
 */
const describeStep: Describe = (self: LIWorkflowAgent) => {
  instrumentLLM(self.llm);
  const run = trace.getActiveSpan();
  const runSpans = activeInstallation()?.runSpans;
  const span = frameworkSpan("agent_step", self.name);
  return {
    ...span,
    attributes: { ...span.attributes, [ATTR_GEN_AI_AGENT_NAME]: self.name },
    hooks: { failed: (_span, error) => run && runSpans?.has(run) && finishSpan(run, { error }) },
  };
};

/**
 * Workflow agents of `@llamaindex/workflow` (`agent()`, `multiAgent()`): `invoke_agent` per run,
 * `agent_step` per LLM turn; tool calls get their `execute_tool` span from the tools themselves
 * (met here, so tools of any class are traced). All prototype methods, looked up at call time, so
 * workflows built before this patch are reached too. Workflow-core carries the async context
 * through its handlers: steps and tools nest under the run.
 */
export function patchWorkflowAgents(mod: Record<string, unknown>, { patcher }: LlamaIndexInstallation): void {
  const workflow = (mod.AgentWorkflow as { prototype?: object } | undefined)?.prototype;
  const agent = (mod.FunctionAgent as { prototype?: object } | undefined)?.prototype;
  if (workflow) instrumentAgentWorkflowClass(patcher, workflow);
  if (agent) patcher.wrapMethod(agent, "takeStep", tracedMethod(describeStep));
}

/**
 * Patches an `AgentWorkflow` prototype (from the module, or from an instance given to
 * `instrumentObject`). Only the API of `@llamaindex/workflow` 1.1 and later (`run` returning a
 * promise, `runStream` a stream): 1.0's `run` returned a handler that is both awaited and iterated,
 * which a span wrapper could not pass through unchanged, so those runs stay untraced (their LLM
 * and tool calls still get spans).
 */
export function instrumentAgentWorkflowClass(patcher: Patcher, proto: object): void {
  if (typeof (proto as { runStream?: unknown }).runStream !== "function") {
    diag.warn("genai-otel: this @llamaindex/workflow has no AgentWorkflow#runStream (before 1.1); agent runs get no invoke_agent span");
    return;
  }
  patcher.wrapMethod(proto, "run", tracedMethod(describeRun));
  patcher.wrapMethod(proto, "runStream", tracedMethod(describeRun));
}

/** Patches the classes of a workflow's agents (`takeStep`) and meets their LLMs and tools. */
export function instrumentWorkflowAgents(patcher: Patcher, workflow: LIAgentWorkflow): void {
  meetAgents(workflow);
  for (const agent of workflow.agents?.values() ?? []) {
    const owner = agent && typeof agent === "object" ? ownerOf(agent, "takeStep") : undefined;
    if (owner) patcher.wrapMethod(owner, "takeStep", tracedMethod(describeStep));
  }
}
