import { deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OtlpReceiver, otlpTypes, startOtlpReceiver } from "../src/index";

let receiver: OtlpReceiver;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
beforeEach(() => receiver.reset());
afterAll(() => receiver.close());

const TRACE_ID = "5B8EFFF798038103D269B633813FC60C";
const SPAN_ID = "EEE19B7EC3C1B174";

/** An OTLP/JSON trace request exercising the spec's encoding rules (and some tolerated variants). */
function jsonTraceRequest() {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "json-test" } }] },
        scopeSpans: [
          {
            scope: { name: "manual" },
            spans: [
              {
                traceId: TRACE_ID,
                spanId: SPAN_ID,
                parentSpanId: "",
                name: "op",
                kind: "SPAN_KIND_CLIENT",
                startTimeUnixNano: "1544712660000000000",
                endTimeUnixNano: 1544712661000000000,
                attributes: [
                  { key: "int.string", value: { intValue: "8" } },
                  { key: "int.number", value: { intValue: 7 } },
                  { key: "double", value: { doubleValue: 2.5 } },
                  { key: "bool", value: { boolValue: true } },
                  { key: "array", value: { arrayValue: { values: [{ stringValue: "x" }, { intValue: "1" }] } } },
                  { key: "kvlist", value: { kvlistValue: { values: [{ key: "k", value: { stringValue: "v" } }] } } },
                  { key: "bytes", value: { bytesValue: "AQID" } },
                  { key: "empty", value: {} },
                ],
                events: [{ name: "e", timeUnixNano: "1544712660500000000", attributes: [] }],
                links: [{ traceId: TRACE_ID, spanId: "0102030405060708", attributes: [] }],
                status: { code: 2, message: "bad" },
              },
            ],
          },
        ],
      },
    ],
  };
}

async function post(path: string, body: Uint8Array | string, headers: Record<string, string>) {
  const response = await fetch(`${receiver.httpUrl}${path}`, { method: "POST", body, headers });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.arrayBuffer() };
}

describe("OTLP/HTTP decoding", () => {
  it("decodes OTLP/JSON: hex ids, int64 as string or number, enum names, nested values; deflate", async () => {
    const body = deflateSync(JSON.stringify(jsonTraceRequest()));
    const response = await post("/v1/traces", body, {
      "content-type": "application/json",
      "content-encoding": "deflate",
    });
    expect(response.status).toBe(200);
    expect(response.type).toBe("application/json");
    expect(Buffer.from(response.body).toString()).toBe("{}");
    const [span] = receiver.spans();
    expect(span).toEqual({
      traceId: TRACE_ID.toLowerCase(),
      spanId: SPAN_ID.toLowerCase(),
      name: "op",
      kind: 3,
      startTimeUnixNano: 1544712660000000000n,
      endTimeUnixNano: 1544712661000000000n,
      durationMs: 1000,
      attributes: {
        "int.string": 8,
        "int.number": 7,
        double: 2.5,
        bool: true,
        array: ["x", 1],
        kvlist: { k: "v" },
        bytes: new Uint8Array([1, 2, 3]),
        empty: undefined,
      },
      status: { code: 2, message: "bad" },
      events: [{ name: "e", timeUnixNano: 1544712660500000000n, attributes: {} }],
      links: [{ traceId: TRACE_ID.toLowerCase(), spanId: "0102030405060708", attributes: {} }],
      resource: { "service.name": "json-test" },
      scope: { name: "manual" },
    });
    expect(receiver.requests[0]).toMatchObject({ contentEncoding: "deflate", contentType: "application/json" });
  });

  it("decodes protobuf and answers with an empty protobuf ExportTraceServiceResponse", async () => {
    const { ExportTraceServiceRequest } = otlpTypes();
    const request = jsonTraceRequest();
    const span = request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    Object.assign(span, {
      traceId: Buffer.from(TRACE_ID, "hex"),
      spanId: Buffer.from(SPAN_ID, "hex"),
      parentSpanId: Buffer.from("0102030405060708", "hex"),
      kind: 3,
      links: [],
    });
    const bytes = ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(request)).finish();
    const response = await post("/v1/traces", gzipSync(bytes), {
      "content-type": "application/x-protobuf",
      "content-encoding": "gzip",
    });
    expect(response).toMatchObject({ status: 200, type: "application/x-protobuf" });
    expect(response.body.byteLength).toBe(0);
    const [decoded] = receiver.spans();
    expect(decoded).toMatchObject({
      traceId: TRACE_ID.toLowerCase(),
      parentSpanId: "0102030405060708",
      kind: 3,
      durationMs: 1000,
      attributes: { "int.string": 8, "int.number": 7, array: ["x", 1], kvlist: { k: "v" }, bytes: new Uint8Array([1, 2, 3]) },
    });
  });

  it("rejects unknown paths, content types and undecodable bodies without recording them", async () => {
    expect((await post("/v1/logs", "{}", { "content-type": "application/json" })).status).toBe(404);
    expect((await post("/v1/traces", "x", { "content-type": "text/plain" })).status).toBe(415);
    expect((await post("/v1/traces", "{not json", { "content-type": "application/json" })).status).toBe(400);
    expect((await post("/v1/traces", "x", { "content-type": "application/json", "content-encoding": "zstd" })).status).toBe(
      400,
    );
    expect(receiver.requests).toEqual([]);
  });
});
