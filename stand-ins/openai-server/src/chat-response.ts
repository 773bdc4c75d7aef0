/**
 * Chat completion bodies, JSON and streamed chunks, shaped exactly like OpenAI's.
 * @module
 */
import type { ChatPlan } from "./chat-plan";
import { completionUsage } from "./tokens";

/** Identity of one completion: its `chatcmpl-` id, tool call id, model and creation time. */
export interface CompletionIdentity {
  id: string;
  callId: string;
  model: string;
  created: number;
}

const SYSTEM_FINGERPRINT = "fp_standin";
const ARGUMENT_FRAGMENT = 8;

function toolCall(plan: ChatPlan & { kind: "tool_call" }, callId: string) {
  return { id: callId, type: "function", function: { name: plan.name, arguments: plan.arguments } };
}

/** The `chat.completion` JSON body. */
export function chatCompletionBody(plan: ChatPlan, identity: CompletionIdentity) {
  const message =
    plan.kind === "text"
      ? { role: "assistant", content: plan.text, refusal: null, annotations: [] }
      : { role: "assistant", content: null, refusal: null, annotations: [], tool_calls: [toolCall(plan, identity.callId)] };
  return {
    id: identity.id,
    object: "chat.completion",
    created: identity.created,
    model: identity.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
    usage: completionUsage(plan.promptTokens, plan.completionTokens),
    service_tier: "default",
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

/** Splits a text into word pieces (each with its trailing whitespace) whose concatenation is the text. */
export function textPieces(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [];
}

/** Splits tool-call arguments into the fragments OpenAI streams. */
export function argumentFragments(args: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += ARGUMENT_FRAGMENT) out.push(args.slice(i, i + ARGUMENT_FRAGMENT));
  return out;
}

/**
 * The `chat.completion.chunk` events of a streamed answer: a role chunk, content or tool-call chunks,
 * a finish chunk, and with `include_usage` a final chunk with `choices: []` and the usage (every
 * other chunk then carries `usage: null`, as OpenAI does).
 */
export function chatCompletionChunks(plan: ChatPlan, identity: CompletionIdentity, includeUsage: boolean) {
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    id: identity.id,
    object: "chat.completion.chunk",
    created: identity.created,
    model: identity.model,
    service_tier: "default",
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const events: Record<string, unknown>[] = [];
  if (plan.kind === "text") {
    events.push(chunk({ role: "assistant", content: "", refusal: null }));
    for (const piece of textPieces(plan.text)) events.push(chunk({ content: piece }));
  } else {
    const first = { index: 0, id: identity.callId, type: "function", function: { name: plan.name, arguments: "" } };
    events.push(chunk({ role: "assistant", content: null, tool_calls: [first], refusal: null }));
    for (const fragment of argumentFragments(plan.arguments)) {
      events.push(chunk({ tool_calls: [{ index: 0, function: { arguments: fragment } }] }));
    }
  }
  events.push(chunk({}, plan.finishReason));
  if (includeUsage) {
    const { choices: _choices, ...rest } = chunk({});
    events.push({ ...rest, choices: [], usage: completionUsage(plan.promptTokens, plan.completionTokens) });
  }
  return events;
}
