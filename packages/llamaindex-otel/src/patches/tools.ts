import { spanKindFor, spanName, toolAttributes } from "@genai-otel/core-semconv";
import type { CoreCopy } from "../core-copy";
import { withFramework } from "../framework";
import { type AnnouncedToolCall, type LlamaIndexInstallation, activeInstallation, meetFirstTime } from "../installation";
import type { LITool } from "../internal-types";
import type { OperationTracer, SpanStart } from "../operation-tracer";
import type { AnyFunction } from "../patcher";
import { callTraced, traceFunction } from "../traced";

/**
 * Remembers the tool call of an `llm-tool-call` event, dispatched synchronously right before
 * LlamaIndex's `callTool` calls the tool, so the tool's span gets the model's call id. Forgotten at
 * the next microtask: the call it announces starts in the same synchronous stretch.
 */
export function announceToolCall(installation: LlamaIndexInstallation, call: AnnouncedToolCall | undefined): void {
  installation.announcedToolCall = call;
  if (!call) return;
  queueMicrotask(() => {
    if (installation.announcedToolCall === call) installation.announcedToolCall = undefined;
  });
}

/** The model's id of the call of tool `name`, when LlamaIndex just announced it. */
function takeCallId(name: string): string | undefined {
  const installation = activeInstallation();
  const call = installation?.announcedToolCall;
  if (!installation || !call || call.name !== name) return undefined;
  installation.announcedToolCall = undefined;
  return typeof call.id === "string" ? call.id : undefined;
}

/** True for a tool object: `call` and `metadata.name`. */
export function isTool(value: unknown): value is object {
  const tool = value as LITool | null;
  return tool != null && typeof tool === "object" && typeof tool.call === "function" && typeof tool.metadata?.name === "string";
}

/** An `execute_tool {name}` INTERNAL span for `tool.call(input)`, arguments and result when content is captured. */
function describeTool(tool: LITool, args: unknown[], tracing: OperationTracer): SpanStart {
  const name = typeof tool.metadata?.name === "string" ? tool.metadata.name : "";
  const description = tool.metadata?.description;
  const policy = tracing.policy;
  return {
    name: spanName("execute_tool", name || undefined),
    kind: spanKindFor("execute_tool"),
    attributes: withFramework(toolAttributes({ name, callId: takeCallId(name), description: typeof description === "string" ? description : undefined })),
    content: policy.tool({ arguments: () => args[0] }),
    hooks: { result: (span, value) => policy.emit(span, policy.tool({ result: () => value })) },
  };
}

/**
 * `execute_tool` spans for `FunctionTool` (what `tool()` and `FunctionTool.from` make, used by
 * workflow and legacy agents alike). Its `call` is an arrow function the constructor assigns, so it
 * is wrapped on assignment; other tool classes are traced when met ({@link instrumentTool}).
 */
export function patchTools({ patcher }: LlamaIndexInstallation, { FunctionTool }: CoreCopy): void {
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
