import { headerIsProvided, optionOrEnv } from "../env";
import { missingCredential } from "../errors";
import { resolveChoice, resolveProtocol } from "../otlp/plan";
import { signalPath } from "../otlp/signal";
import type { OtlpMetricsOptions, OtlpProtocol, OtlpTransportOptions } from "../otlp/types";
import { defineOtlpPreset } from "./define-preset";

/** New Relic data-center regions with their OTLP endpoints. */
export type NewRelicRegion = "us" | "eu" | "fedramp";

const REGIONS: readonly NewRelicRegion[] = ["us", "eu", "fedramp"];
const HOSTS: Readonly<Record<NewRelicRegion, string>> = {
  us: "otlp.nr-data.net",
  eu: "otlp.eu01.nr-data.net",
  fedramp: "gov-otlp.nr-data.net",
};

/** New Relic keeps attribute values up to this many characters. */
export const NEW_RELIC_ATTRIBUTE_VALUE_LIMIT = 4095;
/** New Relic keeps array attribute values up to this many items. */
const NEW_RELIC_ARRAY_LIMIT = 64;
/** New Relic rejects OTLP payloads over 1 MB. */
const NEW_RELIC_MAX_PAYLOAD_BYTES = 1_000_000;

/** Options of the `newrelic` preset (New Relic's native OTLP endpoint). */
export interface NewRelicPresetOptions extends OtlpTransportOptions, OtlpMetricsOptions {
  /**
   * New Relic license (ingest) key, sent in the `api-key` header. Required unless the `headers`
   * option or `OTEL_EXPORTER_OTLP_HEADERS` provides `api-key`.
   * @defaultValue `NEW_RELIC_LICENSE_KEY`
   */
  licenseKey?: string;
  /**
   * Data-center region: `us` → `https://otlp.nr-data.net`, `eu` → `https://otlp.eu01.nr-data.net`,
   * `fedramp` → `https://gov-otlp.nr-data.net` (`/v1/traces` and `/v1/metrics` on 443 for HTTP, port 4317 for gRPC).
   * Ignored when `endpoint` is given.
   * @defaultValue `NEW_RELIC_REGION`, else `eu` for a license key starting with `eu`, else `us`.
   */
  region?: NewRelicRegion;
  /**
   * Exporter to use (for metrics too).
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` (metrics: `OTEL_EXPORTER_OTLP_METRICS_PROTOCOL`) /
   *   `OTEL_EXPORTER_OTLP_PROTOCOL` if set, else `"http/protobuf"` (New Relic's recommendation).
   */
  protocol?: OtlpProtocol;
}

/**
 * The `newrelic` preset: OTLP to New Relic with the `api-key` header, gzip by default, the resource
 * attribute `aiEnabledApp=true` AI monitoring needs to list the app (unless the resource sets it),
 * and New Relic's limits applied to the spans this exporter sends only: attribute values kept to
 * 4,095 characters (JSON message lists shortened by whole messages, staying valid JSON; other
 * values cut), arrays to 64 items, and requests kept under 1 MB. Metrics go to the same host, with
 * delta temporality by default (New Relic takes both).
 */
export const newRelicPreset = defineOtlpPreset<NewRelicPresetOptions>(
  "newrelic",
  (options, signal) => {
    const licenseKey = optionOrEnv(options.licenseKey, "licenseKey", "NEW_RELIC_LICENSE_KEY")?.value;
    if (licenseKey === undefined && !headerIsProvided("api-key", options.headers, signal)) {
      throw missingCredential("newrelic", "a license key", "licenseKey", "NEW_RELIC_LICENSE_KEY", "api-key");
    }
    const region = resolveRegion(options.region, licenseKey);
    const protocol = resolveProtocol("newrelic", options.protocol, ["http/protobuf", "http/json", "grpc"], "http/protobuf", signal);
    const host = HOSTS[region];
    const headers: Record<string, string> = licenseKey === undefined ? {} : { "api-key": licenseKey };
    return {
      preset: "newrelic",
      protocol,
      defaultEndpoint: protocol === "grpc" ? `https://${host}:4317` : `https://${host}/${signalPath(signal)}`,
      headers,
      compression: "gzip",
      // New Relic AI monitoring reads the OpenTelemetry GenAI spans as recorded...
      conventions: "none",
      // ...and lists only apps whose resource says so.
      resourceAttributes: { aiEnabledApp: "true" },
      limits: {
        attributeValueLength: NEW_RELIC_ATTRIBUTE_VALUE_LIMIT,
        attributeArrayLength: NEW_RELIC_ARRAY_LIMIT,
        maxRequestBytes: NEW_RELIC_MAX_PAYLOAD_BYTES,
      },
    };
  },
  { temporality: "delta" },
);

function resolveRegion(option: string | undefined, licenseKey: string | undefined): NewRelicRegion {
  // New Relic EU-region license keys start with "eu" (e.g. "eu01xx…").
  const fallback = licenseKey?.toLowerCase().startsWith("eu") ? "eu" : "us";
  return resolveChoice("newrelic", "region", REGIONS, { name: "region", value: option }, "NEW_RELIC_REGION", fallback);
}
