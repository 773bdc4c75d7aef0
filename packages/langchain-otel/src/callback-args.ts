/**
 * Reading what LangChain passes to callbacks (serialized runs, tool input) and reporting a callback's own failure.
 * @module
 */
import { diag } from "@opentelemetry/api";
import type { Serialized } from "@langchain/core/load/serializable";

/**
 * Reports a throw out of a callback body through `diag`. Callbacks catch everything themselves (a
 * plain try/catch, no closure per call) so nothing ever reaches LangChain.
 */
export function reportFailure(method: string, err: unknown): void {
  diag.warn(`genai-otel: ${method} failed; the run is not affected`, err);
}

/** A run's name from its serialized form: `name`, else the last part of its id. */
export function serializedName(s: Serialized | undefined): string | undefined {
  const named = (s as { name?: unknown } | undefined)?.name;
  if (typeof named === "string" && named) return named;
  const id = s?.id;
  return Array.isArray(id) ? id.at(-1) : undefined;
}

/** Tool input as LangChain passes it (objects JSON-stringified) back to a value, when it is JSON. */
export function parseMaybeJson(input: string): unknown {
  const t = input.trimStart();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(input);
    } catch {
      // keep the text
    }
  }
  return input;
}


/** A tool call as `@langchain/core` 1.0 passes it to `handleToolStart` (the whole call JSON-stringified, no call id argument). */
export interface ToolCallInput {
  /** The model's call id. */
  id?: string;
  /** The call's arguments. */
  args: unknown;
}

/**
 * The tool call inside a tool's input, when `@langchain/core` passed the whole call (`{ name, args,
 * id, type: "tool_call" }`, as 1.0 does for `tool.invoke(toolCall)`) rather than its arguments and id;
 * else undefined. Parses only input that can be one.
 */
export function toolCallFromInput(input: string): ToolCallInput | undefined {
  if (!input.includes('"tool_call"')) return undefined;
  const value = parseMaybeJson(input);
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const call = value as { type?: unknown; args?: unknown; id?: unknown; name?: unknown };
  if (call.type !== "tool_call" || typeof call.name !== "string" || !("args" in call)) return undefined;
  return { id: typeof call.id === "string" && call.id ? call.id : undefined, args: call.args };
}
