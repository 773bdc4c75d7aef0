import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gcFn: (() => void) | undefined;

/**
 * A full garbage collection, whether or not node was started with `--expose-gc` (the flag is set at
 * run time and `gc` fetched from a fresh context, a documented V8 idiom).
 */
export function fullGc(): void {
  if (!gcFn) {
    const existing = (globalThis as { gc?: () => void }).gc;
    if (typeof existing === "function") gcFn = existing;
    else {
      setFlagsFromString("--expose-gc");
      gcFn = runInNewContext("gc") as () => void;
    }
  }
  gcFn();
}
