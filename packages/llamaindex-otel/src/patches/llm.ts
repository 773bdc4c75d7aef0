import {
  type ContentPolicy,
  type InferenceResult,
  inferenceRequestAttributes,
  inferenceResultAttributes,
  spanKindFor,
  spanName,
} from "@genai-otel/core-semconv";
import { FRAMEWORK } from "../framework";
import type { LIChatChunk, LIChatParams, LIChatResponse, LILLM, LIToolCall } from "../internal-types";
import type { ResultHooks } from "../end-when-done";
import { toChatMessage, toOutputMessage, toToolDefinitions } from "../messages";
import type { Patcher } from "../patcher";
import { type ProviderInfo, providerOf, registerProvider } from "../providers/registry";
import type { SpanStart, Telemetry } from "../telemetry";
import { tracedMethod } from "../traced";

/** Reads usage, ids and finish reasons from a chat result or its stream, and the output content. */
function chatHooks(provider: ProviderInfo, policy: ContentPolicy): ResultHooks {
  const startedAt = performance.now();
  const acc: InferenceResult = {};
  let chunks = 0;
  let text = "";
  let toolCalls: LIToolCall[] | undefined;
  return {
    result(span, value) {
      const response = (value ?? {}) as LIChatResponse;
      const result = provider.chatResult?.(response.raw) ?? {};
      span.setAttributes(inferenceResultAttributes(result));
      const message = response.message;
      span.setAttributes(
        policy.inference({ outputMessages: () => [toOutputMessage(message?.content, message?.options?.toolCall, result.finishReasons?.[0])] }),
      );
    },
    chunk(_span, value) {
      const chunk = (value ?? {}) as LIChatChunk;
      if (chunks++ === 0) acc.timeToFirstChunk = (performance.now() - startedAt) / 1000;
      provider.chatChunk?.(chunk.raw, acc);
      if (!policy.onSpan) return;
      text += chunk.delta ?? "";
      if (chunk.options?.toolCall?.length) toolCalls = chunk.options.toolCall;
    },
    streamEnd(span) {
      span.setAttributes(inferenceResultAttributes(acc));
      span.setAttributes(policy.inference({ outputMessages: () => [toOutputMessage(text, toolCalls, acc.finishReasons?.[0])] }));
    },
  };
}

/** A `chat {model}` CLIENT span for `llm.chat(params)`. */
function describeChat(self: LILLM, args: unknown[], telemetry: Telemetry): SpanStart {
  const params = (args[0] ?? {}) as LIChatParams;
  const options = { ...self.additionalChatOptions, ...params.additionalChatOptions };
  const model = typeof options.model === "string" ? options.model : self.model;
  const provider = providerOf(self);
  const server = provider.server?.(self);
  return {
    name: spanName("chat", model),
    kind: spanKindFor("chat"),
    attributes: {
      ...inferenceRequestAttributes({
        operation: "chat",
        provider: provider.name,
        model,
        serverAddress: server?.address,
        serverPort: server?.port,
        params: { temperature: self.temperature, maxTokens: self.maxTokens, topP: self.topP, stream: params.stream === true },
      }),
      ...FRAMEWORK,
      ...telemetry.policy.inference({
        inputMessages: () => params.messages?.map(toChatMessage),
        toolDefinitions: () => toToolDefinitions(params.tools),
      }),
    },
    owner: self,
    hooks: chatHooks(provider, telemetry.policy),
  };
}

/**
 * Declares an LLM class's provider and traces its `chat`. `complete` needs no patch:
 * `BaseLLM#complete` calls `chat`. Providers decorate `chat` with `@wrapEventCaller`, which binds
 * it per instance at construction, so only instances built after this patch are reached.
 */
export function patchChatModel(patcher: Patcher, cls: { prototype: object }, provider: ProviderInfo): void {
  registerProvider(cls, provider);
  patcher.wrapMethod(cls.prototype, "chat", tracedMethod(describeChat));
}
