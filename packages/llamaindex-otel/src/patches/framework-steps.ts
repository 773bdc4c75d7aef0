import { BaseQueryEngine } from "@llamaindex/core/query-engine";
import { BaseSynthesizer } from "@llamaindex/core/response-synthesizers";
import { frameworkSpan } from "../framework";
import type { Patcher } from "../patcher";
import { tracedMethod } from "../traced";

/**
 * `query` and `synthesize` spans. Both methods live on the base classes only (subclasses implement
 * `_query` / `getResponse`), so one prototype patch covers every engine and synthesizer.
 *
 * `BaseQueryEngine#query` carries `@wrapEventCaller`, which copies the method onto each instance
 * when it is constructed: engines built before the patch keep the unpatched method.
 */
export function patchFrameworkSteps(patcher: Patcher): void {
  patcher.wrapMethod(BaseQueryEngine.prototype, "query", tracedMethod(() => frameworkSpan("query")));
  patcher.wrapMethod(BaseSynthesizer.prototype, "synthesize", tracedMethod(() => frameworkSpan("synthesize")));
}
