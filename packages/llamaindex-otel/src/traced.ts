import { diag } from "@opentelemetry/api";
import { activeInstallation } from "./installation";
import { type OperationTracer, type SpanStart, isActiveOwner } from "./operation-tracer";
import type { AnyFunction, Patcher } from "./patcher";

/**
 * Describes the span of one call, from the object doing it and the call's arguments; `undefined`
 * means no span (the call just runs).
 */
export type Describe = (self: any, args: any[], tracing: OperationTracer) => SpanStart | undefined;

/**
 * Calls `original` on `thisArg` with `args`, inside the span `describe` gives for `self`. Passes
 * straight through when instrumentation is off, when describing fails, and when an operation of
 * `self` is already active (an outer traced method of the same object calling an inner one, or one
 * method reached through two wrappers: one span, see {@link isActiveOwner}); then `describe` is not
 * called at all.
 */
export function callTraced(describe: Describe, original: AnyFunction, self: unknown, thisArg: unknown, args: unknown[]): unknown {
  const tracing = activeInstallation()?.tracing;
  if (!tracing || isActiveOwner(self)) return original.apply(thisArg, args);
  let start: SpanStart | undefined;
  try {
    start = describe(self, args, tracing);
  } catch (err) {
    diag.warn(`genai-otel: could not describe ${original.name || "a call"}`, err);
  }
  if (!start) return original.apply(thisArg, args);
  return tracing.run(start, () => original.apply(thisArg, args), self);
}

/** A method wrapper for {@link Patcher.wrapMethod}: each call traced as `describe` says, `this` being the subject. */
export function tracedMethod(describe: Describe): (original: AnyFunction) => AnyFunction {
  return (original) =>
    function traced(this: unknown, ...args: unknown[]) {
      return callTraced(describe, original, this, this, args);
    };
}

/** The object on `target`'s prototype chain (itself included) that holds `name`, or `undefined`. */
export function ownerOf(target: object, name: string): object | undefined {
  for (let o: object | null = target; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    if (Object.hasOwn(o, name)) return o;
  }
  return undefined;
}

/**
 * Traces `target[name]` wherever it lives: a function the object holds itself (LlamaIndex's
 * per-instance bound methods) is wrapped on the object, with the object as the span's subject
 * even when the function is called detached; a method it inherits is wrapped on the prototype
 * that holds it (reaching the other instances of that class too).
 * @returns true when a wrapper was installed
 */
export function traceFunction(patcher: Patcher, target: object, name: string, describe: Describe): boolean {
  if (Object.hasOwn(target, name)) {
    return patcher.wrapOwn(
      target,
      name,
      (original) =>
        function traced(this: unknown, ...args: unknown[]) {
          return callTraced(describe, original, target, this, args);
        },
    );
  }
  const owner = ownerOf(target, name);
  return owner ? patcher.wrapMethod(owner, name, tracedMethod(describe)) : false;
}
