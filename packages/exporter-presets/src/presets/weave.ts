import { headerIsProvided, optionOrEnv } from "../env";
import { missingCredential, PresetConfigurationError } from "../errors";
import { resolveProtocol } from "../otlp/plan";
import { hostOf, joinUrl, withScheme } from "../otlp/url";
import type { OtlpTransportOptions } from "../otlp/types";
import { defineOtlpPreset } from "./define-preset";

/** Weave keeps attribute values up to 256 KiB (counted here in UTF-16 units). */
const WEAVE_ATTRIBUTE_VALUE_LIMIT = 256 * 1024;
const MULTI_TENANT_URL = "https://trace.wandb.ai/otel/v1/traces";
const MULTI_TENANT_HOSTS = new Set(["wandb.ai", "api.wandb.ai", "trace.wandb.ai"]);

/**
 * Options of the `weave` preset (W&B Weave's OTLP trace endpoint, OTLP/HTTP protobuf only), with
 * the variables of the W&B SDK: `WANDB_API_KEY`, `WANDB_ENTITY`, `WANDB_PROJECT`, `WANDB_BASE_URL`.
 */
export interface WeavePresetOptions extends OtlpTransportOptions {
  /**
   * W&B API key, sent in the `wandb-api-key` header. Required unless the `headers` option or
   * `OTEL_EXPORTER_OTLP_HEADERS` provides `wandb-api-key` or `authorization`.
   * @defaultValue `WANDB_API_KEY`
   */
  apiKey?: string;
  /**
   * W&B entity (team or user name) owning the project. Required.
   * @defaultValue `WANDB_ENTITY`
   */
  entity?: string;
  /**
   * Weave project the traces go to. Required.
   * @defaultValue `WANDB_PROJECT`
   */
  project?: string;
  /**
   * W&B host of a Dedicated Cloud or Self-Managed instance (e.g. `https://acme.wandb.io`); spans
   * then go to `<baseUrl>/traces/otel/v1/traces`. A `wandb.ai` host means the multi-tenant cloud.
   * Ignored when `endpoint` is given.
   * @defaultValue `WANDB_BASE_URL`, else the multi-tenant cloud, `https://trace.wandb.ai/otel/v1/traces`.
   */
  baseUrl?: string;
}

/**
 * The `weave` preset. Auth: `wandb-api-key: <key>`; routing: the resource attributes `wandb.entity`
 * and `wandb.project` (added to each exported span's resource unless the app sets them) and the
 * `project_id: <entity>/<project>` header of the earlier Weave docs, so either generation of the
 * endpoint routes the spans.
 */
export const weavePreset = defineOtlpPreset<WeavePresetOptions>("weave", (options) => {
  const apiKey = optionOrEnv(options.apiKey, "apiKey", "WANDB_API_KEY")?.value;
  if (apiKey === undefined && !headerIsProvided("wandb-api-key", options.headers) && !headerIsProvided("authorization", options.headers)) {
    throw missingCredential("weave", "a W&B API key", "apiKey", "WANDB_API_KEY", "wandb-api-key");
  }
  const entity = optionOrEnv(options.entity, "entity", "WANDB_ENTITY")?.value;
  if (entity === undefined) throw missingSetting("a W&B entity (team or user name)", "entity", "WANDB_ENTITY");
  const project = optionOrEnv(options.project, "project", "WANDB_PROJECT")?.value;
  if (project === undefined) throw missingSetting("a Weave project name", "project", "WANDB_PROJECT");

  const chosen = optionOrEnv(options.baseUrl, "baseUrl", "WANDB_BASE_URL");
  const dedicated = chosen !== undefined && !MULTI_TENANT_HOSTS.has(hostOf(chosen.value)) ? chosen : undefined;
  return {
    preset: "weave",
    protocol: resolveProtocol("weave", undefined, ["http/protobuf"], "http/protobuf"),
    ...(dedicated !== undefined
      ? { endpoint: { url: joinUrl(withScheme(dedicated.value), "traces/otel/v1/traces"), source: dedicated.source } }
      : { defaultEndpoint: MULTI_TENANT_URL }),
    headers: { ...(apiKey === undefined ? {} : { "wandb-api-key": apiKey }), project_id: `${entity}/${project}` },
    resourceAttributes: { "wandb.entity": entity, "wandb.project": project },
    // Weave reads gen_ai.*; the translator adds span kinds, classic-view input/output, thread, display name, attributes.
    conventions: "weave",
    // Weave keeps values up to 256 KiB; longer JSON message lists are shortened by whole messages.
    limits: { attributeValueLength: WEAVE_ATTRIBUTE_VALUE_LIMIT },
  };
});

function missingSetting(what: string, option: string, envVar: string): PresetConfigurationError {
  return new PresetConfigurationError(`The "weave" exporter preset needs ${what}: set the "${option}" option or the ${envVar} environment variable.`, "weave");
}
