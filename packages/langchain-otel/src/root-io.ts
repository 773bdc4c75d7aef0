import type { Attributes } from "@opentelemetry/api";
import { ATTR_GENAI_OTEL_INPUT, ATTR_GENAI_OTEL_OUTPUT, type ChatMessage, type ContentMask, type ContentPolicy, type OutputMessage } from "@genai-otel/core-semconv";
import { roleOf, toChatMessage, toOutputMessage } from "./messages";

type Side = "input" | "output";
const ROLE: Record<Side, string> = { input: "user", output: "assistant" };

function isMessageLike(m: unknown): m is Record<string, unknown> {
  return m !== null && typeof m === "object" && "content" in m;
}

/** The last message of `role` in a LangGraph state's `messages`, when the value is such a state. */
function lastMessage(value: unknown, side: Side): Record<string, unknown> | undefined {
  const messages = (value as { messages?: unknown } | null | undefined)?.messages;
  if (!Array.isArray(messages)) return undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (isMessageLike(m) && roleOf(m) === ROLE[side]) return m;
  }
  return undefined;
}

/** `{ input: x }` / `{ output: x }` (how LangChain wraps a runnable's plain value) unwrapped to `x`. */
function unwrap(value: unknown, side: Side): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === side ? (value as Record<string, unknown>)[side] : value;
}

/** Text of a message's text parts, else the whole message in the GenAI JSON shape. */
function readable(message: Record<string, unknown>): unknown {
  const chat = toChatMessage(message);
  const text = chat.parts.filter((p) => p.type === "text").map((p) => (p as { content: string }).content);
  return text.length > 0 && text.length === chat.parts.length ? text.join("\n") : chat;
}

/**
 * What a user would recognise as the input or output of a chain or graph root: for a state with
 * `messages`, the last human (input) or AI (output) message's text; a `{ input }` / `{ output }`
 * wrapper unwrapped; otherwise the value itself (recorded as JSON).
 */
export function rootValue(value: unknown, side: Side): unknown {
  const message = lastMessage(value, side);
  return message ? readable(message) : unwrap(value, side);
}

function asMessages(value: unknown, side: Side): ChatMessage[] | OutputMessage[] | undefined {
  if (value === undefined) return undefined;
  const message = lastMessage(value, side);
  if (message) {
    if (side === "input") return [toChatMessage(message)];
    const finish = (message.response_metadata as Record<string, unknown> | undefined)?.finish_reason;
    return [toOutputMessage(message, undefined, typeof finish === "string" ? finish : undefined)];
  }
  const plain = unwrap(value, side);
  const content = typeof plain === "string" ? plain : JSON.stringify(plain) ?? "";
  return [{ role: ROLE[side], parts: [{ type: "text", content }] }];
}

/**
 * Content attributes of a root run (capture on only; masks apply): `gen_ai.input.messages` /
 * `gen_ai.output.messages` for an `invoke_agent` root, `genai_otel.input` / `genai_otel.output`
 * (text, or JSON) for a workflow or chain root. Pass `outputs` as `undefined` when the run failed.
 */
export function rootContent(policy: ContentPolicy, mask: ContentMask | undefined, isAgent: boolean, inputs: unknown, outputs: unknown): Attributes {
  if (isAgent) {
    return policy.inference(
      {
        inputMessages: () => asMessages(inputs, "input") as ChatMessage[] | undefined,
        outputMessages: () => asMessages(outputs, "output") as OutputMessage[] | undefined,
      },
      mask,
    );
  }
  const a: Attributes = {};
  if (!mask?.input) {
    const input = policy.serialize(rootValue(inputs, "input"), ATTR_GENAI_OTEL_INPUT);
    if (input !== undefined) a[ATTR_GENAI_OTEL_INPUT] = input;
  }
  if (!mask?.output && outputs !== undefined) {
    const output = policy.serialize(rootValue(outputs, "output"), ATTR_GENAI_OTEL_OUTPUT);
    if (output !== undefined) a[ATTR_GENAI_OTEL_OUTPUT] = output;
  }
  return a;
}
