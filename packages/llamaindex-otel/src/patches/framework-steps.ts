import type { CoreCopy } from "../core-copy";
import { frameworkSpan } from "../framework";
import { instrumentLLM } from "../llm/instrument-llm";
import type { LlamaIndexInstallation } from "../installation";
import type { Describe } from "../traced";
import { tracedMethod } from "../traced";
import { withRootIO } from "./root-io";

/** `query`: the span of a query engine's `query` (one per engine call, however many wrappers it passes). */
export const describeQuery: Describe = (_self, args, tracing) => {
  const params = args[0] as { query?: unknown } | string | undefined;
  return withRootIO(frameworkSpan("query"), tracing, typeof params === "object" && params !== null ? params.query : params);
};

/** `synthesize`, after meeting the synthesizer's LLM (so its calls get chat spans however it was built). */
const describeSynthesize: Describe = (self: { llm?: unknown }) => {
  instrumentLLM(self?.llm);
  return frameworkSpan("synthesize");
};

/**
 * `query` and `synthesize` spans. Both methods live on the base classes only (subclasses implement
 * `_query` / `getResponse`), so one prototype patch covers every engine and synthesizer.
 *
 * `BaseQueryEngine#query` carries `@wrapEventCaller`, which copies the method onto each instance
 * when it is constructed: engines built before the patch keep the unpatched method (see
 * `instrumentObject`).
 */
export function patchFrameworkSteps({ patcher }: LlamaIndexInstallation, { BaseQueryEngine, BaseSynthesizer }: CoreCopy): void {
  if (BaseQueryEngine) patcher.wrapMethod(BaseQueryEngine.prototype, "query", tracedMethod(describeQuery));
  if (BaseSynthesizer) patcher.wrapMethod(BaseSynthesizer.prototype, "synthesize", tracedMethod(describeSynthesize));
}
