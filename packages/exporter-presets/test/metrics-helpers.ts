import type { ReceivedMetric } from "@genai-otel-internal/otlp-receiver";
import { DURATION_BUCKETS, GenAIMetrics, TOKEN_USAGE_BUCKETS } from "@genai-otel/core-semconv";
import type { MeterProvider } from "@opentelemetry/api";
import { expect } from "vitest";

/** OTLP AggregationTemporality values, as the receiver decodes them. */
export const DELTA = 1;
export const CUMULATIVE = 2;

/** The attributes of the recorded operation, as they arrive. */
export const OPERATION_ATTRIBUTES = {
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": "gpt-4o-mini",
  "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
  "server.address": "api.openai.com",
  "server.port": 443,
};

/**
 * Records one streamed chat operation (0.3 s, 10 input and 20 output tokens, first chunk after
 * 0.05 s) through `GenAIMetrics`, on the global meter provider unless one is given.
 */
export function recordChat(meterProvider?: MeterProvider): void {
  new GenAIMetrics("test", "1", meterProvider).record(
    {
      operation: "chat",
      provider: "openai",
      requestModel: "gpt-4o-mini",
      responseModel: "gpt-4o-mini-2024-07-18",
      serverAddress: "api.openai.com",
      serverPort: 443,
    },
    { durationS: 0.3, inputTokens: 10, outputTokens: 20, timeToFirstChunkS: 0.05 },
  );
}

/**
 * Checks the three GenAI histograms of {@link recordChat} as received: names, units, bucket
 * boundaries, attributes, values, temporality, scope and resource.
 */
export function expectChatMetrics(metrics: readonly ReceivedMetric[], temporality: number, resource: Record<string, unknown> = {}): void {
  const byName = (name: string) => {
    const found = metrics.filter((metric) => metric.name === name);
    expect(found, name).toHaveLength(1);
    return found[0]!;
  };
  const histogram = (name: string, unit: string, bounds: readonly number[]) => {
    const metric = byName(name);
    expect(metric).toMatchObject({ unit, type: "histogram", aggregationTemporality: temporality, scope: { name: "test", version: "1" } });
    expect(metric.resource).toMatchObject(resource);
    for (const point of metric.dataPoints) expect(point.explicitBounds).toEqual([...bounds]);
    return metric;
  };

  const duration = histogram("gen_ai.client.operation.duration", "s", DURATION_BUCKETS);
  expect(duration.dataPoints).toHaveLength(1);
  expect(duration.dataPoints[0]).toMatchObject({ attributes: OPERATION_ATTRIBUTES, count: 1, sum: 0.3 });

  const ttfc = histogram("gen_ai.client.operation.time_to_first_chunk", "s", DURATION_BUCKETS);
  expect(ttfc.dataPoints).toHaveLength(1);
  expect(ttfc.dataPoints[0]).toMatchObject({ attributes: OPERATION_ATTRIBUTES, count: 1, sum: 0.05 });

  const tokens = histogram("gen_ai.client.token.usage", "{token}", TOKEN_USAGE_BUCKETS);
  const byType = (type: string) => tokens.dataPoints.find((point) => point.attributes["gen_ai.token.type"] === type);
  expect(tokens.dataPoints).toHaveLength(2);
  expect(byType("input")).toMatchObject({ attributes: { ...OPERATION_ATTRIBUTES, "gen_ai.token.type": "input" }, count: 1, sum: 10 });
  expect(byType("output")).toMatchObject({ attributes: { ...OPERATION_ATTRIBUTES, "gen_ai.token.type": "output" }, count: 1, sum: 20 });
  // 10 tokens fall in the (4, 16] bucket, 20 in (16, 64].
  expect(byType("input")!.bucketCounts![2]).toBe(1);
  expect(byType("output")!.bucketCounts![3]).toBe(1);
}
