/**
 * OTLP/gRPC: `opentelemetry.proto.collector.{trace,metrics}.v1.{Trace,Metrics}Service/Export`, served by
 * `@grpc/grpc-js` with generic service definitions whose (de)serialisers are the generated protobufjs types.
 * grpc-js itself undoes `grpc-encoding: gzip`/`deflate`, and strips `grpc-encoding` (and `content-type`)
 * from the metadata the handler sees; an interceptor puts the encoding back (see {@link restoreEncoding}).
 * @module
 */
import {
  type Metadata,
  Server,
  ServerCredentials,
  ServerInterceptingCall,
  type ServerInterceptor,
  type ServerUnaryCall,
  type ServiceDefinition,
  type sendUnaryData,
  status,
} from "@grpc/grpc-js";
import type { Signal } from "./codec";
import { normalizeMetrics } from "./normalize-metrics";
import { normalizeTraces } from "./normalize-traces";
import { type MessageCodec, otlpTypes } from "./proto";
import type { ReceiverState } from "./state";
import type { ReceivedRequest } from "./types";

/** The gRPC method paths of the two export services. */
export const GRPC_PATHS = {
  traces: "/opentelemetry.proto.collector.trace.v1.TraceService/Export",
  metrics: "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export",
} as const satisfies Record<Signal, string>;

function exportService<Req>(path: string, request: MessageCodec<Req>, response: MessageCodec<object>): ServiceDefinition {
  return {
    Export: {
      path,
      requestStream: false,
      responseStream: false,
      requestSerialize: (message: object) => Buffer.from(request.encode(message).finish()),
      requestDeserialize: (bytes: Buffer) => request.decode(bytes),
      responseSerialize: (message: object) => Buffer.from(response.encode(message).finish()),
      responseDeserialize: (bytes: Buffer) => response.decode(bytes),
    },
  };
}

/**
 * Restores `grpc-encoding` into the call metadata when a request was compressed. grpc-js keeps the value
 * only on its (TypeScript-private) `incomingEncoding` field of the base call, which is the call the first
 * server interceptor receives; when that field is missing (another grpc-js version) nothing is added.
 */
export const restoreEncoding: ServerInterceptor = (_method, call) =>
  new ServerInterceptingCall(call, {
    start: (next) =>
      next({
        onReceiveMetadata: (metadata, forward) => {
          const encoding = (call as unknown as { incomingEncoding?: unknown }).incomingEncoding;
          if (typeof encoding === "string" && encoding !== "identity") metadata.set("grpc-encoding", encoding);
          forward(metadata);
        },
      }),
  });

function metadataHeaders(metadata: Metadata): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata.getMap())) {
    out[key.toLowerCase()] = typeof value === "string" ? value : value.toString("base64");
  }
  return out;
}

function exportHandler(signal: Signal, state: ReceiverState) {
  return (call: ServerUnaryCall<object, object>, callback: sendUnaryData<object>) => {
    const headers = metadataHeaders(call.metadata);
    const content =
      signal === "traces"
        ? { spans: normalizeTraces(call.request), metrics: [] }
        : { spans: [], metrics: normalizeMetrics(call.request) };
    const request: ReceivedRequest = {
      transport: "grpc",
      signal,
      path: GRPC_PATHS[signal],
      contentType: headers["content-type"] ?? "application/grpc",
      headers,
      ...content,
      outcome: "pending",
    };
    if (headers["grpc-encoding"]) request.contentEncoding = headers["grpc-encoding"];
    state.handle(request, {
      accept: () => {
        callback(null, {});
        return status.OK;
      },
      refuse: (reason) => {
        const code = reason === "unavailable" ? status.UNAVAILABLE : status.RESOURCE_EXHAUSTED;
        callback({ code, details: `${reason} (simulated)` });
        return code;
      },
    });
  };
}

/** Starts the OTLP/gRPC server (insecure) on 127.0.0.1; resolves with the server and its URL. */
export async function startGrpcServer(state: ReceiverState, port = 0): Promise<{ server: Server; url: string }> {
  const types = otlpTypes();
  const server = new Server({ interceptors: [restoreEncoding] });
  server.addService(
    exportService(GRPC_PATHS.traces, types.ExportTraceServiceRequest, types.ExportTraceServiceResponse),
    { Export: exportHandler("traces", state) },
  );
  server.addService(
    exportService(GRPC_PATHS.metrics, types.ExportMetricsServiceRequest, types.ExportMetricsServiceResponse),
    { Export: exportHandler("metrics", state) },
  );
  const bound = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, actual) =>
      error ? reject(error) : resolve(actual),
    );
  });
  return { server, url: `http://127.0.0.1:${bound}` };
}
