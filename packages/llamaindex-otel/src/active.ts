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

/**
 * True for an object or a function. LlamaIndex's embedding models (and every other
 * `TransformComponent`) are functions whose prototype is their class: `typeof` says "function".
 */
export function isObjectLike(value: unknown): value is object {
  return value != null && (typeof value === "object" || typeof value === "function");
}

/** Sets (or clears) the running instrumentation. */
export function setActiveInstallation(installation: Installation | undefined): void {
  active = installation;
}

/**
 * Marks `target` as met by the running instrumentation.
 * @returns the installation when `target` is an object (or a callable object, as LlamaIndex's
 *   embedding models are) met for the first time, else `undefined`
 */
export function meetFirstTime(target: unknown): Installation | undefined {
  if (!active || !isObjectLike(target) || active.met.has(target)) return undefined;
  active.met.add(target);
  return active;
}
