import { spanKindFor, spanName, toolAttributes } from "@genai-otel/core-semconv";
import { meetFirstTime } from "../active";
import type { CoreCopy } from "../core-copy";
import { withFramework } from "../framework";
import type { LITool } from "../internal-types";
import type { AnyFunction, Patcher } from "../patcher";
import { type SpanStart, type Telemetry, isActiveOwner } from "../telemetry";
import { callTraced, traceFunction } from "../traced";

/** A tool call LlamaIndex announced with `llm-tool-call` just before calling the tool. */
interface AnnouncedCall {
  name?: unknown;
  id?: unknown;
}

let announced: AnnouncedCall | undefined;

/**
 * Remembers the tool call of an `llm-tool-call` event, dispatched synchronously right before
 * LlamaIndex's `callTool` calls the tool, so the tool's span gets the model's call id. Forgotten at
 * the next microtask: the call it announces starts in the same synchronous stretch.
 */
export function announceToolCall(call: AnnouncedCall | undefined): void {
  announced = call;
  if (!call) return;
  queueMicrotask(() => {
    if (announced === call) announced = undefined;
  });
}

function takeCallId(name: string): string | undefined {
  const call = announced;
  if (!call || call.name !== name) return undefined;
  announced = undefined;
  return typeof call.id === "string" ? call.id : undefined;
}

/** True for a tool object: `call` and `metadata.name`. */
export function isTool(value: unknown): value is object {
  const tool = value as LITool | null;
  return tool != null && typeof tool === "object" && typeof tool.call === "function" && typeof tool.metadata?.name === "string";
}

/** An `execute_tool {name}` INTERNAL span for `tool.call(input)`, arguments and result when content is captured. */
function describeTool(tool: LITool, args: unknown[], telemetry: Telemetry): SpanStart | undefined {
  if (isActiveOwner(tool)) return undefined;
  const name = typeof tool.metadata?.name === "string" ? tool.metadata.name : "";
  const description = tool.metadata?.description;
  const policy = telemetry.policy;
  return {
    name: spanName("execute_tool", name || undefined),
    kind: spanKindFor("execute_tool"),
    attributes: withFramework(toolAttributes({ name, callId: takeCallId(name), description: typeof description === "string" ? description : undefined })),
    content: policy.tool({ arguments: () => args[0] }),
    owner: tool,
    hooks: { result: (span, value) => policy.emit(span, policy.tool({ result: () => value })) },
  };
}

/**
 * `execute_tool` spans for `FunctionTool` (what `tool()` and `FunctionTool.from` make, used by
 * workflow and legacy agents alike). Its `call` is an arrow function the constructor assigns, so it
 * is wrapped on assignment; other tool classes are traced when met ({@link instrumentTool}).
 */
export function patchTools(patcher: Patcher, { FunctionTool }: CoreCopy): void {
  if (!FunctionTool) return;
  patcher.interceptAssignment(FunctionTool.prototype, "call", (value, instance) => {
    if (typeof value !== "function") return value;
    const original = value as AnyFunction;
    return function call(this: unknown, ...args: unknown[]) {
      return callTraced(describeTool, original, instance, this, args);
    };
  });
}

/** Traces a tool met by an agent run or `instrumentObject` (its `call`, own or inherited). Idempotent; never throws. */
export function instrumentTool(tool: unknown): void {
  if (!isTool(tool)) return;
  const installation = meetFirstTime(tool);
  if (installation) traceFunction(installation.patcher, tool, "call", describeTool);
}
