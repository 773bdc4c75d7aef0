import { diag } from "@opentelemetry/api";
import { readFirstEnv } from "../env";
import { PresetConfigurationError } from "../errors";
import { OTLP_PROTOCOLS, type OtlpProtocol } from "./types";

/**
 * What an OTLP preset contributes, computed from its options and its own environment variables;
 * {@link buildOtlpExporter} turns it into an exporter, applying the standard OTLP environment.
 */
export interface OtlpPlan {
  /** Preset name, for messages. */
  readonly preset: string;
  /** Exporter to build. */
  readonly protocol: OtlpProtocol;
  /**
   * Endpoint from a preset-specific option or variable (e.g. `TRACELOOP_BASE_URL`): like the
   * `endpoint` option, it wins over `OTEL_EXPORTER_OTLP_*ENDPOINT`. `source` names where it came from.
   */
  readonly endpoint?: { readonly url: string; readonly source: string };
  /** Endpoint used when no option or variable gives one; absent → the OpenTelemetry exporter's default. */
  readonly defaultEndpoint?: string;
  /** Preset headers (auth, routing); a header of the same name in `OTEL_EXPORTER_OTLP_*HEADERS` wins. */
  readonly headers: Readonly<Record<string, string>>;
  /** Compression used when neither the option nor `OTEL_EXPORTER_OTLP_*COMPRESSION` sets one. */
  readonly compression?: "gzip";
  /** Longest string attribute value the backend keeps, in characters; longer values are cut. */
  readonly attributeValueLengthLimit?: number;
  /** Resource attributes the backend needs (e.g. routing), added to each span's resource where missing. */
  readonly resourceAttributes?: Readonly<Record<string, string>>;
}

/** `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`, else `OTEL_EXPORTER_OTLP_PROTOCOL`, when set to a known value. */
export function envProtocol(): { name: string; value: OtlpProtocol } | undefined {
  const env = readFirstEnv("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL");
  if (env === undefined) return undefined;
  const value = env.value.toLowerCase();
  if ((OTLP_PROTOCOLS as readonly string[]).includes(value)) return { name: env.name, value: value as OtlpProtocol };
  diag.warn(`genai-otel: ignoring ${env.name}="${env.value}": expected one of ${OTLP_PROTOCOLS.join(", ")}.`);
  return undefined;
}

/**
 * Picks the protocol: the option (must be in `supported`, else throws) > the standard protocol
 * variable when the preset supports its value (else a diag warning) > `fallback`.
 * @throws PresetConfigurationError when the option names a protocol the preset does not support.
 */
export function resolveProtocol(
  preset: string,
  option: string | undefined,
  supported: readonly OtlpProtocol[],
  fallback: OtlpProtocol,
): OtlpProtocol {
  if (option !== undefined) {
    if ((supported as readonly string[]).includes(option)) return option as OtlpProtocol;
    throw new PresetConfigurationError(
      `The "${preset}" exporter preset does not support protocol "${option}"; supported: ${supported.join(", ")}.`,
      preset,
    );
  }
  const env = envProtocol();
  if (env === undefined) return fallback;
  if (supported.includes(env.value)) return env.value;
  diag.warn(`genai-otel: the "${preset}" preset does not support ${env.name}=${env.value}; using ${fallback}.`);
  return fallback;
}

/** Joins a base URL and a path with exactly one slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
