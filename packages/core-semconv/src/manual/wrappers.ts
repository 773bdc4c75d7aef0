import { type Attributes, SpanKind } from "@opentelemetry/api";
import { ATTR_GENAI_OTEL_RUN_TYPE } from "../attributes";
import { agentAttributes, toolAttributes, workflowAttributes } from "../build-attributes";
import { ContentPolicy } from "../content-policy";
import type { AgentDescription, ToolDescription } from "../description";
import { spanKindFor, spanName } from "../operations";
import { runOperation } from "./run-operation";

/** Options shared by the manual wrappers. */
export interface ManualSpanOptions {
  /** The operation's name: the workflow, task, agent or tool name. */
  name: string;
  /** Extra attributes for the span. */
  attributes?: Attributes;
}

/** Options of {@link withAgent}. */
export interface AgentOptions extends ManualSpanOptions, Omit<AgentDescription, "name"> {}

/** Options of {@link withTool}. */
export interface ToolOptions extends ManualSpanOptions, Omit<ToolDescription, "name"> {}

type AnyFn = (...args: any[]) => any;
const toOptions = <O extends ManualSpanOptions>(o: string | O): O => (typeof o === "string" ? ({ name: o } as O) : o);

let defaultPolicy: ContentPolicy | undefined;
/** Content policy of the manual API: resolved once from `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`. */
function policy(): ContentPolicy {
  defaultPolicy ??= new ContentPolicy();
  return defaultPolicy;
}

/**
 * Runs `fn(...args)` as a workflow: an INTERNAL `invoke_workflow {name}` span, active while `fn`
 * runs, so framework spans made inside nest under it. Works for sync functions, async functions and
 * async generators (the span ends when the iteration ends); the return type is `fn`'s.
 *
 * @param options - the workflow name, or `{ name, attributes }`
 * @throws whatever `fn` throws, unchanged (recorded on the span first)
 * @example await withWorkflow("ingest", async () => { ... })
 */
export function withWorkflow<F extends AnyFn>(options: string | ManualSpanOptions, fn: F, ...args: Parameters<F>): ReturnType<F> {
  const o = toOptions(options);
  return runOperation(
    { name: spanName("invoke_workflow", o.name), kind: spanKindFor("invoke_workflow"), attributes: { ...workflowAttributes(o.name), ...o.attributes } },
    () => fn(...args),
  );
}

/**
 * Runs `fn(...args)` as a task, a named step of a workflow: an INTERNAL span named after the task,
 * with `genai_otel.run.type` = `task` (the GenAI conventions define no task operation).
 * Same function shapes and error behaviour as {@link withWorkflow}.
 */
export function withTask<F extends AnyFn>(options: string | ManualSpanOptions, fn: F, ...args: Parameters<F>): ReturnType<F> {
  const o = toOptions(options);
  return runOperation({ name: o.name, kind: SpanKind.INTERNAL, attributes: { [ATTR_GENAI_OTEL_RUN_TYPE]: "task", ...o.attributes } }, () => fn(...args));
}

/**
 * Runs `fn(...args)` as an agent invocation: an INTERNAL `invoke_agent {name}` span with
 * `gen_ai.agent.*`. Same function shapes and error behaviour as {@link withWorkflow}.
 */
export function withAgent<F extends AnyFn>(options: string | AgentOptions, fn: F, ...args: Parameters<F>): ReturnType<F> {
  const o = toOptions(options);
  return runOperation(
    { name: spanName("invoke_agent", o.name), kind: spanKindFor("invoke_agent"), attributes: { ...agentAttributes(o), ...o.attributes } },
    () => fn(...args),
  );
}

/**
 * Runs `fn(...args)` as a tool call: an INTERNAL `execute_tool {name}` span with `gen_ai.tool.*`;
 * with content capture on (`OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`), the arguments and
 * the result as `gen_ai.tool.call.arguments` / `.result`. Same function shapes and error behaviour
 * as {@link withWorkflow}.
 */
export function withTool<F extends AnyFn>(options: string | ToolOptions, fn: F, ...args: Parameters<F>): ReturnType<F> {
  const o = toOptions(options);
  const p = policy();
  return runOperation(
    {
      name: spanName("execute_tool", o.name),
      kind: spanKindFor("execute_tool"),
      attributes: { ...toolAttributes(o), ...o.attributes },
      onStart: p.enabled ? (span) => p.emit(span, p.tool({ arguments: () => (args.length === 1 ? args[0] : args) })) : undefined,
      hooks: p.enabled ? { result: (span, value) => p.emit(span, p.tool({ result: () => value })) } : undefined,
    },
    () => fn(...args),
  );
}
