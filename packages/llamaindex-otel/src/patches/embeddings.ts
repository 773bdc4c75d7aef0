import { BaseEmbedding } from "@llamaindex/core/embeddings";
import { inferenceRequestAttributes, inferenceResultAttributes, spanKindFor, spanName } from "@genai-otel/core-semconv";
import { FRAMEWORK } from "../framework";
import type { LIEmbedding } from "../internal-types";
import type { AnyFunction, Patcher } from "../patcher";
import { type ProviderInfo, providerOf, registerProvider } from "../providers/registry";
import { type SpanStart, isActiveOwner } from "../telemetry";
import { callTraced, tracedMethod } from "../traced";

/** Length of the (first) vector in an embedding result: `number[]` or `number[][]`. */
function dimensionsOf(value: unknown): number | undefined {
  if (!Array.isArray(value)) return undefined;
  const first: unknown = value[0];
  if (Array.isArray(first)) return first.length;
  return typeof first === "number" ? value.length : undefined;
}

/** An `embeddings {model}` span for a call on `self`, unless one of `self`'s is already active. */
function describeEmbeddings(self: LIEmbedding): SpanStart | undefined {
  if (isActiveOwner(self)) return undefined; // getQueryEmbedding → getTextEmbedding: one span
  const provider = providerOf(self);
  const server = provider.server?.(self);
  return {
    name: spanName("embeddings", self.model),
    kind: spanKindFor("embeddings"),
    attributes: {
      ...inferenceRequestAttributes({
        operation: "embeddings",
        provider: provider.name,
        model: self.model,
        serverAddress: server?.address,
        serverPort: server?.port,
      }),
      ...FRAMEWORK,
    },
    owner: self,
    hooks: {
      result(span, value) {
        span.setAttributes(inferenceResultAttributes({ embeddingDimensions: dimensionsOf(value) }));
      },
    },
  };
}

/** Embedding models whose per-instance `getTextEmbeddings` got wrapped at construction. */
const batchWrapped = new WeakSet<object>();

/**
 * `embeddings` spans for every embedding model, at the finest level reachable:
 * - `getQueryEmbedding` (retrieval): a prototype method of `BaseEmbedding`;
 * - `getTextEmbeddings` (one provider request per batch when indexing): an arrow function each
 *   constructor assigns to the instance, so no prototype patch reaches it. It is wrapped when
 *   assigned, through a setter on `BaseEmbedding.prototype` ({@link Patcher.interceptAssignment});
 * - `getTextEmbeddingsBatch`: a span only for instances whose `getTextEmbeddings` could not be
 *   wrapped (built before instrumenting), so indexing still shows up, as one span.
 */
export function patchEmbeddings(patcher: Patcher): void {
  const proto = BaseEmbedding.prototype;
  patcher.wrapMethod(proto, "getQueryEmbedding", tracedMethod(describeEmbeddings));
  patcher.interceptAssignment(proto, "getTextEmbeddings", (value, instance) => {
    if (typeof value !== "function") return value;
    batchWrapped.add(instance);
    const original = value as AnyFunction;
    return function getTextEmbeddings(this: unknown, ...args: unknown[]) {
      return callTraced(describeEmbeddings, original, instance, this, args);
    };
  });
  patcher.wrapMethod(
    proto,
    "getTextEmbeddingsBatch",
    tracedMethod((self: LIEmbedding) => (batchWrapped.has(self) ? undefined : describeEmbeddings(self))),
  );
}

/** Declares an embedding class's provider and traces its own `getTextEmbedding` (direct calls). */
export function patchEmbeddingModel(patcher: Patcher, cls: { prototype: object }, provider: ProviderInfo): void {
  registerProvider(cls, provider);
  patcher.wrapMethod(cls.prototype, "getTextEmbedding", tracedMethod(describeEmbeddings));
}
