import { AgentRunner } from "@llamaindex/core/agent";
import { ContextChatEngine, SimpleChatEngine } from "@llamaindex/core/chat-engine";
import { BaseEmbedding } from "@llamaindex/core/embeddings";
import { CallbackManager, Settings } from "@llamaindex/core/global";
import { BaseQueryEngine } from "@llamaindex/core/query-engine";
import { BaseSynthesizer } from "@llamaindex/core/response-synthesizers";
import { BaseRetriever } from "@llamaindex/core/retriever";
import { FunctionTool } from "@llamaindex/core/tools";

/** A class, as far as patching goes: something with a prototype. */
export interface ClassLike {
  prototype: object;
}

/**
 * The classes and objects of one copy of `@llamaindex/core` that the patches reach. Every field is
 * optional: a copy seen through `llamaindex`'s exports may lack one (then that patch is skipped).
 */
export interface CoreCopy {
  BaseQueryEngine?: ClassLike;
  BaseSynthesizer?: ClassLike;
  BaseRetriever?: ClassLike;
  BaseEmbedding?: ClassLike;
  ContextChatEngine?: ClassLike;
  SimpleChatEngine?: ClassLike;
  AgentRunner?: ClassLike;
  FunctionTool?: ClassLike;
  CallbackManager?: ClassLike;
  /** `Settings` (core's, or `llamaindex`'s wrapper, whose `llm` / `embedModel` accessors live on its class). */
  Settings?: object;
}

/** The copy this package's own imports resolve to (the one beside it in `node_modules`). */
export const OWN_CORE: CoreCopy = {
  BaseQueryEngine,
  BaseSynthesizer,
  BaseRetriever,
  BaseEmbedding,
  ContextChatEngine,
  SimpleChatEngine,
  AgentRunner,
  FunctionTool,
  CallbackManager,
  Settings,
};

function classOf(mod: Record<string, unknown>, name: string): ClassLike | undefined {
  const value = mod[name];
  return typeof value === "function" && typeof (value as ClassLike).prototype === "object" ? (value as ClassLike) : undefined;
}

/** The copy of `@llamaindex/core` that `llamaindex` itself uses, read from its re-exports. */
export function coreOfLlamaIndex(mod: Record<string, unknown>): CoreCopy {
  const settings = mod.Settings;
  return {
    BaseQueryEngine: classOf(mod, "BaseQueryEngine"),
    BaseSynthesizer: classOf(mod, "BaseSynthesizer"),
    BaseRetriever: classOf(mod, "BaseRetriever"),
    BaseEmbedding: classOf(mod, "BaseEmbedding"),
    ContextChatEngine: classOf(mod, "ContextChatEngine"),
    SimpleChatEngine: classOf(mod, "SimpleChatEngine"),
    AgentRunner: classOf(mod, "AgentRunner"),
    FunctionTool: classOf(mod, "FunctionTool"),
    CallbackManager: classOf(mod, "CallbackManager"),
    Settings: settings != null && typeof settings === "object" ? settings : undefined,
  };
}

/**
 * True when `llamaindex` runs on another copy of `@llamaindex/core` than {@link OWN_CORE}: npm
 * installs two when `@llamaindex/openai` / `@llamaindex/workflow` pin a newer core than
 * `llamaindex` does (llamaindex 0.12.1 pins 0.6.22; openai 0.4.23 and workflow 1.1.25 pin 0.6.23).
 */
export function isOtherCopy(copy: CoreCopy): boolean {
  return copy.BaseQueryEngine !== undefined && copy.BaseQueryEngine !== OWN_CORE.BaseQueryEngine;
}
