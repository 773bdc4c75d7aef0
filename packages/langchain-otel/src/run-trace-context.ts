import type { TraceAttributes } from "@genai-otel/core-semconv";

/**
 * Trace context read from what LangChain.js users already pass in a run's config: `metadata` and
 * `tags` (inherited by every child run).
 *
 * - Conversation: `metadata.conversation_id`, else `session_id`, else `thread_id`. LangGraph copies
 *   `configurable.thread_id` into the metadata of every run of the graph as `thread_id`
 *   (`propagateConfigurableToMetadata` in `@langchain/langgraph` `dist/pregel/utils/config.js`,
 *   1.4.18), so a checkpointed graph's thread is the conversation.
 * - User: `metadata.user_id`.
 * - Tags: the run's tags minus LangChain's and LangGraph's own (see {@link isFrameworkTag}).
 * - Metadata: the remaining keys minus framework keys (see {@link isFrameworkKey}).
 */

/** Metadata keys read as the conversation id, in order of preference. */
const CONVERSATION_KEYS = ["conversation_id", "session_id", "thread_id"] as const;
const USER_KEY = "user_id";

/**
 * Keys LangGraph copies from `configurable` into metadata (its `PROPAGATE_TO_METADATA`, minus
 * `thread_id`, read as the conversation), and LangChain's own `versions`.
 */
const FRAMEWORK_KEYS: ReadonlySet<string> = new Set(["checkpoint_id", "checkpoint_ns", "task_id", "run_id", "assistant_id", "graph_id", "versions"]);

/**
 * True for metadata keys set by LangChain, LangGraph or genai-otel, never recorded as user
 * metadata: `ls_*` (LangSmith model info), `langgraph_*`, `checkpoint_*`, `__pregel_*`, genai-otel's
 * `mask_*`, LangGraph's propagated `configurable` keys, `versions`, and the keys read as ids.
 */
export function isFrameworkKey(key: string): boolean {
  return (
    key.startsWith("ls_") ||
    key.startsWith("langgraph_") ||
    key.startsWith("checkpoint_") ||
    key.startsWith("__pregel_") ||
    key.startsWith("mask_") ||
    FRAMEWORK_KEYS.has(key) ||
    key === USER_KEY ||
    key === "conversation_id" ||
    key === "session_id" ||
    key === "thread_id"
  );
}

/**
 * True for tags LangChain.js and LangGraph add themselves: `seq:step:N` (sequences), `graph:step:N`
 * (LangGraph nodes), `langsmith:*` (`langsmith:hidden`, `langsmith:nostream`), `map:key:*`
 * (RunnableMap), `branch:*` / `condition:*` (RunnableBranch), `vectorstore` (vector store retrievers).
 */
export function isFrameworkTag(tag: string): boolean {
  return (
    tag.startsWith("seq:step:") ||
    tag.startsWith("graph:step:") ||
    tag.startsWith("langsmith:") ||
    tag.startsWith("map:key:") ||
    tag.startsWith("branch:") ||
    tag.startsWith("condition:") ||
    tag === "vectorstore"
  );
}

function id(value: unknown): string | undefined {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * The trace attributes a run's tags and metadata carry, or `undefined` when they carry none (the
 * common case: only framework keys and tags). With `recordMetadata` false, only the conversation and
 * user ids are read.
 */
export function runTraceAttributes(tags: readonly string[] | undefined, metadata: Record<string, unknown> | undefined, recordMetadata: boolean): TraceAttributes | undefined {
  let conversationId: string | undefined;
  let userId: string | undefined;
  let userMetadata: Record<string, unknown> | undefined;
  let userTags: string[] | undefined;
  if (metadata) {
    for (const key of CONVERSATION_KEYS) {
      conversationId = id(metadata[key]);
      if (conversationId !== undefined) break;
    }
    userId = id(metadata[USER_KEY]);
    if (recordMetadata) {
      for (const key in metadata) {
        if (isFrameworkKey(key) || !Object.hasOwn(metadata, key)) continue;
        if (userMetadata === undefined) userMetadata = {};
        userMetadata[key] = metadata[key];
      }
    }
  }
  if (recordMetadata && tags && tags.length > 0) {
    for (const tag of tags) {
      if (typeof tag !== "string" || isFrameworkTag(tag)) continue;
      if (userTags === undefined) userTags = [];
      userTags.push(tag);
    }
  }
  if (conversationId === undefined && userId === undefined && userMetadata === undefined && userTags === undefined) return undefined;
  return { conversationId, userId, metadata: userMetadata, tags: userTags };
}
