// The LangChain releases the suite runs against (the newest in the workspace, or the oldest under
// compat/langchain-oldest-*), for the few expectations that depend on what a release does.
import core from "@langchain/core/package.json";
import langgraph from "@langchain/langgraph/package.json";
import openai from "@langchain/openai/package.json";

/** True when `version` (x.y.z) is at least `min`. */
export function atLeast(version: string, min: string): boolean {
  const a = version.split(/[.-]/).map(Number);
  const b = min.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

export const versions = { core: core.version, langgraph: langgraph.version, openai: openai.version };

/**
 * LangGraph aborts the graph when a stream consumer breaks off (1.7.3). Before, the graph runs on to
 * its end in the background and LangGraph sends its root run no end.
 */
export const LANGGRAPH_ABORTS_ON_BREAK = atLeast(langgraph.version, "1.7.3");

/**
 * `@langchain/openai` 1.5 sends its own stream events, whose `message-finish` carries the
 * provider's finish reason. Before, `@langchain/core` converts chunks into events and says
 * `reason: "stop"` for every message (tool-call turns included): no provider finish reason reaches
 * any callback of a `streamEvents` v3 run.
 */
export const OPENAI_STREAM_EVENTS_CARRY_FINISH_REASON = atLeast(openai.version, "1.5.0");
