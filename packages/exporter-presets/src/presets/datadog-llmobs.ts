import { headerIsProvided, optionOrEnv } from "../env";
import { missingCredential, PresetConfigurationError } from "../errors";
import { resolveProtocol } from "../otlp/plan";
import type { OtlpProtocol, OtlpTransportOptions } from "../otlp/types";
import { defineOtlpPreset } from "./define-preset";

/** Datadog sites whose OTLP intake accepts LLM Observability traces (not the US1-FED gov site). */
export type DatadogSite = "datadoghq.com" | "us3.datadoghq.com" | "us5.datadoghq.com" | "datadoghq.eu" | "ap1.datadoghq.com" | "ap2.datadoghq.com";

const SITES: readonly DatadogSite[] = ["datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com", "datadoghq.eu", "ap1.datadoghq.com", "ap2.datadoghq.com"];

/**
 * Options of the `datadog-llmobs` preset: Datadog LLM Observability over Datadog's agentless OTLP
 * traces intake (`https://otlp.<site>/v1/traces`, no Agent), with the `dd-otlp-source: llmobs` header
 * that routes spans to LLM Observability. Datadog reads the OpenTelemetry GenAI conventions 1.37+.
 */
export interface DatadogLlmObsPresetOptions extends OtlpTransportOptions {
  /**
   * Datadog API key, sent in the `dd-api-key` header. Required unless the `headers` option or
   * `OTEL_EXPORTER_OTLP_HEADERS` provides `dd-api-key`.
   * @defaultValue `DD_API_KEY`
   */
  apiKey?: string;
  /**
   * Datadog site: `datadoghq.com` (US1), `us3.datadoghq.com`, `us5.datadoghq.com`, `datadoghq.eu`,
   * `ap1.datadoghq.com`, `ap2.datadoghq.com`. LLM Observability is not available on `ddog-gov.com`.
   * Ignored when `endpoint` is given.
   * @defaultValue `DD_SITE`, else `"datadoghq.com"`.
   */
  site?: DatadogSite;
  /**
   * The ML application the spans belong to in LLM Observability (`ml_app`; its unit of grouping,
   * filtering and cost), sent in the `dd-ml-app` header. Required: LLM Observability files spans
   * without one under the service name only when the Agent or the Datadog SDK adds it.
   * @defaultValue `DD_LLMOBS_ML_APP`
   */
  mlApp?: string;
  /**
   * Exporter to use; the intake takes no gRPC.
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL` if supported, else `"http/protobuf"`.
   */
  protocol?: Exclude<OtlpProtocol, "grpc">;
}

/**
 * The `datadog-llmobs` preset: agentless OTLP to Datadog LLM Observability, by site, with the
 * `dd-ml-app` header naming the ML application.
 * @throws PresetConfigurationError without an API key or an ML application name.
 */
export const datadogLlmObsPreset = defineOtlpPreset<DatadogLlmObsPresetOptions>("datadog-llmobs", (options) => {
  const apiKey = optionOrEnv(options.apiKey, "apiKey", "DD_API_KEY");
  if (apiKey === undefined && !headerIsProvided("dd-api-key", options.headers)) {
    throw missingCredential("datadog-llmobs", "a Datadog API key", "apiKey", "DD_API_KEY", "dd-api-key");
  }
  const mlApp = optionOrEnv(options.mlApp, "mlApp", "DD_LLMOBS_ML_APP");
  if (mlApp === undefined && !headerIsProvided("dd-ml-app", options.headers)) {
    throw new PresetConfigurationError(
      'The "datadog-llmobs" exporter preset needs the name of your ML application (LLM Observability\'s ml_app): set the "mlApp" option or the DD_LLMOBS_ML_APP environment variable, e.g. DD_LLMOBS_ML_APP=support-bot.',
      "datadog-llmobs",
    );
  }
  const site = resolveSite(options.site);
  return {
    preset: "datadog-llmobs",
    protocol: resolveProtocol("datadog-llmobs", options.protocol, ["http/protobuf", "http/json"], "http/protobuf"),
    defaultEndpoint: `https://otlp.${site}/v1/traces`,
    headers: {
      ...(apiKey === undefined ? {} : { "dd-api-key": apiKey.value }),
      "dd-otlp-source": "llmobs",
      ...(mlApp === undefined ? {} : { "dd-ml-app": mlApp.value }),
    },
    // LLM Observability reads OpenTelemetry GenAI 1.37+; the translator adds retrieval typing,
    // cache/reasoning token keys, tags, metadata and prompt tracking.
    conventions: "datadog",
  };
});

function resolveSite(option: string | undefined): DatadogSite {
  const chosen = optionOrEnv(option, "site", "DD_SITE");
  if (chosen === undefined) return "datadoghq.com";
  const site = chosen.value.toLowerCase().replace(/^https?:\/\//, "").replace(/^(app\.)/, "").replace(/\/+$/, "");
  if ((SITES as readonly string[]).includes(site)) return site as DatadogSite;
  const gov = site.endsWith("ddog-gov.com") ? " LLM Observability is not available on the US1-FED (ddog-gov.com) site." : "";
  throw new PresetConfigurationError(
    `The "datadog-llmobs" exporter preset got an unknown Datadog site "${chosen.value}" from ${chosen.source}; known sites: ${SITES.join(", ")}.${gov}`,
    "datadog-llmobs",
  );
}
