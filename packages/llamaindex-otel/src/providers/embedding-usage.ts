import { inferenceResultAttributes } from "@genai-otel/core-semconv";
import { diag } from "@opentelemetry/api";
import { activeInstallation } from "../installation";
import { guard } from "@genai-otel/core-semconv/internal";
import { activeEmbeddingsSpan } from "../operation-tracer";
import { ownerOf } from "../traced";

/** An OpenAI-style client's embeddings response: `usage.prompt_tokens`. */
interface EmbeddingsResponse {
  usage?: { prompt_tokens?: unknown } | null;
}

/**
 * Token usage of embedding requests, which LlamaIndex drops: `OpenAIEmbedding` (and classes built
 * like it) keeps its SDK client as a promise in `session`. Once that client is known, the method
 * of its `embeddings` resource is wrapped (on its prototype, restored on uninstrument) to read
 * `usage` from each response while one of our `embeddings` spans is active. The caller gets the
 * SDK's own promise back, untouched. Called before the model's first traced call, which resolves
 * the same `session` promise after this does. Never throws.
 */
export function watchEmbeddingUsage(model: object): void {
  try {
    const installation = activeInstallation();
    if (!installation) return;
    // Once per model and installation (a new instrumentation watches them again).
    if (installation.watchedEmbeddingModels.has(model)) return;
    installation.watchedEmbeddingModels.add(model);
    const session = (model as { session?: unknown }).session;
    if (!session || typeof (session as PromiseLike<unknown>).then !== "function") return;
    (session as PromiseLike<unknown>).then(wrapCreate, () => {});
  } catch (err) {
    diag.warn("genai-otel: could not watch embedding usage", err);
  }
}

function wrapCreate(client: unknown): void {
  const resource = (client as { embeddings?: object } | null)?.embeddings;
  const owner = resource && typeof resource === "object" ? ownerOf(resource, "create") : undefined;
  if (!owner) return;
  activeInstallation()?.patcher.wrapMethod(
    owner,
    "create",
    (original) =>
      function create(this: unknown, ...args: unknown[]) {
        const result = original.apply(this, args);
        const span = activeEmbeddingsSpan();
        if (span && result && typeof (result as PromiseLike<unknown>).then === "function") {
          (result as PromiseLike<EmbeddingsResponse>).then(
            (response) => guard("reading embedding usage", () => recordUsage(span, response)),
            () => {},
          );
        }
        return result;
      },
  );
}

function recordUsage(span: ReturnType<typeof activeEmbeddingsSpan> & object, response: EmbeddingsResponse): void {
  const tokens = response?.usage?.prompt_tokens;
  if (typeof tokens === "number") span.setAttributes(inferenceResultAttributes({ usage: { inputTokens: tokens } }));
}
