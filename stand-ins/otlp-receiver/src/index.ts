/**
 * `@genai-otel-internal/otlp-receiver`: an OTLP trace/metrics receiver on 127.0.0.1 (gRPC and HTTP,
 * protobuf and JSON, compressed or not) that decodes the official OTLP messages into plain spans and
 * metrics, records request metadata and can simulate collector faults.
 * @packageDocumentation
 */
export type { BodyFormat, Signal } from "./codec";
export { GRPC_PATHS } from "./grpc-server";
export { GENERATED_ROOT_PATH, type MessageCodec, type OtlpCollectorTypes, otlpTypes } from "./proto";
export { startOtlpReceiver } from "./receiver";
export { formatSpanTree } from "./span-tree";
export type {
  Attributes,
  FaultMode,
  FaultOptions,
  OtlpReceiver,
  OtlpReceiverOptions,
  ReceivedDataPoint,
  ReceivedEvent,
  ReceivedLink,
  ReceivedMetric,
  ReceivedRequest,
  ReceivedScope,
  ReceivedSpan,
  RequestOutcome,
  WaitCondition,
} from "./types";
