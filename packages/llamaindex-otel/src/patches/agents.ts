import type { CoreCopy } from "../core-copy";
import { agentAttributes, spanKindFor, spanName } from "@genai-otel/core-semconv";
import { withFramework } from "../framework";
import type { LIChatMessage } from "../internal-types";
import { instrumentLLM } from "../llm/instrument-llm";
import { contentText, toChatMessage, toOutputMessage } from "../messages";
import type { LlamaIndexInstallation } from "../installation";
import type { OperationTracer, SpanStart } from "../operation-tracer";
import { type Describe, tracedMethod } from "../traced";

/** An agent's name: its own `name`, else its class name (`OpenAIAgent`, `ReActAgent`). */
function agentName(agent: { name?: unknown; constructor?: { name?: unknown } }): string | undefined {
  if (typeof agent.name === "string" && agent.name) return agent.name;
  const className = agent.constructor?.name;
  return typeof className === "string" && className && className !== "Object" ? className : undefined;
}

/**
 * An `invoke_agent {name}` INTERNAL span, with the user input and the final answer as
 * `gen_ai.input.messages` / `gen_ai.output.messages` when content is captured.
 * @param output - reads the answer message from the run's result, or from a streamed item (an
 *   item marked `stream: true` carries a text delta: the answer is their concatenation)
 */
export function describeAgent(
  name: string | undefined,
  description: unknown,
  input: unknown,
  tracing: OperationTracer,
  output: (value: unknown) => LIChatMessage | undefined,
): SpanStart {
  const policy = tracing.policy;
  const outputAttributes = (message: LIChatMessage | undefined) =>
    policy.inference({ outputMessages: () => (message ? [toOutputMessage(message.content, message.options?.toolCall, undefined)] : undefined) });
  let answer: LIChatMessage | undefined;
  let deltas = "";
  return {
    name: spanName("invoke_agent", name),
    kind: spanKindFor("invoke_agent"),
    attributes: withFramework(agentAttributes({ name, description: typeof description === "string" ? description : undefined })),
    content: policy.inference({ inputMessages: () => (input === undefined ? undefined : [toChatMessage({ role: "user", content: input as string })]) }),
    hooks: {
      result: (span, value) => policy.emit(span, outputAttributes(output(value))),
      chunk: (_span, value) => {
        if (!policy.enabled) return;
        const message = output(value);
        if ((value as { stream?: unknown } | null)?.stream === true) deltas += contentText(message?.content) ?? "";
        else if (message) answer = message;
      },
      streamEnd: (span) => policy.emit(span, outputAttributes(answer ?? (deltas ? { role: "assistant", content: deltas } : undefined))),
    },
  };
}

/** Legacy agents (`AgentRunner`: OpenAIAgent, ReActAgent, LLMAgent): `chat({ message })`. */
const describeLegacyAgent: Describe = (self: { llm?: unknown; name?: unknown }, args, tracing) => {
  instrumentLLM(self.llm);
  const params = (args[0] ?? {}) as { message?: unknown };
  return describeAgent(agentName(self), undefined, params.message, tracing, (value) => (value as { message?: LIChatMessage })?.message);
};

/**
 * `invoke_agent` spans for the legacy agents of `@llamaindex/core/agent` (deprecated upstream in
 * favour of workflow agents, still exported). `chat` is bound per instance at construction.
 */
export function patchLegacyAgents({ patcher }: LlamaIndexInstallation, { AgentRunner }: CoreCopy): void {
  if (AgentRunner) patcher.wrapMethod(AgentRunner.prototype, "chat", tracedMethod(describeLegacyAgent));
}

export { describeLegacyAgent };
