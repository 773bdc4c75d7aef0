import { headerIsProvided, readEnv } from "../env";
import { missingCredential, PresetConfigurationError } from "../errors";
import { resolveProtocol } from "../otlp/plan";
import type { OtlpProtocol, OtlpTransportOptions } from "../otlp/types";
import { defineOtlpPreset } from "./define-preset";

/** New Relic data-center regions with their OTLP endpoints. */
export type NewRelicRegion = "us" | "eu" | "fedramp";

const HOSTS: Readonly<Record<NewRelicRegion, string>> = {
  us: "otlp.nr-data.net",
  eu: "otlp.eu01.nr-data.net",
  fedramp: "gov-otlp.nr-data.net",
};

/** New Relic keeps attribute values up to this many characters. */
export const NEW_RELIC_ATTRIBUTE_VALUE_LIMIT = 4095;

/** Options of the `newrelic` preset (New Relic's native OTLP endpoint). */
export interface NewRelicPresetOptions extends OtlpTransportOptions {
  /**
   * New Relic license (ingest) key, sent in the `api-key` header. Required unless the `headers`
   * option or `OTEL_EXPORTER_OTLP_HEADERS` provides `api-key`.
   * @defaultValue `NEW_RELIC_LICENSE_KEY`
   */
  licenseKey?: string;
  /**
   * Data-center region: `us` → `https://otlp.nr-data.net`, `eu` → `https://otlp.eu01.nr-data.net`,
   * `fedramp` → `https://gov-otlp.nr-data.net` (`/v1/traces` on 443 for HTTP, port 4317 for gRPC).
   * Ignored when `endpoint` is given.
   * @defaultValue `NEW_RELIC_REGION`, else `eu` for a license key starting with `eu`, else `us`.
   */
  region?: NewRelicRegion;
  /**
   * Exporter to use.
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL` if set, else
   *   `"http/protobuf"` (New Relic's recommendation).
   */
  protocol?: OtlpProtocol;
}

/**
 * The `newrelic` preset: OTLP to New Relic with the `api-key` header, gzip by default, and
 * attribute values cut to 4,095 characters (New Relic's limit) in what this exporter sends only.
 */
export const newRelicPreset = defineOtlpPreset<NewRelicPresetOptions>("newrelic", (options) => {
  const licenseKey = options.licenseKey?.trim() || readEnv("NEW_RELIC_LICENSE_KEY");
  if (licenseKey === undefined && !headerIsProvided("api-key", options.headers)) {
    throw missingCredential("newrelic", "a license key", "licenseKey", "NEW_RELIC_LICENSE_KEY", "api-key");
  }
  const region = resolveRegion(options.region, licenseKey);
  const protocol = resolveProtocol("newrelic", options.protocol, ["http/protobuf", "http/json", "grpc"], "http/protobuf");
  const host = HOSTS[region];
  const headers: Record<string, string> = licenseKey === undefined ? {} : { "api-key": licenseKey };
  return {
    preset: "newrelic",
    protocol,
    defaultEndpoint: protocol === "grpc" ? `https://${host}:4317` : `https://${host}/v1/traces`,
    headers,
    compression: "gzip",
    attributeValueLengthLimit: NEW_RELIC_ATTRIBUTE_VALUE_LIMIT,
  };
});

function resolveRegion(option: string | undefined, licenseKey: string | undefined): NewRelicRegion {
  const [value, source] = option !== undefined ? [option, 'option "region"'] : [readEnv("NEW_RELIC_REGION"), "NEW_RELIC_REGION"];
  if (value !== undefined) {
    const region = value.toLowerCase();
    if (Object.hasOwn(HOSTS, region)) return region as NewRelicRegion;
    throw new PresetConfigurationError(
      `The "newrelic" exporter preset got an unknown region "${value}" from ${source}; known regions: ${Object.keys(HOSTS).join(", ")}.`,
      "newrelic",
    );
  }
  // New Relic EU-region license keys start with "eu" (e.g. "eu01xx…").
  return licenseKey?.toLowerCase().startsWith("eu") ? "eu" : "us";
}
