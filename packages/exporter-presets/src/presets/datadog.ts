import { optionOrEnv } from "../env";
import { resolveProtocol } from "../otlp/plan";
import { signalPath } from "../otlp/signal";
import type { OtlpMetricsOptions, OtlpProtocol, OtlpTransportOptions } from "../otlp/types";
import { formatHost } from "../otlp/url";
import { defineOtlpPreset } from "./define-preset";

/**
 * Options of the `datadog` preset: OTLP to a local Datadog Agent (Agent 7.32+ with its OTLP
 * receiver enabled, `otlp_config.receiver.protocols.{http,grpc}`). No credential: the Agent holds
 * the API key. For LLM Observability without an Agent, see the `datadog-llmobs` preset.
 */
export interface DatadogPresetOptions extends OtlpTransportOptions, OtlpMetricsOptions {
  /**
   * Exporter to use (for metrics too): the Agent's OTLP receiver listens on 4318 for HTTP and 4317 for gRPC.
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` (metrics: `OTEL_EXPORTER_OTLP_METRICS_PROTOCOL`) /
   *   `OTEL_EXPORTER_OTLP_PROTOCOL` if set, else `"http/protobuf"`.
   */
  protocol?: OtlpProtocol;
  /**
   * Host of the Agent; the endpoint becomes `http://<host>:4318/v1/traces` and `…/v1/metrics` (HTTP)
   * or `http://<host>:4317` (gRPC).
   * Ignored when `endpoint` is given.
   * @defaultValue `DD_AGENT_HOST`, else `"localhost"`.
   */
  agentHost?: string;
}

/**
 * The `datadog` preset: a local Datadog Agent's OTLP receiver over HTTP or gRPC, for spans and
 * metrics (delta temporality, which the Agent prefers).
 */
export const datadogPreset = defineOtlpPreset<DatadogPresetOptions>(
  "datadog",
  (options, signal) => {
    const protocol = resolveProtocol("datadog", options.protocol, ["http/protobuf", "http/json", "grpc"], "http/protobuf", signal);
    const chosen = optionOrEnv(options.agentHost, "agentHost", "DD_AGENT_HOST");
    const host = formatHost(chosen?.value ?? "localhost");
    const url = protocol === "grpc" ? `http://${host}:4317` : `http://${host}:4318/${signalPath(signal)}`;
    // An explicitly chosen Agent host is as specific as the `endpoint` option; the default is not.
    const source = chosen?.source;
    return {
      preset: "datadog",
      protocol,
      ...(source === undefined ? { defaultEndpoint: url } : { endpoint: { url, source } }),
      headers: {},
      // Datadog APM shows any attributes; LLM Observability (see the datadog-llmobs preset) reads GenAI 1.37+.
      conventions: "none",
    };
  },
  { temporality: "delta" },
);
