import { diag } from "@opentelemetry/api";
import type { AnyFunction } from "./patcher";
import { type SpanStart, type Telemetry, activeTelemetry } from "./telemetry";

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
    diag.warn(`genai-otel llamaindex: could not describe ${original.name || "a call"}`, err);
  }
  if (!start) return original.apply(thisArg, args);
  return telemetry.run(start, () => original.apply(thisArg, args));
}

/** A method wrapper for {@link Patcher.wrapMethod}: each call traced as `describe` says. */
export function tracedMethod(describe: Describe): (original: AnyFunction) => AnyFunction {
  return (original) =>
    function traced(this: unknown, ...args: unknown[]) {
      return callTraced(describe, original, this, this, args);
    };
}
