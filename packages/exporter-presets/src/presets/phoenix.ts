import { headerIsProvided, optionOrEnv, readEnv } from "../env";
import { missingCredential, PresetConfigurationError } from "../errors";
import { parseHeaderString } from "../headers";
import { resolveProtocol } from "../otlp/plan";
import type { OtlpTransportOptions } from "../otlp/types";
import { formatHost, hostOf, joinUrl } from "../otlp/url";
import { defineOtlpPreset } from "./define-preset";

const LOCAL_BASE_URL = "http://localhost:6006";
const CLOUD_HOST = "app.phoenix.arize.com";

/** Options of the `phoenix` preset (Arize Phoenix, local or Phoenix Cloud), with the Phoenix SDK's variables. */
export interface PhoenixPresetOptions extends OtlpTransportOptions {
  /**
   * Phoenix API key, sent as `authorization: Bearer <key>`. Required for Phoenix Cloud (unless the
   * `headers` option or `OTEL_EXPORTER_OTLP_HEADERS` provides `authorization`); optional for a
   * local or self-hosted Phoenix without authentication.
   * @defaultValue `PHOENIX_API_KEY`
   */
  apiKey?: string;
  /**
   * Phoenix Cloud space: spans go to `https://app.phoenix.arize.com/s/<space>/v1/traces`.
   * Ignored when `baseUrl` or `endpoint` is given.
   * @defaultValue none (a local Phoenix, unless `PHOENIX_COLLECTOR_ENDPOINT` is set)
   */
  space?: string;
  /**
   * Phoenix URL, e.g. `http://localhost:6006` or `https://app.phoenix.arize.com/s/my-space`
   * (a URL ending in `/v1/traces` is used as is). Over gRPC only its host is used.
   * @defaultValue `PHOENIX_COLLECTOR_ENDPOINT`, else `http://localhost:6006`.
   */
  baseUrl?: string;
  /**
   * Phoenix project the traces go to, set as the `openinference.project.name` resource attribute
   * on the spans sent to Phoenix (unless the app's resource sets it).
   * @defaultValue `PHOENIX_PROJECT_NAME`, else none (Phoenix's `default` project).
   */
  projectName?: string;
  /**
   * Exporter to use. gRPC is for a local or self-hosted Phoenix (port `PHOENIX_GRPC_PORT`, default
   * 4317); Phoenix Cloud takes OTLP/HTTP protobuf only.
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL` if supported, else `"http/protobuf"`.
   */
  protocol?: "http/protobuf" | "grpc";
}

/**
 * The `phoenix` preset: OTLP to Arize Phoenix with spans translated to the OpenInference conventions
 * Phoenix reads, the project as a resource attribute, and `PHOENIX_CLIENT_HEADERS` as extra headers.
 */
export const phoenixPreset = defineOtlpPreset<PhoenixPresetOptions>("phoenix", (options) => {
  const chosen =
    optionOrEnv(options.baseUrl, "baseUrl") ??
    (options.space?.trim() ? { value: `https://${CLOUD_HOST}/s/${encodeURIComponent(options.space.trim())}`, source: 'option "space"' } : undefined) ??
    optionOrEnv(undefined, "", "PHOENIX_COLLECTOR_ENDPOINT");
  const base = chosen?.value ?? LOCAL_BASE_URL;
  const cloud = hostOf(base) === CLOUD_HOST;
  const protocol = resolveProtocol("phoenix", options.protocol, cloud ? ["http/protobuf"] : ["http/protobuf", "grpc"], "http/protobuf");

  const apiKey = optionOrEnv(options.apiKey, "apiKey", "PHOENIX_API_KEY");
  if (cloud && apiKey === undefined && !headerIsProvided("authorization", options.headers)) {
    throw missingCredential("phoenix", "an API key for Phoenix Cloud", "apiKey", "PHOENIX_API_KEY", "authorization");
  }
  const clientHeaders = readEnv("PHOENIX_CLIENT_HEADERS");
  const headers = {
    ...(clientHeaders === undefined ? {} : parseHeaderString(clientHeaders, "PHOENIX_CLIENT_HEADERS", "phoenix")),
    ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey.value}` }),
  };
  const url = protocol === "grpc" ? grpcUrl(base) : /\/v1\/traces\/?$/.test(base) ? base : joinUrl(base, "v1/traces");
  const project = optionOrEnv(options.projectName, "projectName", "PHOENIX_PROJECT_NAME");
  return {
    preset: "phoenix",
    protocol,
    ...(chosen === undefined ? { defaultEndpoint: url } : { endpoint: { url, source: chosen.source } }),
    headers,
    // Phoenix renders OpenInference attributes (openinference.span.kind, llm.*, input.value, …).
    conventions: "openinference",
    ...(project === undefined ? {} : { resourceAttributes: { "openinference.project.name": project.value } }),
  };
});

/** `http://<host of base>:<PHOENIX_GRPC_PORT or 4317>`. */
function grpcUrl(base: string): string {
  const raw = readEnv("PHOENIX_GRPC_PORT");
  const port = raw === undefined ? 4317 : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new PresetConfigurationError("The \"phoenix\" exporter preset got an invalid PHOENIX_GRPC_PORT: expected a port number.", "phoenix");
  }
  const scheme = /^https:/i.test(base) ? "https" : "http";
  return `${scheme}://${formatHost(hostOf(base))}:${port}`;
}
