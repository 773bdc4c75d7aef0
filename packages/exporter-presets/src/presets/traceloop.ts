import { headerIsProvided, optionOrEnv, readEnv } from "../env";
import { missingCredential } from "../errors";
import { parseHeaderString } from "../headers";
import { isLoopback, joinUrl } from "../otlp/url";
import type { OtlpTransportOptions } from "../otlp/types";
import { defineOtlpPreset } from "./define-preset";

const DEFAULT_BASE_URL = "https://api.traceloop.com";

/**
 * Options of the `traceloop` preset (Traceloop / OpenLLMetry cloud, or a Traceloop-compatible
 * collector), following the Traceloop SDK's variables: `TRACELOOP_API_KEY`, `TRACELOOP_BASE_URL`,
 * `TRACELOOP_HEADERS`.
 */
export interface TraceloopPresetOptions extends OtlpTransportOptions {
  /**
   * Traceloop API key, sent as `Authorization: Bearer <key>`. Required unless `TRACELOOP_HEADERS`,
   * the `headers` option or `OTEL_EXPORTER_OTLP_HEADERS` provides an `authorization` header.
   * @defaultValue `TRACELOOP_API_KEY`
   */
  apiKey?: string;
  /**
   * Base URL. With an `http://` or `https://` prefix spans go over OTLP/HTTP (protobuf) to
   * `<baseUrl>/v1/traces`; without one (e.g. `collector.internal:4317`) over OTLP/gRPC, with TLS
   * unless the host is localhost. Ignored when `endpoint` is given.
   * @defaultValue `TRACELOOP_BASE_URL`, else `"https://api.traceloop.com"`.
   */
  baseUrl?: string;
}

/**
 * The `traceloop` preset: Traceloop cloud (`https://api.traceloop.com/v1/traces`, OTLP/HTTP protobuf,
 * Bearer key), with spans translated to the OpenLLMetry conventions Traceloop reads.
 */
export const traceloopPreset = defineOtlpPreset<TraceloopPresetOptions>("traceloop", (options) => {
  const chosen = optionOrEnv(options.baseUrl, "baseUrl", "TRACELOOP_BASE_URL");
  const base = chosen?.value ?? DEFAULT_BASE_URL;
  const http = /^https?:\/\//i.test(base);
  const url = http ? joinUrl(base, "v1/traces") : `${isLoopback(base) ? "http" : "https"}://${base}`;
  const source = chosen?.source;

  // TRACELOOP_HEADERS replaces the Authorization header, as in the Traceloop SDK.
  const envHeaders = readEnv("TRACELOOP_HEADERS");
  let headers: Record<string, string>;
  if (envHeaders !== undefined) {
    headers = parseHeaderString(envHeaders, "TRACELOOP_HEADERS", "traceloop");
  } else {
    const apiKey = optionOrEnv(options.apiKey, "apiKey", "TRACELOOP_API_KEY")?.value;
    if (apiKey === undefined && !headerIsProvided("authorization", options.headers)) {
      throw missingCredential("traceloop", "an API key", "apiKey", "TRACELOOP_API_KEY", "authorization");
    }
    headers = apiKey === undefined ? {} : { Authorization: `Bearer ${apiKey}` };
  }

  return {
    preset: "traceloop",
    protocol: http ? "http/protobuf" : "grpc",
    ...(source === undefined ? { defaultEndpoint: url } : { endpoint: { url, source } }),
    headers,
    // Traceloop's dashboards read OpenLLMetry's traceloop.* and indexed gen_ai.prompt.N.* attributes.
    conventions: "traceloop",
  };
});
