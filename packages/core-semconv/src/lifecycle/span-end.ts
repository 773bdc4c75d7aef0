import { type Span, diag } from "@opentelemetry/api";
import { ATTR_GENAI_OTEL_INCOMPLETE } from "../attributes";
import { recordSpanError } from "../errors";

/**
 * How an operation ended: it finished, it was abandoned before finishing (a stream broken off, a
 * parent that ended first, a sweep), or it failed with an error.
 *
 * @internal
 */
export type Outcome = "done" | "incomplete" | { error: unknown };

/**
 * Runs `fn`; a throw is reported through `diag` and swallowed (telemetry never reaches the host).
 *
 * @internal
 */
export function guard(what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    diag.warn(`genai-otel: ${what} failed`, err);
  }
}

/** Spans already ended through {@link finishSpan}: a second end (a run ended early by a failed step, then settling) is ignored. */
const ended = new WeakSet<Span>();

/** Spans that must end no later than a given span: spans made from events, which may get no end event. */
const dependents = new WeakMap<Span, Set<Dependent>>();

/**
 * A span that ends with its parent unless it ended first.
 *
 * @internal
 */
export interface Dependent {
  /** Ends the dependent span; called at most once. */
  close(outcome: Outcome): void;
}

/**
 * Makes `child` end (marked incomplete, or with the parent's error) when `parent` ends first.
 *
 * @internal
 */
export function endWithParent(parent: Span, child: Dependent): void {
  const set = dependents.get(parent) ?? new Set<Dependent>();
  dependents.set(parent, set);
  set.add(child);
}

/**
 * Undoes {@link endWithParent} once `child` ended on its own.
 *
 * @internal
 */
export function releaseFromParent(parent: Span | undefined, child: Dependent): void {
  if (parent) dependents.get(parent)?.delete(child);
}

/**
 * The one way a genai-otel span ends: dependents first, then the outcome (an error is
 * recorded as `exception` event, status ERROR and `error.type`; an abandoned operation is marked
 * `genai_otel.incomplete`), then `span.end()`. Ends a span once: later calls are ignored. Never throws.
 *
 * @internal
 */
export function finishSpan(span: Span, outcome: Outcome): void {
  if (ended.has(span)) return;
  ended.add(span);
  const children = dependents.get(span);
  if (children) {
    dependents.delete(span);
    for (const child of children) guard("ending a dependent span", () => child.close(outcome === "done" ? "incomplete" : outcome));
  }
  if (outcome === "incomplete") guard("marking a span incomplete", () => span.setAttribute(ATTR_GENAI_OTEL_INCOMPLETE, true));
  else if (outcome !== "done") recordSpanError(span, outcome.error);
  guard("ending a span", () => span.end());
}
