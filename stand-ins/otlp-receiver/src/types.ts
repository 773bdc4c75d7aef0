/**
 * Public types of the OTLP receiver.
 * @module
 */

/** Attribute maps as decoded: string, number (int64 as number), boolean, arrays, nested maps, bytes. */
export type Attributes = Record<string, unknown>;

/** The instrumentation scope of a span or metric. */
export interface ReceivedScope {
  name: string;
  version?: string;
}

/** A span event. */
export interface ReceivedEvent {
  name: string;
  timeUnixNano: bigint;
  attributes: Attributes;
}

/** A span link. */
export interface ReceivedLink {
  traceId: string;
  spanId: string;
  attributes: Attributes;
}

/** A decoded span in a plain shape; ids are lower-case hex. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** Absent for root spans. */
  parentSpanId?: string;
  name: string;
  /** OTLP SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  durationMs: number;
  attributes: Attributes;
  /** OTLP StatusCode: 0 unset, 1 ok, 2 error. */
  status: { code: number; message?: string };
  events: ReceivedEvent[];
  links: ReceivedLink[];
  resource: Attributes;
  scope: ReceivedScope;
}

/** One data point of a metric; which fields are set depends on {@link ReceivedMetric.type}. */
export interface ReceivedDataPoint {
  attributes: Attributes;
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  /** Gauge and sum points (`asInt` or `asDouble`). */
  value?: number;
  /** Histogram, exponential histogram and summary points. */
  count?: number;
  sum?: number;
  min?: number;
  max?: number;
  /** Histogram points. */
  bucketCounts?: number[];
  explicitBounds?: number[];
  /** Exponential histogram points. */
  scale?: number;
  zeroCount?: number;
  positive?: { offset: number; bucketCounts: number[] };
  negative?: { offset: number; bucketCounts: number[] };
  /** Summary points. */
  quantileValues?: { quantile: number; value: number }[];
}

/** A decoded metric in a plain shape. */
export interface ReceivedMetric {
  name: string;
  description?: string;
  unit?: string;
  type: "gauge" | "sum" | "histogram" | "exponentialHistogram" | "summary" | "unknown";
  /** Sums and histograms: 1 delta, 2 cumulative. */
  aggregationTemporality?: number;
  /** Sums only. */
  isMonotonic?: boolean;
  dataPoints: ReceivedDataPoint[];
  resource: Attributes;
  scope: ReceivedScope;
}

/** What happened to a request. */
export type RequestOutcome = "accepted" | "refused" | "pending";

/** One export request as received, with its metadata and decoded content. */
export interface ReceivedRequest {
  transport: "grpc" | "http";
  signal: "traces" | "metrics";
  /** HTTP path, or the gRPC method path (`/opentelemetry.proto.collector.trace.v1.TraceService/Export`). */
  path: string;
  /** HTTP `content-type`; `application/grpc` for gRPC. */
  contentType?: string;
  /** HTTP `content-encoding`, or gRPC `grpc-encoding`. */
  contentEncoding?: string;
  /** Lower-case header names; for gRPC, the call metadata. */
  headers: Record<string, string>;
  spans: ReceivedSpan[];
  metrics: ReceivedMetric[];
  /** `pending` until answered (forever in `hang` mode); `refused` for 503/429 (or their gRPC codes). */
  outcome: RequestOutcome;
  /** The HTTP status or gRPC status code answered, once answered. */
  statusCode?: number;
}

/**
 * How the receiver answers.
 * - **ok**: accept (HTTP 200 / gRPC OK) with an empty Export*ServiceResponse.
 * - **refuse-503**: HTTP 503 / gRPC UNAVAILABLE (14).
 * - **throttle-429**: HTTP 429 (with `Retry-After` when `retryAfterSeconds` is set) / gRPC RESOURCE_EXHAUSTED (8).
 * - **hang**: never answer (the exporter times out); connections are dropped on `close()`.
 * - **slow**: accept after `slowDelayMs`.
 */
export type FaultMode = "ok" | "refuse-503" | "throttle-429" | "hang" | "slow";

/** Tuning of the fault modes. */
export interface FaultOptions {
  /** Delay of the `slow` mode. @defaultValue 1000 */
  slowDelayMs?: number;
  /** `Retry-After` seconds sent in `throttle-429` mode (0 makes OTel exporters retry at once). @defaultValue no header */
  retryAfterSeconds?: number;
}

/** Options of {@link startOtlpReceiver}. */
export interface OtlpReceiverOptions extends FaultOptions {
  /** HTTP port. @defaultValue 0 (ephemeral) */
  httpPort?: number;
  /** gRPC port. @defaultValue 0 (ephemeral) */
  grpcPort?: number;
  /** Initial fault mode. @defaultValue "ok" */
  mode?: FaultMode;
}

/** A condition to wait for: a minimum count, or a predicate on single items. */
export type WaitCondition<T> = number | ((item: T) => boolean);

/** A running receiver. */
export interface OtlpReceiver {
  /** `http://127.0.0.1:PORT`; exporters post to `${httpUrl}/v1/traces`. */
  httpUrl: string;
  /** `http://127.0.0.1:PORT` of the gRPC server (insecure). */
  grpcUrl: string;
  /** Every request received, in arrival order, whatever its outcome. */
  requests: ReceivedRequest[];
  /** Spans of accepted requests, in arrival order. */
  spans(): ReceivedSpan[];
  /** Metrics of accepted requests, in arrival order. */
  metrics(): ReceivedMetric[];
  /**
   * Waits for spans: with a count, resolves with all spans once at least that many were accepted; with a
   * predicate, resolves with the matching spans once at least one matched. Rejects after `timeoutMs`
   * (default 5000) listing what arrived.
   */
  waitForSpans(condition: WaitCondition<ReceivedSpan>, timeoutMs?: number): Promise<ReceivedSpan[]>;
  /** Like {@link OtlpReceiver.waitForSpans}, for metrics. */
  waitForMetrics(condition: WaitCondition<ReceivedMetric>, timeoutMs?: number): Promise<ReceivedMetric[]>;
  /** Forgets all requests and sets the mode back to `ok`. */
  reset(): void;
  /** Changes how the next requests are answered (see {@link FaultMode}). */
  setMode(mode: FaultMode, options?: FaultOptions): void;
  /** Stops both servers, drops open connections and rejects pending waits. */
  close(): Promise<void>;
}
