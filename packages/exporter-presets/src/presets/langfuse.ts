import { headerIsProvided, optionOrEnv } from "../env";
import { missingCredential } from "../errors";
import { resolveChoice, resolveProtocol } from "../otlp/plan";
import type { OtlpProtocol, OtlpTransportOptions } from "../otlp/types";
import { joinUrl } from "../otlp/url";
import { defineOtlpPreset } from "./define-preset";

/** Langfuse Cloud data regions. */
export type LangfuseRegion = "eu" | "us" | "jp" | "hipaa";

const REGIONS: readonly LangfuseRegion[] = ["eu", "us", "jp", "hipaa"];
const BASE_URLS: Readonly<Record<LangfuseRegion, string>> = {
  eu: "https://cloud.langfuse.com",
  us: "https://us.cloud.langfuse.com",
  jp: "https://jp.cloud.langfuse.com",
  hipaa: "https://hipaa.cloud.langfuse.com",
};

/** Options of the `langfuse` preset (Langfuse Cloud or self-hosted, OTLP/HTTP), with the Langfuse SDK's variables. */
export interface LangfusePresetOptions extends OtlpTransportOptions {
  /**
   * Project public key (`pk-lf-…`), the user name of the Basic auth. Required unless the `headers`
   * option or `OTEL_EXPORTER_OTLP_HEADERS` provides `authorization`.
   * @defaultValue `LANGFUSE_PUBLIC_KEY`
   */
  publicKey?: string;
  /**
   * Project secret key (`sk-lf-…`), the password of the Basic auth. Required like `publicKey`.
   * @defaultValue `LANGFUSE_SECRET_KEY`
   */
  secretKey?: string;
  /**
   * Langfuse Cloud data region: `eu` → `https://cloud.langfuse.com`, `us` → `https://us.cloud.langfuse.com`,
   * `jp` → `https://jp.cloud.langfuse.com`, `hipaa` → `https://hipaa.cloud.langfuse.com`. Ignored when
   * `baseUrl` or `endpoint` is given. From the environment, set `LANGFUSE_BASE_URL` instead.
   * @defaultValue `eu` (unless `LANGFUSE_BASE_URL` is set)
   */
  region?: LangfuseRegion;
  /**
   * Langfuse host, e.g. `http://localhost:3000` for a self-hosted instance (v3.22+); spans go to
   * `<baseUrl>/api/public/otel/v1/traces`.
   * @defaultValue `LANGFUSE_BASE_URL`, else `LANGFUSE_BASEURL`, else `LANGFUSE_HOST`, else the region's host.
   */
  baseUrl?: string;
  /**
   * Exporter to use; Langfuse takes no gRPC.
   * @defaultValue `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL` if supported, else `"http/protobuf"`.
   */
  protocol?: Exclude<OtlpProtocol, "grpc">;
}

/**
 * The `langfuse` preset: `Authorization: Basic base64(<publicKey>:<secretKey>)` and the
 * `x-langfuse-ingestion-version: 4` header Langfuse asks direct OTLP exporters to send.
 */
export const langfusePreset = defineOtlpPreset<LangfusePresetOptions>("langfuse", (options) => {
  const authProvided = headerIsProvided("authorization", options.headers);
  const publicKey = optionOrEnv(options.publicKey, "publicKey", "LANGFUSE_PUBLIC_KEY");
  const secretKey = optionOrEnv(options.secretKey, "secretKey", "LANGFUSE_SECRET_KEY");
  if (!authProvided && publicKey === undefined) throw missingCredential("langfuse", "a public key", "publicKey", "LANGFUSE_PUBLIC_KEY", "authorization");
  if (!authProvided && secretKey === undefined) throw missingCredential("langfuse", "a secret key", "secretKey", "LANGFUSE_SECRET_KEY", "authorization");

  // baseUrl option > region option > LANGFUSE_BASE_URL (and its older names) > EU; only the default yields to OTEL_EXPORTER_OTLP_*ENDPOINT.
  const region = resolveChoice("langfuse", "region", REGIONS, { name: "region", value: options.region }, undefined, "eu");
  const chosen =
    optionOrEnv(options.baseUrl, "baseUrl") ??
    (options.region !== undefined ? { value: BASE_URLS[region], source: 'option "region"' } : undefined) ??
    optionOrEnv(undefined, "", "LANGFUSE_BASE_URL", "LANGFUSE_BASEURL", "LANGFUSE_HOST");
  const url = joinUrl(chosen?.value ?? BASE_URLS.eu, "api/public/otel/v1/traces");
  const auth: Record<string, string> =
    publicKey !== undefined && secretKey !== undefined
      ? { Authorization: `Basic ${Buffer.from(`${publicKey.value}:${secretKey.value}`).toString("base64")}` }
      : {};
  return {
    preset: "langfuse",
    protocol: resolveProtocol("langfuse", options.protocol, ["http/protobuf", "http/json"], "http/protobuf"),
    ...(chosen === undefined ? { defaultEndpoint: url } : { endpoint: { url, source: chosen.source } }),
    headers: { ...auth, "x-langfuse-ingestion-version": "4" },
    // Langfuse maps gen_ai.* itself; the translator adds the langfuse.* keys it needs besides (types, I/O, tags, prompt, TTFT).
    conventions: "langfuse",
  };
});
