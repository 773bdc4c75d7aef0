import { optionOrEnv } from "../env";
import { resolveProtocol } from "../otlp/plan";
import type { OtlpProtocol, OtlpTransportOptions } from "../otlp/types";
import { formatHost } from "../otlp/url";
import { defineOtlpPreset } from "./define-preset";

/**
 * Options of the `jaeger` preset: OTLP to a Jaeger (v1.35+ or v2) collector, which listens on
 * 4318 (HTTP) and 4317 (gRPC). No credential.
 */
export interface JaegerPresetOptions extends OtlpTransportOptions {
  /**
   * Exporter to use.
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL` if set, else `"http/protobuf"`.
   */
  protocol?: OtlpProtocol;
  /**
   * Host of the Jaeger collector; the endpoint becomes `http://<host>:4318/v1/traces` (HTTP) or
   * `http://<host>:4317` (gRPC). Ignored when `endpoint` is given.
   * @defaultValue `JAEGER_HOST`, else `"localhost"` (where `OTEL_EXPORTER_OTLP_*ENDPOINT`, when set, wins).
   */
  host?: string;
}

/** The `jaeger` preset: a Jaeger collector's OTLP receiver; the UI is on port 16686 of the same host. */
export const jaegerPreset = defineOtlpPreset<JaegerPresetOptions>("jaeger", (options) => {
  const protocol = resolveProtocol("jaeger", options.protocol, ["http/protobuf", "http/json", "grpc"], "http/protobuf");
  const chosen = optionOrEnv(options.host, "host", "JAEGER_HOST");
  const host = formatHost(chosen?.value ?? "localhost");
  const url = protocol === "grpc" ? `http://${host}:4317` : `http://${host}:4318/v1/traces`;
  return {
    preset: "jaeger",
    protocol,
    // An explicitly chosen host is as specific as the `endpoint` option; the default is not.
    ...(chosen === undefined ? { defaultEndpoint: url } : { endpoint: { url, source: chosen.source } }),
    headers: {},
    conventions: "none",
    note: `traces in the Jaeger UI at http://${host}:16686`,
  };
});
