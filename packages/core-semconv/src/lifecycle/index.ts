export { type Dependent, endWithParent, finishSpan, guard, type Outcome, releaseFromParent } from "./span-end";
export { endWhenDone, type ResultHooks } from "./end-when-done";
