import {
  type ContentPolicy,
  type InferenceResult,
  inferenceRequestAttributes,
  inferenceResultAttributes,
  spanKindFor,
  spanName,
} from "@genai-otel/core-semconv";
import type { ResultHooks } from "@genai-otel/core-semconv/internal";
import { withFramework } from "../framework";
import type { LIChatChunk, LIChatParams, LIChatResponse, LILLM, LIToolCall } from "../internal-types";
import { toChatMessage, toOutputMessage, toToolDefinitions } from "../messages";
import { providerOf } from "../providers/registry";
import { mergeRaw } from "../providers/raw-response";
import type { OperationTracer, SpanStart } from "../operation-tracer";

/** The model operations an LLM offers: `chat(params)` and `complete({ prompt })`. */
export type ModelOperation = "chat" | "text_completion";

/**
 * Reads response id/model, finish reasons and usage from a model result or its stream, time to
 * first chunk, and the output content when captured. Handles chat (`{ message, raw }`, chunks
 * `{ delta, raw, options }`) and completion (`{ text, raw }`, chunks `{ text, raw }`) shapes.
 */
export function modelHooks(policy: ContentPolicy): ResultHooks {
  const startedAt = performance.now();
  const acc: InferenceResult = {};
  let chunks = 0;
  let text = "";
  let toolCalls: LIToolCall[] | undefined;
  return {
    result(span, value) {
      const response = (value ?? {}) as LIChatResponse & { text?: unknown };
      const result = mergeRaw(response.raw);
      span.setAttributes(inferenceResultAttributes(result));
      const message = response.message ?? { content: typeof response.text === "string" ? response.text : undefined };
      const reason = result.finishReasons?.[0];
      policy.emit(
        span,
        policy.inference({ outputMessages: () => [toOutputMessage(message.content, message.options?.toolCall, reason, policy.maxBlobBytes, message.options)] }),
      );
    },
    chunk(_span, value) {
      const chunk = (value ?? {}) as LIChatChunk & { text?: unknown };
      if (chunks++ === 0) acc.timeToFirstChunk = (performance.now() - startedAt) / 1000;
      mergeRaw(chunk.raw, acc);
      if (!policy.enabled) return;
      text += chunk.delta ?? (typeof chunk.text === "string" ? chunk.text : "");
      if (chunk.options?.toolCall?.length) toolCalls = chunk.options.toolCall;
    },
    streamEnd(span) {
      span.setAttributes(inferenceResultAttributes(acc));
      policy.emit(span, policy.inference({ outputMessages: () => [toOutputMessage(text, toolCalls, acc.finishReasons?.[0], policy.maxBlobBytes)] }));
    },
  };
}

/** `llm.metadata` (model, temperature, topP, maxTokens) where the class has it, else the instance's own fields. */
function metadataOf(llm: LILLM): LILLM {
  // Only the fields read below: copying the whole instance would cost on every call.
  const { model, temperature, topP, maxTokens, additionalChatOptions } = llm;
  let metadata: Partial<LILLM> | undefined;
  try {
    const m = llm.metadata;
    if (m && typeof m === "object") metadata = m as Partial<LILLM>;
  } catch {
    // a metadata getter that throws: read the instance's own fields
  }
  return {
    model: metadata?.model ?? model,
    temperature: metadata?.temperature ?? temperature,
    topP: metadata?.topP ?? topP,
    maxTokens: metadata?.maxTokens ?? maxTokens,
    additionalChatOptions,
  } as LILLM;
}

/**
 * The `model` of chat options, when they have one of their own (what `{ ...self, ...request }.model`
 * reads, without copying every option on each call).
 */
function ownModel(options: unknown): unknown {
  if (options == null || (typeof options !== "object" && typeof options !== "function")) return NO_MODEL;
  return Object.prototype.propertyIsEnumerable.call(options, "model") ? (options as { model?: unknown }).model : NO_MODEL;
}

/** {@link ownModel}: the options have no `model` of their own. */
const NO_MODEL = Symbol("no model");

/** Input messages of a chat call or a completion prompt. */
function inputMessages(operation: ModelOperation, params: LIChatParams & { prompt?: unknown }, maxBlobBytes: number) {
  if (operation === "chat") return params.messages?.map((message) => toChatMessage(message, maxBlobBytes));
  return params.prompt === undefined ? undefined : [toChatMessage({ role: "user", content: params.prompt as string }, maxBlobBytes)];
}

/**
 * A `chat {model}` (or `text_completion {model}`) CLIENT span for a call on `llm` with `params`.
 * @param llm - the LLM instance (model, provider and endpoint are read from it); may be unknown
 * @param streamKnown - false when `params` may not say whether the call streams (an `llm-start`
 *   event): then `gen_ai.request.stream` is left out
 */
export function describeModelCall(operation: ModelOperation, llm: unknown, params: unknown, tracing: OperationTracer, streamKnown = true): SpanStart {
  const self = metadataOf((llm ?? {}) as LILLM);
  const request = (params ?? {}) as LIChatParams & { prompt?: unknown };
  const requested = ownModel(request.additionalChatOptions);
  const optionModel = requested === NO_MODEL ? ownModel(self.additionalChatOptions) : requested;
  const model = typeof optionModel === "string" ? optionModel : self.model;
  const provider = providerOf(llm);
  return {
    name: spanName(operation, model),
    kind: spanKindFor(operation),
    attributes: withFramework(
      inferenceRequestAttributes({
        operation,
        provider: provider.name,
        model,
        serverAddress: provider.server?.address,
        serverPort: provider.server?.port,
        params: { temperature: self.temperature, maxTokens: self.maxTokens, topP: self.topP, stream: streamKnown ? request.stream === true : undefined },
      }),
    ),
    content: tracing.policy.inference({
      inputMessages: () => inputMessages(operation, request, tracing.policy.maxBlobBytes),
      toolDefinitions: () => toToolDefinitions(request.tools),
    }),
    modelCall: operation,
    hooks: modelHooks(tracing.policy),
  };
}
