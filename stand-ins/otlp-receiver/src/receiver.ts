/**
 * The receiver: one HTTP and one gRPC server over a shared {@link ReceiverState}.
 * @module
 */
import { startGrpcServer } from "./grpc-server";
import { closeHttpServer, startHttpServer } from "./http-server";
import { ReceiverState } from "./state";
import type { OtlpReceiver, OtlpReceiverOptions } from "./types";

const DEFAULT_WAIT_MS = 5000;

/**
 * Starts an OTLP receiver on 127.0.0.1: OTLP/HTTP (protobuf and JSON, gzip/deflate/br) on one ephemeral
 * port and OTLP/gRPC on another, for traces and metrics. Close it with `close()` so the test process exits.
 */
export async function startOtlpReceiver(options: OtlpReceiverOptions = {}): Promise<OtlpReceiver> {
  const { httpPort, grpcPort, mode, ...faults } = options;
  const state = new ReceiverState(mode, faults);
  const http = await startHttpServer(state, httpPort);
  let grpc: Awaited<ReturnType<typeof startGrpcServer>>;
  try {
    grpc = await startGrpcServer(state, grpcPort);
  } catch (error) {
    await closeHttpServer(http.server);
    throw error;
  }
  return {
    httpUrl: http.url,
    grpcUrl: grpc.url,
    requests: state.requests,
    spans: () => state.spans(),
    metrics: () => state.metrics(),
    waitForSpans: (condition, timeoutMs = DEFAULT_WAIT_MS) =>
      state.waitFor(() => state.spans(), condition, timeoutMs, "spans"),
    waitForMetrics: (condition, timeoutMs = DEFAULT_WAIT_MS) =>
      state.waitFor(() => state.metrics(), condition, timeoutMs, "metrics"),
    reset: () => state.reset(),
    setMode: (next, faultOptions) => state.setMode(next, faultOptions),
    close: async () => {
      state.close();
      grpc.server.forceShutdown();
      await closeHttpServer(http.server);
    },
  };
}
