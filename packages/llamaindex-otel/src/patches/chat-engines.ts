import { CondenseQuestionChatEngine } from "llamaindex/engines";
import type { CoreCopy } from "../core-copy";
import { frameworkSpan } from "../framework";
import { instrumentLLM } from "../llm/instrument-llm";
import type { LlamaIndexInstallation } from "../installation";
import { type Describe, tracedMethod } from "../traced";
import { withRootIO } from "./root-io";

/**
 * `chat_engine`: the span of a chat engine's `chat`, after meeting the engine's LLM
 * (`chatModel` of ContextChatEngine, `llm` of the others).
 */
export const describeChatEngine: Describe = (self: { chatModel?: unknown; llm?: unknown }, args, tracing) => {
  instrumentLLM(self?.chatModel);
  instrumentLLM(self?.llm);
  const params = args[0] as { message?: unknown } | undefined;
  return withRootIO(frameworkSpan("chat_engine"), tracing, params?.message);
};

/**
 * Chat engines' `chat`. Each class defines its own (decorated with `@wrapEventCaller`, so bound per
 * instance at construction): each prototype is patched.
 */
export function patchChatEngines({ patcher }: LlamaIndexInstallation, { ContextChatEngine, SimpleChatEngine }: CoreCopy): void {
  for (const cls of [ContextChatEngine, SimpleChatEngine, CondenseQuestionChatEngine]) {
    if (cls) patcher.wrapMethod(cls.prototype, "chat", tracedMethod(describeChatEngine));
  }
}
