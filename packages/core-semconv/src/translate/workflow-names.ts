import type { Attributes } from "@opentelemetry/api";
import { ATTR_GEN_AI_AGENT_NAME, ATTR_GEN_AI_WORKFLOW_NAME } from "../attributes";

/** Default of the most traces whose workflow name is remembered. */
export const DEFAULT_MAX_TRACES = 10_000;

/** The workflow name a root span gives its trace: the declared workflow, the agent, else the span name. */
export function workflowNameOf(name: string, attributes: Attributes | undefined): string | undefined {
  const declared = attributes?.[ATTR_GEN_AI_WORKFLOW_NAME];
  if (typeof declared === "string" && declared !== "") return declared;
  const agent = attributes?.[ATTR_GEN_AI_AGENT_NAME];
  if (typeof agent === "string" && agent !== "") return agent;
  return name || undefined;
}

/**
 * The workflow name of each trace, learnt from its root span (when it starts, or when it is
 * exported first), so that every descendant can carry it. Bounded: past `max` traces the oldest
 * entry goes (a Map keeps insertion order), so memory stays flat whatever the traffic.
 */
export class WorkflowNames {
  private readonly names = new Map<string, string>();

  /** @param max - most traces remembered; default {@link DEFAULT_MAX_TRACES}. */
  constructor(private readonly max: number = DEFAULT_MAX_TRACES) {}

  /** Remembers the trace's workflow name unless it is known already. */
  note(traceId: string, name: string | undefined): void {
    if (name === undefined || this.names.has(traceId)) return;
    if (this.names.size >= this.max) {
      const oldest = this.names.keys().next();
      if (!oldest.done) this.names.delete(oldest.value);
    }
    this.names.set(traceId, name);
  }

  /** The trace's workflow name, if its root was seen. */
  get(traceId: string): string | undefined {
    return this.names.get(traceId);
  }

  /** Traces remembered now. */
  get size(): number {
    return this.names.size;
  }
}
