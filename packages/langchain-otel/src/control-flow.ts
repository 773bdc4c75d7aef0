/**
 * LangGraph control flow and cancellation, told apart from failures. LangGraph throws to interrupt
 * (`interrupt()` → `GraphInterrupt`) and to hand control to the parent graph
 * (`Command({ graph: Command.PARENT })` → `ParentCommand`); an aborted run throws the abort reason
 * (`AbortError` / `TimeoutError` DOMExceptions, LangGraph's `Error("Abort")`). None of them is a
 * failure of the operation.
 *
 * Detected by the names LangGraph's own `isGraphInterrupt` / `isParentCommand` helpers check
 * (`error.name`), never `instanceof`: the app's LangGraph copy is not ours to import.
 */

/** A run end that is control flow, not an error. */
export type ControlFlow =
  | { kind: "interrupted"; ids: string[]; values: () => unknown }
  | { kind: "handed_off"; goto: string[]; update: () => unknown }
  | { kind: "cancelled"; reason: string };

const INTERRUPT_NAMES: ReadonlySet<string> = new Set(["GraphInterrupt", "NodeInterrupt", "GraphDrained"]);
/** Abort errors by name: DOM's `AbortError`, LangChain's `ModelAbortError`, the OpenAI SDK's `APIUserAbortError`. */
const ABORT_NAMES: ReadonlySet<string> = new Set(["AbortError", "ModelAbortError", "APIUserAbortError"]);
/** Messages of LangGraph's and LangChain's own plain abort errors. */
const ABORT_MESSAGES: ReadonlySet<string> = new Set(["Abort", "Aborted", "AbortError"]);


function stringList(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const item of v) {
    if (typeof item === "string") out.push(item);
    else if (item && typeof (item as Record<string, unknown>).node === "string") out.push((item as Record<string, unknown>).node as string); // Send
  }
  return out;
}

/** The control flow an error stands for, or undefined when it is a real failure. Never throws. */
export function controlFlowOf(err: unknown): ControlFlow | undefined {
  try {
    if (!err || typeof err !== "object") return undefined;
    const e = err as Record<string, unknown>;
    const name = typeof e.name === "string" ? e.name : "";
    if (INTERRUPT_NAMES.has(name)) {
      const list = Array.isArray(e.interrupts) ? (e.interrupts as Record<string, unknown>[]) : [];
      const ids = list.map((i) => i?.id).filter((id): id is string => typeof id === "string");
      return { kind: "interrupted", ids, values: () => list.map((i) => i?.value) };
    }
    if (name === "ParentCommand") {
      const command = (e.command ?? {}) as Record<string, unknown>;
      return { kind: "handed_off", goto: stringList(command.goto), update: () => command.update };
    }
    const message = typeof e.message === "string" ? e.message : "";
    const domTimeout = name === "TimeoutError" && (e.constructor as { name?: string } | undefined)?.name === "DOMException";
    if (ABORT_NAMES.has(name) || domTimeout || (name === "Error" && ABORT_MESSAGES.has(message))) {
      return { kind: "cancelled", reason: message ? `${name}: ${message}` : name };
    }
  } catch {
    // an odd error object: treat it as a failure
  }
  return undefined;
}

/** True for a LangGraph resume input (`new Command({ resume })`), read by shape: `lg_name` + `resume`. */
export function isResumeInput(inputs: unknown): boolean {
  return !!inputs && typeof inputs === "object" && (inputs as Record<string, unknown>).lg_name === "Command" && (inputs as Record<string, unknown>).resume !== undefined;
}
