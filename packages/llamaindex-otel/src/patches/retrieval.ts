import type { RetrievedDocument } from "@genai-otel/core-semconv";
import { retrievalAttributes, spanKindFor, spanName } from "@genai-otel/core-semconv";
import type { CoreCopy } from "../core-copy";
import { withFramework } from "../framework";
import type { LINodeWithScore } from "../internal-types";
import { contentText } from "../messages";
import type { LlamaIndexInstallation } from "../installation";
import type { OperationTracer, SpanStart } from "../operation-tracer";
import { tracedMethod } from "../traced";

/** The index a retriever reads (`VectorIndexRetriever#index`), as `gen_ai.data_source.id`. */
function dataSourceOf(retriever: unknown): string | undefined {
  const id = (retriever as { index?: { indexStruct?: { indexId?: unknown } } } | null)?.index?.indexStruct?.indexId;
  return typeof id === "string" && id ? id : undefined;
}

/**
 * The retriever's class name: the span name's subject. The index id (a generated UUID) stays in
 * `gen_ai.data_source.id`; as a span name it would give one name per index build, which backends
 * that group by span name (Datadog resources, New Relic transactions) cannot aggregate.
 */
function retrieverName(retriever: unknown): string | undefined {
  const name = (retriever as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === "string" && name && name !== "Object" ? name : undefined;
}

function queryText(params: unknown): string | undefined {
  return typeof params === "string" ? params : contentText((params as { query?: unknown } | null)?.query);
}

function toDocument({ node, score }: LINodeWithScore): RetrievedDocument {
  return { id: node?.id_, content: node?.getContent?.("NONE") ?? node?.text, score };
}

function describeRetrieval(self: unknown, args: unknown[], tracing: OperationTracer): SpanStart {
  const dataSourceId = dataSourceOf(self);
  return {
    name: spanName("retrieval", retrieverName(self)),
    kind: spanKindFor("retrieval"),
    attributes: withFramework(retrievalAttributes({ dataSourceId })),
    content: tracing.policy.retrieval({ query: () => queryText(args[0]) }),
    hooks: {
      result(span, value) {
        const nodes = Array.isArray(value) ? (value as LINodeWithScore[]) : [];
        span.setAttributes(retrievalAttributes({ documentCount: nodes.length }));
        tracing.policy.emit(span, tracing.policy.retrieval({ documents: () => nodes.map(toDocument) }));
      },
    },
  };
}

/** `retrieval` spans around `BaseRetriever#retrieve`, which every retriever inherits. */
export function patchRetrievers({ patcher }: LlamaIndexInstallation, { BaseRetriever }: CoreCopy): void {
  if (BaseRetriever) patcher.wrapMethod(BaseRetriever.prototype, "retrieve", tracedMethod(describeRetrieval));
}
