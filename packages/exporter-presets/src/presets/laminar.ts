import { headerIsProvided, optionOrEnv } from "../env";
import { missingCredential } from "../errors";
import { resolveProtocol } from "../otlp/plan";
import type { OtlpTransportOptions } from "../otlp/types";
import { hostOf, joinUrl, withScheme } from "../otlp/url";
import { defineOtlpPreset } from "./define-preset";

const CLOUD_BASE_URL = "https://api.lmnr.ai";
const CLOUD_HOST = "api.lmnr.ai";
/** Ports when the base URL has none: Laminar Cloud, then a self-hosted backend's defaults. */
const PORTS = { cloud: { http: 443, grpc: 8443 }, selfHosted: { http: 8000, grpc: 8001 } } as const;

/** Options of the `laminar` preset (Laminar cloud or self-hosted), with the Laminar SDK's variables. */
export interface LaminarPresetOptions extends OtlpTransportOptions {
  /**
   * Laminar project API key, sent as `authorization: Bearer <key>`. Required unless the `headers`
   * option or `OTEL_EXPORTER_OTLP_HEADERS` provides `authorization`.
   * @defaultValue `LMNR_PROJECT_API_KEY`
   */
  apiKey?: string;
  /**
   * Laminar backend. Without a port: Laminar Cloud uses 443 (HTTP) and 8443 (gRPC), a self-hosted
   * backend 8000 (HTTP) and 8001 (gRPC). Spans go to `/v1/traces`.
   * @defaultValue `LMNR_BASE_URL`, else `https://api.lmnr.ai`.
   */
  baseUrl?: string;
  /**
   * Exporter to use; Laminar takes OTLP/gRPC (its recommendation) and OTLP/HTTP protobuf, not JSON.
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL` if supported, else `"http/protobuf"`.
   */
  protocol?: "http/protobuf" | "grpc";
}

/** The `laminar` preset: OTLP to Laminar with `authorization: Bearer <project API key>`. */
export const laminarPreset = defineOtlpPreset<LaminarPresetOptions>("laminar", (options) => {
  const apiKey = optionOrEnv(options.apiKey, "apiKey", "LMNR_PROJECT_API_KEY");
  if (apiKey === undefined && !headerIsProvided("authorization", options.headers)) {
    throw missingCredential("laminar", "a project API key", "apiKey", "LMNR_PROJECT_API_KEY", "authorization");
  }
  const protocol = resolveProtocol("laminar", options.protocol, ["http/protobuf", "grpc"], "http/protobuf");
  const chosen = optionOrEnv(options.baseUrl, "baseUrl", "LMNR_BASE_URL");
  const base = withScheme(chosen?.value ?? CLOUD_BASE_URL);
  const url = protocol === "grpc" ? withPort(base, "grpc") : joinUrl(withPort(base, "http"), "v1/traces");
  return {
    preset: "laminar",
    protocol,
    ...(chosen === undefined ? { defaultEndpoint: url } : { endpoint: { url, source: chosen.source } }),
    // Lower-case: Laminar reads gRPC metadata key "authorization" only.
    headers: apiKey === undefined ? {} : ({ authorization: `Bearer ${apiKey.value}` } as Record<string, string>),
    // Laminar reads gen_ai.*; the translator adds gen_ai.system, reasoning tokens, lmnr.* association properties and I/O.
    conventions: "laminar",
  };
});

/** The base URL (no path) with the protocol's default port when it has none. */
function withPort(base: string, transport: "http" | "grpc"): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return base; // reported as an invalid endpoint by buildOtlpExporter
  }
  if (url.port === "") {
    const ports = hostOf(base) === CLOUD_HOST ? PORTS.cloud : PORTS.selfHosted;
    const port = ports[transport];
    if (!(port === 443 && url.protocol === "https:")) url.port = String(port);
  }
  return url.origin;
}
