import { type Attributes, type Histogram, type MeterProvider, createNoopMeter, metrics } from "@opentelemetry/api";
import * as A from "./attributes";
import { numberAttribute, stringAttribute } from "./attribute-values";
import { errorType } from "./errors";

/**
 * GenAI client metric names, units and bucket boundaries (semantic conventions v1.41.0,
 * gen-ai metrics). The spec's unreleased main branch renames some of these: they live here only.
 */
/** `gen_ai.client.token.usage`: tokens per operation, by `gen_ai.token.type` (`input` / `output`). Unit `{token}`. */
export const METRIC_GEN_AI_CLIENT_TOKEN_USAGE = "gen_ai.client.token.usage" as const;
/** `gen_ai.client.operation.duration`: duration of a GenAI operation, in s. */
export const METRIC_GEN_AI_CLIENT_OPERATION_DURATION = "gen_ai.client.operation.duration" as const;
/** `gen_ai.client.operation.time_to_first_chunk`: time to the first streamed chunk, in s. */
export const METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk" as const;

/** Explicit bucket boundaries of `gen_ai.client.token.usage`, in tokens. */
export const TOKEN_USAGE_BUCKETS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] as const;
/** Explicit bucket boundaries of the duration and time-to-first-chunk histograms, in s. */
export const DURATION_BUCKETS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92] as const;

/** The attributes a GenAI metric point carries (a subset of the span's). */
export interface OperationMetricAttributes {
  operation: string;
  provider?: string;
  requestModel?: string;
  responseModel?: string;
  serverAddress?: string;
  serverPort?: number;
  /** Set when the operation failed: the `error.type` value. */
  errorType?: string;
}

/** One finished operation, as the metrics record it. */
export interface OperationMeasurement {
  /** Duration, in s. */
  durationS: number;
  inputTokens?: number;
  outputTokens?: number;
  /** Time to the first streamed chunk, in s (streaming only). */
  timeToFirstChunkS?: number;
}

function metricAttributes(a: OperationMetricAttributes): Attributes {
  const out: Attributes = { [A.ATTR_GEN_AI_OPERATION_NAME]: a.operation };
  if (a.provider) out[A.ATTR_GEN_AI_PROVIDER_NAME] = a.provider;
  if (a.requestModel) out[A.ATTR_GEN_AI_REQUEST_MODEL] = a.requestModel;
  if (a.responseModel) out[A.ATTR_GEN_AI_RESPONSE_MODEL] = a.responseModel;
  if (a.serverAddress) out[A.ATTR_SERVER_ADDRESS] = a.serverAddress;
  if (a.serverPort !== undefined) out[A.ATTR_SERVER_PORT] = a.serverPort;
  if (a.errorType) out[A.ATTR_ERROR_TYPE] = a.errorType;
  return out;
}

/**
 * The GenAI client metrics (token usage, operation duration, time to first chunk) as histograms
 * with the spec's units and explicit bucket boundaries given as instrument advice, through the
 * `@opentelemetry/api` metrics API. Instruments are created on first use from the given provider,
 * else the global one (a no-op until an SDK MeterProvider is registered). Never throws.
 */
export class GenAIMetrics {
  private instruments?: { provider: MeterProvider; noop: boolean; tokens: Histogram; duration: Histogram; ttfc: Histogram };

  /**
   * @param scopeName - instrumentation scope name (e.g. `@genai-otel/langchain-otel`)
   * @param scopeVersion - instrumentation scope version
   * @param meterProvider - where to record; default the global provider at first use
   */
  constructor(
    private readonly scopeName: string,
    private readonly scopeVersion: string,
    private readonly meterProvider?: MeterProvider,
  ) {}

  /** Instruments of the current provider (re-created if the global provider was replaced: the API has no proxy). */
  private get histograms() {
    const provider = this.meterProvider ?? metrics.getMeterProvider();
    if (this.instruments?.provider !== provider) {
      const meter = provider.getMeter(this.scopeName, this.scopeVersion);
      this.instruments = {
        provider,
        // the API's no-op meter (no SDK registered): recording would only build attribute objects
        noop: meter === createNoopMeter(),
        tokens: meter.createHistogram(METRIC_GEN_AI_CLIENT_TOKEN_USAGE, {
          unit: "{token}",
          description: "Number of input and output tokens used",
          advice: { explicitBucketBoundaries: [...TOKEN_USAGE_BUCKETS] },
        }),
        duration: meter.createHistogram(METRIC_GEN_AI_CLIENT_OPERATION_DURATION, {
          unit: "s",
          description: "GenAI operation duration",
          advice: { explicitBucketBoundaries: [...DURATION_BUCKETS] },
        }),
        ttfc: meter.createHistogram(METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK, {
          unit: "s",
          description: "Time to receive the first chunk of a streamed response",
          advice: { explicitBucketBoundaries: [...DURATION_BUCKETS] },
        }),
      };
    }
    return this.instruments;
  }

  /** False while the current meter provider is the API's no-op one (nothing would be recorded). */
  get enabled(): boolean {
    try {
      return !this.histograms.noop;
    } catch {
      return false;
    }
  }

  /** Records one finished operation: duration always, tokens and time to first chunk when known. */
  record(attributes: OperationMetricAttributes, m: OperationMeasurement): void {
    try {
      const h = this.histograms;
      if (h.noop) return;
      const attrs = metricAttributes(attributes);
      h.duration.record(m.durationS, attrs);
      if (m.timeToFirstChunkS !== undefined) h.ttfc.record(m.timeToFirstChunkS, attrs);
      if (m.inputTokens !== undefined) h.tokens.record(m.inputTokens, { ...attrs, [A.ATTR_GEN_AI_TOKEN_TYPE]: "input" });
      if (m.outputTokens !== undefined) h.tokens.record(m.outputTokens, { ...attrs, [A.ATTR_GEN_AI_TOKEN_TYPE]: "output" });
    } catch {
      // metrics must never reach the host
    }
  }

  /**
   * Records an operation from the attributes its span carries (start and end attributes merged):
   * operation, provider, models, server and usage are read from the GenAI span attributes, so an
   * adapter needs no metric-specific bookkeeping.
   *
   * @param spanAttributes - the span's GenAI attributes
   * @param durationS - operation duration, in s
   * @param error - the error the operation failed with, if any (becomes `error.type`)
   */
  recordFromSpan(spanAttributes: Attributes, durationS: number, error?: unknown): void {
    if (!this.enabled) return;
    const str = (key: string) => stringAttribute(spanAttributes, key);
    const num = (key: string) => numberAttribute(spanAttributes, key);
    const operation = str(A.ATTR_GEN_AI_OPERATION_NAME);
    if (!operation) return;
    this.record(
      {
        operation,
        provider: str(A.ATTR_GEN_AI_PROVIDER_NAME),
        requestModel: str(A.ATTR_GEN_AI_REQUEST_MODEL),
        responseModel: str(A.ATTR_GEN_AI_RESPONSE_MODEL),
        serverAddress: str(A.ATTR_SERVER_ADDRESS),
        serverPort: num(A.ATTR_SERVER_PORT),
        errorType: error === undefined ? undefined : errorType(error),
      },
      {
        durationS,
        inputTokens: num(A.ATTR_GEN_AI_USAGE_INPUT_TOKENS),
        outputTokens: num(A.ATTR_GEN_AI_USAGE_OUTPUT_TOKENS),
        timeToFirstChunkS: num(A.ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK),
      },
    );
  }
}
