import { instrumentLlamaIndex, instrumentObject } from "@genai-otel/llamaindex-otel";
import { Settings } from "@llamaindex/core/global";
import { OpenAIEmbedding } from "@llamaindex/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useStandInServer } from "./fixtures";

// LlamaIndex embedding models are callable objects (BaseEmbedding is a TransformComponent: a
// function whose prototype is the model's class), so `typeof model === "function"`.
const { tracing, server } = useStandInServer();
let instrumentation: ReturnType<typeof instrumentLlamaIndex>;
let builtBefore: OpenAIEmbedding;
let builtBeforeForSettings: OpenAIEmbedding;

function embeddingModel(): OpenAIEmbedding {
  return new OpenAIEmbedding({ model: "text-embedding-3-small", apiKey: "test-fake-key", baseURL: server().url, maxRetries: 0 });
}

/** Each finished span as `name dimensions/input tokens`, in end order. */
function embeddingSpans(): string[] {
  return tracing
    .spans()
    .map((s) => `${s.name} ${s.attributes["gen_ai.embeddings.dimension.count"]}/${s.attributes["gen_ai.usage.input_tokens"]}`);
}

beforeAll(async () => {
  builtBefore = embeddingModel();
  builtBeforeForSettings = embeddingModel();
  instrumentation = instrumentLlamaIndex();
  await instrumentation.ready;
});
afterAll(async () => {
  instrumentation.uninstrument();
});

/** Single-text, batch and query embeddings on `model`: one span each. */
async function embedThreeWays(model: OpenAIEmbedding): Promise<void> {
  expect(await model.getTextEmbedding("tide tables")).toHaveLength(16);
  expect(await model.getTextEmbeddings(["the lamp room", "a leather-bound book"])).toHaveLength(2);
  expect(await model.getQueryEmbedding({ type: "text", text: "tides" })).toHaveLength(16);
  expect(embeddingSpans()).toEqual([
    "embeddings text-embedding-3-small 16/2",
    "embeddings text-embedding-3-small 16/7",
    "embeddings text-embedding-3-small 16/1",
  ]);
}

describe("an embedding model", () => {
  it("is a callable object", () => {
    expect(typeof builtBefore).toBe("function");
  });

  it("built after instrumenting: single-text, batch and query embeddings are traced", async () => {
    await embedThreeWays(embeddingModel());
  });

  it("built before instrumenting and handed to instrumentObject: all three traced", async () => {
    expect(instrumentObject(builtBefore)).toBe(true);
    expect(instrumentObject(builtBefore)).toBe(true); // idempotent
    await embedThreeWays(builtBefore);
  });

  it("built before instrumenting and met through Settings.embedModel: all three traced", async () => {
    Settings.embedModel = builtBeforeForSettings;
    expect(typeof Settings.embedModel).toBe("function");
    expect(instrumentObject(Settings.embedModel)).toBe(true);
    await embedThreeWays(builtBeforeForSettings);
  });

  it("a single-text embedding inside another span nests under it", async () => {
    const model = embeddingModel();
    const tracer = tracing.provider.getTracer("test");
    await tracer.startActiveSpan("outer", async (span) => {
      await model.getTextEmbedding("tide tables");
      span.end();
    });
    expect(tracing.shape().map((s) => [s.name, s.children.map((c) => c.name)])).toEqual([["outer", ["embeddings text-embedding-3-small"]]]);
  });
});
