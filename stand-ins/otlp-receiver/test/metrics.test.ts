import { credentials, Metadata, makeGenericClientConstructor } from "@grpc/grpc-js";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GRPC_PATHS, type OtlpReceiver, otlpTypes, type ReceivedMetric, startOtlpReceiver } from "../src/index";

let receiver: OtlpReceiver;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
beforeEach(() => receiver.reset());
afterAll(() => receiver.close());

const T0 = "1700000000000000000";
const T1 = "1700000001000000000";
const attrs = (type: string) => [{ key: "gen_ai.token.type", value: { stringValue: type } }];

/** An ExportMetricsServiceRequest, valid both as OTLP/JSON and as protobufjs `fromObject` input. */
const metricsRequest = {
  resourceMetrics: [
    {
      resource: { attributes: [{ key: "service.name", value: { stringValue: "metrics-test" } }] },
      scopeMetrics: [
        {
          scope: { name: "genai", version: "0.1.0" },
          metrics: [
            {
              name: "gen_ai.client.token.usage",
              description: "Number of tokens",
              unit: "{token}",
              histogram: {
                aggregationTemporality: 2,
                dataPoints: [
                  {
                    attributes: attrs("input"),
                    startTimeUnixNano: T0,
                    timeUnixNano: T1,
                    count: "3",
                    sum: 30,
                    min: 5,
                    max: 15,
                    bucketCounts: ["1", "2", "0"],
                    explicitBounds: [10, 20],
                  },
                ],
              },
            },
            {
              name: "requests",
              sum: {
                aggregationTemporality: 1,
                isMonotonic: true,
                dataPoints: [{ startTimeUnixNano: T0, timeUnixNano: T1, asInt: "5" }],
              },
            },
            { name: "temperature", gauge: { dataPoints: [{ timeUnixNano: T1, asDouble: 21.5 }] } },
          ],
        },
      ],
    },
  ],
};

const resource = { "service.name": "metrics-test" };
const scope = { name: "genai", version: "0.1.0" };
const expected: ReceivedMetric[] = [
  {
    name: "gen_ai.client.token.usage",
    description: "Number of tokens",
    unit: "{token}",
    type: "histogram",
    aggregationTemporality: 2,
    dataPoints: [
      {
        attributes: { "gen_ai.token.type": "input" },
        startTimeUnixNano: BigInt(T0),
        timeUnixNano: BigInt(T1),
        count: 3,
        sum: 30,
        min: 5,
        max: 15,
        bucketCounts: [1, 2, 0],
        explicitBounds: [10, 20],
      },
    ],
    resource,
    scope,
  },
  {
    name: "requests",
    type: "sum",
    aggregationTemporality: 1,
    isMonotonic: true,
    dataPoints: [{ attributes: {}, startTimeUnixNano: BigInt(T0), timeUnixNano: BigInt(T1), value: 5 }],
    resource,
    scope,
  },
  {
    name: "temperature",
    type: "gauge",
    dataPoints: [{ attributes: {}, startTimeUnixNano: 0n, timeUnixNano: BigInt(T1), value: 21.5 }],
    resource,
    scope,
  },
];

describe("metrics", () => {
  it("decodes OTLP/JSON metrics over HTTP", async () => {
    const response = await fetch(`${receiver.httpUrl}/v1/metrics`, {
      method: "POST",
      body: JSON.stringify(metricsRequest),
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(200);
    expect(receiver.metrics()).toEqual(expected);
    expect(receiver.requests[0]).toMatchObject({ signal: "metrics", path: "/v1/metrics", spans: [] });
  });

  it("decodes gzipped protobuf metrics over HTTP", async () => {
    const { ExportMetricsServiceRequest } = otlpTypes();
    const bytes = ExportMetricsServiceRequest.encode(ExportMetricsServiceRequest.fromObject(metricsRequest)).finish();
    const response = await fetch(`${receiver.httpUrl}/v1/metrics`, {
      method: "POST",
      body: gzipSync(bytes),
      headers: { "content-type": "application/x-protobuf", "content-encoding": "gzip" },
    });
    expect(response.status).toBe(200);
    expect(await receiver.waitForMetrics((metric) => metric.name === "temperature")).toHaveLength(1);
    expect(receiver.metrics()).toEqual(expected);
  });

  it("serves MetricsService/Export over gRPC", async () => {
    const types = otlpTypes();
    const Client = makeGenericClientConstructor(
      {
        Export: {
          path: GRPC_PATHS.metrics,
          requestStream: false,
          responseStream: false,
          requestSerialize: (message: object) =>
            Buffer.from(types.ExportMetricsServiceRequest.encode(types.ExportMetricsServiceRequest.fromObject(message)).finish()),
          requestDeserialize: (bytes: Buffer) => types.ExportMetricsServiceRequest.decode(bytes),
          responseSerialize: (message: object) => Buffer.from(types.ExportMetricsServiceResponse.encode(message).finish()),
          responseDeserialize: (bytes: Buffer) => types.ExportMetricsServiceResponse.decode(bytes),
        },
      },
      "MetricsService",
    );
    const client = new Client(receiver.grpcUrl.replace("http://", ""), credentials.createInsecure()) as unknown as {
      Export(request: object, metadata: Metadata, callback: (error: Error | null) => void): void;
      close(): void;
    };
    const metadata = new Metadata();
    metadata.set("x-honeycomb-team", "test-fake-key");
    await new Promise<void>((resolve, reject) =>
      client.Export(metricsRequest, metadata, (error) => (error ? reject(error) : resolve())),
    );
    client.close();
    expect(receiver.metrics()).toEqual(expected);
    expect(receiver.requests[0]).toMatchObject({
      transport: "grpc",
      signal: "metrics",
      path: "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export",
      headers: { "x-honeycomb-team": "test-fake-key" },
    });
  });
});
