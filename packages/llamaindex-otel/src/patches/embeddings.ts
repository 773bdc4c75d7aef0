import { inferenceRequestAttributes, inferenceResultAttributes, spanKindFor, spanName } from "@genai-otel/core-semconv";
import type { ResultHooks } from "@genai-otel/core-semconv/internal";
import type { CoreCopy } from "../core-copy";
import { withFramework } from "../framework";
import type { LIEmbedding } from "../internal-types";
import { type LlamaIndexInstallation, activeInstallation, isObjectLike, meetFirstTime } from "../installation";
import { type AnyFunction, type Patcher, originalOf } from "../patcher";
import { watchEmbeddingUsage } from "../providers/embedding-usage";
import { providerOf } from "../providers/registry";
import type { SpanStart } from "../operation-tracer";
import { callTraced, ownerOf, traceFunction, tracedMethod } from "../traced";

/** Length of the (first) vector in an embedding result: `number[]` or `number[][]`. */
function dimensionsOf(value: unknown): number | undefined {
  if (!Array.isArray(value)) return undefined;
  const first: unknown = value[0];
  if (Array.isArray(first)) return first.length;
  return typeof first === "number" ? value.length : undefined;
}

/**
 * An `embeddings {model}` span for a call on `self` (one for `getQueryEmbedding` calling
 * `getTextEmbedding` on the same model: see `callTraced`).
 */
function describeEmbeddings(self: LIEmbedding): SpanStart {
  watchEmbeddingUsage(self);
  const provider = providerOf(self);
  const server = provider.server;
  return {
    name: spanName("embeddings", self.model),
    kind: spanKindFor("embeddings"),
    attributes: withFramework(
      inferenceRequestAttributes({
        operation: "embeddings",
        provider: provider.name,
        model: self.model,
        serverAddress: server?.address,
        serverPort: server?.port,
      }),
    ),
    modelCall: "embeddings",
    hooks: EMBEDDINGS_HOOKS,
  };
}

/** What an embeddings span reads from its result (the same for every call: nothing to capture). */
const EMBEDDINGS_HOOKS: ResultHooks = {
  result(span, value) {
    span.setAttributes(inferenceResultAttributes({ embeddingDimensions: dimensionsOf(value) }));
  },
};

/** True when `model.getTextEmbeddings` is traced (then `getTextEmbeddingsBatch` needs no span of its own). */
function batchTraced(model: { getTextEmbeddings?: unknown }): boolean {
  const fn = model.getTextEmbeddings;
  return typeof fn === "function" && (activeInstallation()?.batchWrappers.has(fn) === true || originalOf(fn) !== undefined);
}

/**
 * `embeddings` spans for every embedding model, at the finest level reachable:
 * - `getQueryEmbedding` (retrieval): a prototype method of `BaseEmbedding`;
 * - `getTextEmbeddings` (one provider request per batch when indexing): an arrow function each
 *   constructor assigns to the instance, so no prototype patch reaches it. It is wrapped when
 *   assigned, through a setter on `BaseEmbedding.prototype` ({@link Patcher.interceptAssignment});
 * - `getTextEmbedding` (single text): each provider class implements it; its class is patched when
 *   the constructor's `getTextEmbeddings` assignment shows a new instance;
 * - `getTextEmbeddingsBatch`: a span only for instances whose `getTextEmbeddings` could not be
 *   wrapped (built before instrumenting), so indexing still shows up, as one span.
 */
export function patchEmbeddings({ patcher, batchWrappers }: LlamaIndexInstallation, { BaseEmbedding }: CoreCopy): void {
  if (!BaseEmbedding) return;
  const proto = BaseEmbedding.prototype;
  patcher.wrapMethod(proto, "getQueryEmbedding", tracedMethod(describeEmbeddings));
  patcher.interceptAssignment(proto, "getTextEmbeddings", (value, instance) => {
    if (typeof value !== "function") return value;
    const original = value as AnyFunction;
    const wrapper = function getTextEmbeddings(this: unknown, ...args: unknown[]) {
      return callTraced(describeEmbeddings, original, instance, this, args);
    };
    batchWrappers.add(wrapper);
    traceSingleText(patcher, instance);
    return wrapper;
  });
  patcher.wrapMethod(
    proto,
    "getTextEmbeddingsBatch",
    tracedMethod((self: LIEmbedding) => (batchTraced(self as object) ? undefined : describeEmbeddings(self))),
  );
}

/**
 * True for an embedding model (`BaseEmbedding` or anything shaped like one). LlamaIndex's models
 * are callable objects (`TransformComponent`s): `typeof` is "function".
 */
export function isEmbeddingModel(value: unknown): value is object {
  if (!isObjectLike(value)) return false;
  const model = value as { getQueryEmbedding?: unknown; getTextEmbeddings?: unknown };
  return typeof model.getQueryEmbedding === "function" && typeof model.getTextEmbeddings === "function";
}

/**
 * Traces an embedding model the instrumentation meets (`Settings.embedModel`, or
 * `instrumentObject`): its own `getTextEmbeddings` when it was built before instrumenting, and its
 * class's `getTextEmbedding` (direct single-text calls). Idempotent; never throws.
 */
export function instrumentEmbeddingModel(model: unknown): void {
  if (!isEmbeddingModel(model)) return;
  const installation = meetFirstTime(model);
  if (!installation) return;
  if (!batchTraced(model)) traceFunction(installation.patcher, model, "getTextEmbeddings", describeEmbeddings);
  traceSingleText(installation.patcher, model);
}

/** Traces `model.getTextEmbedding` where it lives (its class, usually), unless that is `BaseEmbedding`'s abstract one. */
function traceSingleText(patcher: Patcher, model: object): void {
  const owner = ownerOf(model, "getTextEmbedding") as { constructor?: { name?: unknown } } | undefined;
  if (owner && owner.constructor?.name !== "BaseEmbedding") traceFunction(patcher, model, "getTextEmbedding", describeEmbeddings);
}
