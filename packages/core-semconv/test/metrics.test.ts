import { DURATION_BUCKETS, GenAIMetrics, TOKEN_USAGE_BUCKETS } from "@genai-otel/core-semconv";
import { createTestMetrics } from "@genai-otel/core-semconv/testing";
import { afterAll, describe, expect, it } from "vitest";

const testMetrics = createTestMetrics();
afterAll(() => testMetrics.shutdown());

describe("GenAIMetrics", () => {
  it("records duration, time to first chunk and tokens by type with the spec's units and buckets", async () => {
    const m = new GenAIMetrics("test-scope", "1.0.0");
    const attrs = { operation: "chat", provider: "openai", requestModel: "gpt-4o-mini", responseModel: "gpt-4o-mini-2024" };
    m.record(attrs, { durationS: 0.5, inputTokens: 10, outputTokens: 20, timeToFirstChunkS: 0.1 });
    m.record({ ...attrs, errorType: "RateLimitError" }, { durationS: 0.05 });
    const h = await testMetrics.histograms();

    const duration = h.get("gen_ai.client.operation.duration")!;
    expect(duration.unit).toBe("s");
    expect(duration.points).toHaveLength(2);
    expect(duration.points[0]!.boundaries).toEqual([...DURATION_BUCKETS]);
    const failed = duration.points.find((p) => p.attributes["error.type"] === "RateLimitError")!;
    expect(failed).toMatchObject({ count: 1, sum: 0.05 });

    const tokens = h.get("gen_ai.client.token.usage")!;
    expect(tokens.unit).toBe("{token}");
    expect(tokens.points[0]!.boundaries).toEqual([...TOKEN_USAGE_BUCKETS]);
    const byType = Object.fromEntries(tokens.points.map((p) => [p.attributes["gen_ai.token.type"], p.sum]));
    expect(byType).toEqual({ input: 10, output: 20 });
    expect(tokens.points[0]!.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.response.model": "gpt-4o-mini-2024",
    });

    const ttfc = h.get("gen_ai.client.operation.time_to_first_chunk")!;
    expect(ttfc).toMatchObject({ unit: "s", points: [{ count: 1, sum: 0.1 }] });
  });
});
