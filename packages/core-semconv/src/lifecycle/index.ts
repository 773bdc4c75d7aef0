export { type Dependent, endWithParent, finishSpan, guard, type Outcome, releaseFromParent } from "./span-end";
export { endOpenStreams, endWhenDone, failWith, openStreamCount, type ResultHooks } from "./end-when-done";
export { isReadableStream } from "./readable-stream";
