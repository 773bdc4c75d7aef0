import { diag } from "@opentelemetry/api";
import { activeTelemetry } from "./active";
import type { AnyFunction, Patcher } from "./patcher";
import type { SpanStart, Telemetry } from "./telemetry";

/**
 * Describes the span of one call, from the object doing it and the call's arguments; `undefined`
 * means no span (the call just runs).
 */
export type Describe = (self: any, args: any[], telemetry: Telemetry) => SpanStart | undefined;

/**
 * Calls `original` on `thisArg` with `args`, inside the span `describe` gives for `self`. Passes
 * straight through when instrumentation is off or describing fails.
 */
export function callTraced(describe: Describe, original: AnyFunction, self: unknown, thisArg: unknown, args: unknown[]): unknown {
  const telemetry = activeTelemetry();
  if (!telemetry) return original.apply(thisArg, args);
  let start: SpanStart | undefined;
  try {
    start = describe(self, args, telemetry);
  } catch (err) {
    diag.warn(`genai-otel: could not describe ${original.name || "a call"}`, err);
  }
  if (!start) return original.apply(thisArg, args);
  return telemetry.run(start, () => original.apply(thisArg, args));
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
