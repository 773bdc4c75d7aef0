import type { Patcher } from "./patcher";
import type { Telemetry } from "./telemetry";

/** The running instrumentation: its options, the patches it installed and the objects it met. */
export interface Installation {
  readonly telemetry: Telemetry;
  readonly patcher: Patcher;
  /** Objects already instrumented on meeting them (LLMs, embedding models, tools). */
  readonly met: WeakSet<object>;
}

let active: Installation | undefined;

/** The running instrumentation, or `undefined` when LlamaIndex is not instrumented. */
export function activeInstallation(): Installation | undefined {
  return active;
}

/** The telemetry every installed wrapper reads on each call, or `undefined` when not instrumented. */
export function activeTelemetry(): Telemetry | undefined {
  return active?.telemetry;
}

/** Sets (or clears) the running instrumentation. */
export function setActiveInstallation(installation: Installation | undefined): void {
  active = installation;
}

/**
 * Marks `target` as met by the running instrumentation.
 * @returns the installation when `target` is an object met for the first time, else `undefined`
 */
export function meetFirstTime(target: unknown): Installation | undefined {
  if (!active || target == null || typeof target !== "object" || active.met.has(target)) return undefined;
  active.met.add(target);
  return active;
}
