import { headerIsProvided, optionOrEnv } from "../env";
import { missingCredential } from "../errors";
import { resolveChoice, resolveProtocol } from "../otlp/plan";
import { signalPath } from "../otlp/signal";
import type { OtlpMetricsOptions, OtlpProtocol, OtlpTransportOptions } from "../otlp/types";
import { joinUrl } from "../otlp/url";
import { defineOtlpPreset } from "./define-preset";

/** Honeycomb regions with their API hosts. */
export type HoneycombRegion = "us" | "eu";

const REGIONS: readonly HoneycombRegion[] = ["us", "eu"];
const BASE_URLS: Readonly<Record<HoneycombRegion, string>> = {
  us: "https://api.honeycomb.io",
  eu: "https://api.eu1.honeycomb.io",
};

/** Dataset of the metrics when neither `metricsDataset` nor `HONEYCOMB_METRICS_DATASET` names one. */
const DEFAULT_METRICS_DATASET = "genai-metrics";

/** Options of the `honeycomb` preset (Honeycomb's native OTLP endpoint, gRPC or HTTP). */
export interface HoneycombPresetOptions extends OtlpTransportOptions, OtlpMetricsOptions {
  /**
   * Honeycomb ingest API key, sent in the `x-honeycomb-team` header. Required unless the `headers`
   * option or `OTEL_EXPORTER_OTLP_HEADERS` provides `x-honeycomb-team`.
   * @defaultValue `HONEYCOMB_API_KEY`
   */
  apiKey?: string;
  /**
   * Region: `us` → `https://api.honeycomb.io`, `eu` → `https://api.eu1.honeycomb.io`. Ignored when
   * `baseUrl` or `endpoint` is given. From the environment, set `HONEYCOMB_API_ENDPOINT` instead.
   * @defaultValue `us` (unless `HONEYCOMB_API_ENDPOINT` is set)
   */
  region?: HoneycombRegion;
  /**
   * Honeycomb API host, as in Honeycomb's distributions (e.g. `https://api.eu1.honeycomb.io`).
   * Traces go to `<baseUrl>/v1/traces` (metrics to `<baseUrl>/v1/metrics`) over HTTP and to
   * `<baseUrl>` (port 443) over gRPC.
   * @defaultValue `HONEYCOMB_API_ENDPOINT`, else the region's host.
   */
  baseUrl?: string;
  /**
   * Dataset of the spans, sent in the `x-honeycomb-dataset` header: Honeycomb Classic only (newer
   * environments route spans by `service.name`).
   * @defaultValue `HONEYCOMB_DATASET`, else none.
   */
  dataset?: string;
  /**
   * Dataset of the metrics, sent in the `x-honeycomb-dataset` header of the metrics requests
   * (Honeycomb puts metrics without one in `unknown_metrics`).
   * @defaultValue `HONEYCOMB_METRICS_DATASET` (the variable of Honeycomb's distributions), else `"genai-metrics"`.
   */
  metricsDataset?: string;
  /**
   * Exporter to use (for metrics too); Honeycomb takes all three.
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` (metrics: `OTEL_EXPORTER_OTLP_METRICS_PROTOCOL`) /
   *   `OTEL_EXPORTER_OTLP_PROTOCOL` if set, else `"http/protobuf"`.
   */
  protocol?: OtlpProtocol;
}

/**
 * The `honeycomb` preset: OTLP to Honeycomb (US or EU) with the `x-honeycomb-team` header; metrics
 * (cumulative) also carry the `x-honeycomb-dataset` header naming their dataset.
 */
export const honeycombPreset = defineOtlpPreset<HoneycombPresetOptions>(
  "honeycomb",
  (options, signal) => {
    const apiKey = optionOrEnv(options.apiKey, "apiKey", "HONEYCOMB_API_KEY");
    if (apiKey === undefined && !headerIsProvided("x-honeycomb-team", options.headers, signal)) {
      throw missingCredential("honeycomb", "an API key", "apiKey", "HONEYCOMB_API_KEY", "x-honeycomb-team");
    }
    const protocol = resolveProtocol("honeycomb", options.protocol, ["http/protobuf", "http/json", "grpc"], "http/protobuf", signal);
    // baseUrl option > region option > HONEYCOMB_API_ENDPOINT > US; only the US default yields to OTEL_EXPORTER_OTLP_*ENDPOINT.
    const region = resolveChoice("honeycomb", "region", REGIONS, { name: "region", value: options.region }, undefined, "us");
    const baseOption = optionOrEnv(options.baseUrl, "baseUrl");
    const chosen = baseOption ?? (options.region !== undefined ? { value: BASE_URLS[region], source: 'option "region"' } : optionOrEnv(undefined, "", "HONEYCOMB_API_ENDPOINT"));
    const host = chosen?.value ?? BASE_URLS.us;
    const url = protocol === "grpc" ? (/:\d+\/?$/.test(host) ? host : `${host.replace(/\/+$/, "")}:443`) : joinUrl(host, signalPath(signal));
    const dataset =
      signal === "metrics"
        ? (optionOrEnv(options.metricsDataset, "metricsDataset", "HONEYCOMB_METRICS_DATASET") ?? { value: DEFAULT_METRICS_DATASET })
        : optionOrEnv(options.dataset, "dataset", "HONEYCOMB_DATASET");
    return {
      preset: "honeycomb",
      protocol,
      ...(chosen === undefined ? { defaultEndpoint: url } : { endpoint: { url, source: chosen.source } }),
      headers: {
        ...(apiKey === undefined ? {} : { "x-honeycomb-team": apiKey.value }),
        ...(dataset === undefined ? {} : { "x-honeycomb-dataset": dataset.value }),
      },
      conventions: "none",
    };
  },
  { temporality: "cumulative" },
);
