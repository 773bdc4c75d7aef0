import { meetFirstTime } from "../installation";
import { ownerOf, traceFunction } from "../traced";
import { describeModelCall } from "./describe";

/** True for an LLM object (`BaseLLM` or anything shaped like one: `chat`, `complete` and `metadata`). */
export function isLLM(value: unknown): value is object {
  if (value == null || typeof value !== "object") return false;
  const llm = value as { chat?: unknown; complete?: unknown };
  return typeof llm.chat === "function" && typeof llm.complete === "function" && "metadata" in llm;
}

/**
 * Traces the `chat` (and an own `complete`) of an LLM object the instrumentation meets: assigned
 * to or read from `Settings.llm`, held by a synthesizer, chat engine or agent, or named by an LLM
 * event. Reaches LLMs built before `instrumentLlamaIndex()`, whose per-instance `chat` no
 * prototype patch reaches, and LLM classes nothing else knows. Idempotent; never throws.
 *
 * `BaseLLM#complete` calls `chat`, whose span then covers it; a class with its own `complete`
 * gets `text_completion {model}` spans for it.
 */
export function instrumentLLM(llm: unknown): void {
  if (!isLLM(llm)) return;
  const installation = meetFirstTime(llm);
  if (!installation) return;
  const { patcher } = installation;
  traceFunction(patcher, llm, "chat", (self, args, tracing) => describeModelCall("chat", self, args[0], tracing));
  const completeOwner = ownerOf(llm, "complete") as { constructor?: { name?: unknown } } | undefined;
  if (completeOwner?.constructor?.name === "BaseLLM") return;
  traceFunction(patcher, llm, "complete", (self, args, tracing) => describeModelCall("text_completion", self, args[0], tracing));
}
