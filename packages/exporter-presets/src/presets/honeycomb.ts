import { headerIsProvided, optionOrEnv } from "../env";
import { missingCredential } from "../errors";
import { resolveChoice, resolveProtocol } from "../otlp/plan";
import type { OtlpProtocol, OtlpTransportOptions } from "../otlp/types";
import { joinUrl } from "../otlp/url";
import { defineOtlpPreset } from "./define-preset";

/** Honeycomb regions with their API hosts. */
export type HoneycombRegion = "us" | "eu";

const REGIONS: readonly HoneycombRegion[] = ["us", "eu"];
const BASE_URLS: Readonly<Record<HoneycombRegion, string>> = {
  us: "https://api.honeycomb.io",
  eu: "https://api.eu1.honeycomb.io",
};

/** Options of the `honeycomb` preset (Honeycomb's native OTLP endpoint, gRPC or HTTP). */
export interface HoneycombPresetOptions extends OtlpTransportOptions {
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
   * Traces go to `<baseUrl>/v1/traces` over HTTP and to `<baseUrl>` (port 443) over gRPC.
   * @defaultValue `HONEYCOMB_API_ENDPOINT`, else the region's host.
   */
  baseUrl?: string;
  /**
   * Dataset, sent in the `x-honeycomb-dataset` header: Honeycomb Classic only (newer environments
   * route by `service.name`).
   * @defaultValue `HONEYCOMB_DATASET`, else none.
   */
  dataset?: string;
  /**
   * Exporter to use; Honeycomb takes all three.
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL` if set, else `"http/protobuf"`.
   */
  protocol?: OtlpProtocol;
}

/** The `honeycomb` preset: OTLP to Honeycomb (US or EU) with the `x-honeycomb-team` header. */
export const honeycombPreset = defineOtlpPreset<HoneycombPresetOptions>("honeycomb", (options) => {
  const apiKey = optionOrEnv(options.apiKey, "apiKey", "HONEYCOMB_API_KEY");
  if (apiKey === undefined && !headerIsProvided("x-honeycomb-team", options.headers)) {
    throw missingCredential("honeycomb", "an API key", "apiKey", "HONEYCOMB_API_KEY", "x-honeycomb-team");
  }
  const protocol = resolveProtocol("honeycomb", options.protocol, ["http/protobuf", "http/json", "grpc"], "http/protobuf");
  // baseUrl option > region option > HONEYCOMB_API_ENDPOINT > US; only the US default yields to OTEL_EXPORTER_OTLP_*ENDPOINT.
  const region = resolveChoice("honeycomb", "region", REGIONS, { name: "region", value: options.region }, undefined, "us");
  const baseOption = optionOrEnv(options.baseUrl, "baseUrl");
  const chosen = baseOption ?? (options.region !== undefined ? { value: BASE_URLS[region], source: 'option "region"' } : optionOrEnv(undefined, "", "HONEYCOMB_API_ENDPOINT"));
  const host = chosen?.value ?? BASE_URLS.us;
  const url = protocol === "grpc" ? (/:\d+\/?$/.test(host) ? host : `${host.replace(/\/+$/, "")}:443`) : joinUrl(host, "v1/traces");
  const dataset = optionOrEnv(options.dataset, "dataset", "HONEYCOMB_DATASET");
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
});
