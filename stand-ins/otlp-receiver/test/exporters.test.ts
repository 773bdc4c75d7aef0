import { Metadata } from "@grpc/grpc-js";
import { OTLPTraceExporter as GrpcExporter } from "@opentelemetry/exporter-trace-otlp-grpc";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OtlpReceiver, startOtlpReceiver } from "../src/index";
import { API_KEY, expectParentAndChild, exportParentAndChild } from "./helpers";

/** The exporters' `CompressionAlgorithm.GZIP` (otlp-exporter-base, which declares the enum, is no direct dependency). */
const GZIP = "gzip" as NonNullable<NonNullable<ConstructorParameters<typeof ProtoExporter>[0]>["compression"]>;

let receiver: OtlpReceiver;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
beforeEach(() => receiver.reset());
afterAll(() => receiver.close());

describe("real OTLP trace exporters", () => {
  it("http/json: decodes hex ids, int64 attributes, headers and content type", async () => {
    const ids = await exportParentAndChild(new JsonExporter({ url: `${receiver.httpUrl}/v1/traces`, headers: API_KEY }));
    expect(receiver.requests).toHaveLength(2); // SimpleSpanProcessor exports each span on end
    for (const request of receiver.requests) {
      expect(request).toMatchObject({ transport: "http", signal: "traces", path: "/v1/traces", outcome: "accepted" });
      expect(request.statusCode).toBe(200);
      expect(request.contentType).toBe("application/json");
      expect(request.contentEncoding).toBeUndefined();
      expect(request.headers["api-key"]).toBe("test-fake-key");
      expect(request.headers["user-agent"]).toMatch(/OTel-OTLP-Exporter-JavaScript/);
    }
    expectParentAndChild(receiver.spans(), ids);
  });

  it("http/protobuf: decodes the official protobuf encoding", async () => {
    const ids = await exportParentAndChild(new ProtoExporter({ url: `${receiver.httpUrl}/v1/traces`, headers: API_KEY }));
    expect(receiver.requests.map((request) => request.contentType)).toEqual([
      "application/x-protobuf",
      "application/x-protobuf",
    ]);
    expect(receiver.requests.every((request) => request.headers["api-key"] === "test-fake-key")).toBe(true);
    expectParentAndChild(await receiver.waitForSpans(2), ids);
  });

  it("http/protobuf with gzip compression", async () => {
    const exporter = new ProtoExporter({ url: `${receiver.httpUrl}/v1/traces`, headers: API_KEY, compression: GZIP });
    const ids = await exportParentAndChild(exporter);
    expect(receiver.requests.map((request) => request.contentEncoding)).toEqual(["gzip", "gzip"]);
    expectParentAndChild(receiver.spans(), ids);
  });

  it("grpc: decodes the Export call and records the metadata", async () => {
    const metadata = new Metadata();
    metadata.set("api-key", "test-fake-key");
    const ids = await exportParentAndChild(new GrpcExporter({ url: receiver.grpcUrl, metadata }));
    expect(receiver.requests).toHaveLength(2);
    for (const request of receiver.requests) {
      expect(request).toMatchObject({
        transport: "grpc",
        path: "/opentelemetry.proto.collector.trace.v1.TraceService/Export",
        outcome: "accepted",
        statusCode: 0,
        contentType: "application/grpc",
      });
      expect(request.contentEncoding).toBeUndefined();
      expect(request.headers["api-key"]).toBe("test-fake-key");
    }
    expectParentAndChild(receiver.spans(), ids);
  });

  it("grpc with gzip compression", async () => {
    const metadata = new Metadata();
    metadata.set("api-key", "test-fake-key");
    const exporter = new GrpcExporter({ url: receiver.grpcUrl, metadata, compression: GZIP });
    const ids = await exportParentAndChild(exporter);
    expect(receiver.requests.map((request) => request.contentEncoding)).toEqual(["gzip", "gzip"]);
    expectParentAndChild(receiver.spans(), ids);
  });
});
