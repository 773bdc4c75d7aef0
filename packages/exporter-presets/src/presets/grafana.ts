import { headerIsProvided, optionOrEnv } from "../env";
import { missingCredential, PresetConfigurationError } from "../errors";
import { resolveProtocol } from "../otlp/plan";
import { signalEnvName, signalPath } from "../otlp/signal";
import type { OtlpMetricsOptions, OtlpProtocol, OtlpTransportOptions } from "../otlp/types";
import { joinUrl } from "../otlp/url";
import { defineOtlpPreset } from "./define-preset";

/**
 * Options of the `grafana` preset: the Grafana Cloud OTLP gateway of a stack (traces land in Tempo,
 * metrics in Mimir).
 * The stack's "OpenTelemetry" tile shows its zone, instance ID and OTLP endpoint.
 */
export interface GrafanaPresetOptions extends OtlpTransportOptions, OtlpMetricsOptions {
  /**
   * The stack's zone, e.g. `prod-eu-west-2`; the endpoint becomes
   * `https://otlp-gateway-<zone>.grafana.net/otlp/v1/traces` (metrics: `…/otlp/v1/metrics`).
   * Ignored when `baseUrl` or `endpoint` is given.
   * @defaultValue `GRAFANA_CLOUD_ZONE`
   */
  zone?: string;
  /**
   * The stack's OTLP endpoint as shown on its tile (ending in `/otlp`); traces go to `<baseUrl>/v1/traces`,
   * metrics to `<baseUrl>/v1/metrics`.
   * @defaultValue `GRAFANA_CLOUD_OTLP_ENDPOINT`, else derived from `zone`.
   */
  baseUrl?: string;
  /**
   * The stack's instance ID (a number), the user name of the Basic auth.
   * @defaultValue `GRAFANA_CLOUD_INSTANCE_ID`
   */
  instanceId?: string;
  /**
   * A Grafana Cloud access policy token with the `traces:write` scope (and `metrics:write` for the
   * metrics), the password of the Basic auth.
   * @defaultValue `GRAFANA_CLOUD_API_KEY`
   */
  token?: string;
  /**
   * Exporter to use (for metrics too); the gateway is OTLP/HTTP only.
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` (metrics: `OTEL_EXPORTER_OTLP_METRICS_PROTOCOL`) /
   *   `OTEL_EXPORTER_OTLP_PROTOCOL` if supported, else `"http/protobuf"`.
   */
  protocol?: Exclude<OtlpProtocol, "grpc">;
}

/**
 * The `grafana` preset: Grafana Cloud's OTLP gateway with `Authorization: Basic base64(<instanceId>:<token>)`,
 * for spans and (cumulative) metrics.
 */
export const grafanaPreset = defineOtlpPreset<GrafanaPresetOptions>(
  "grafana",
  (options, signal) => {
    const authProvided = headerIsProvided("authorization", options.headers, signal);
    const instanceId = optionOrEnv(options.instanceId, "instanceId", "GRAFANA_CLOUD_INSTANCE_ID");
    const token = optionOrEnv(options.token, "token", "GRAFANA_CLOUD_API_KEY");
    if (!authProvided && instanceId === undefined) {
      throw missingCredential("grafana", "the stack's instance ID", "instanceId", "GRAFANA_CLOUD_INSTANCE_ID", "authorization");
    }
    if (!authProvided && token === undefined) {
      throw missingCredential("grafana", "an access policy token", "token", "GRAFANA_CLOUD_API_KEY", "authorization");
    }
    const base = optionOrEnv(options.baseUrl, "baseUrl", "GRAFANA_CLOUD_OTLP_ENDPOINT");
    const zone = optionOrEnv(options.zone, "zone", "GRAFANA_CLOUD_ZONE");
    if (zone !== undefined && !/^[a-z0-9-]+$/i.test(zone.value)) {
      throw new PresetConfigurationError(`The "grafana" exporter preset got an invalid zone from ${zone.source}: expected e.g. prod-eu-west-2.`, "grafana");
    }
    const where = base ?? (zone === undefined ? undefined : { value: `https://otlp-gateway-${zone.value.toLowerCase()}.grafana.net/otlp`, source: zone.source });
    const explicit = [options.endpoint, signal === "metrics" ? options.metricsEndpoint : undefined].some((url) => url !== undefined && url.trim() !== "");
    const fromEnv = optionOrEnv(undefined, "", signalEnvName(signal, "ENDPOINT"), "OTEL_EXPORTER_OTLP_ENDPOINT");
    if (where === undefined && !explicit && fromEnv === undefined) {
      throw new PresetConfigurationError(
        'The "grafana" exporter preset needs the stack\'s OTLP endpoint: set the "zone" option or GRAFANA_CLOUD_ZONE (e.g. prod-eu-west-2), or the "baseUrl" option or GRAFANA_CLOUD_OTLP_ENDPOINT.',
        "grafana",
      );
    }
    const headers: Record<string, string> =
      instanceId !== undefined && token !== undefined
        ? { Authorization: `Basic ${Buffer.from(`${instanceId.value}:${token.value}`).toString("base64")}` }
        : {};
    return {
      preset: "grafana",
      protocol: resolveProtocol("grafana", options.protocol, ["http/protobuf", "http/json"], "http/protobuf", signal),
      ...(where === undefined ? {} : { endpoint: { url: joinUrl(where.value, signalPath(signal)), source: where.source } }),
      headers,
      conventions: "none",
    };
  },
  { temporality: "cumulative" },
);
