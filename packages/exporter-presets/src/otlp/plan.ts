import { diag } from "@opentelemetry/api";
import type { Conventions } from "../conventions/conventions";
import { readFirstEnv } from "../env";
import { PresetConfigurationError } from "../errors";
import { type OtlpSignal, signalEnvName } from "./signal";
import { OTLP_PROTOCOLS, type OtlpProtocol } from "./types";

export { joinUrl } from "./url";

/** What a backend accepts, applied to the copy of each span sent to it (other destinations keep full values). */
export interface BackendLimits {
  /** Longest string attribute value kept, in UTF-16 units (span, event and link attributes, array items). */
  readonly attributeValueLength?: number;
  /** Most items kept in an array attribute value. */
  readonly attributeArrayLength?: number;
  /**
   * Largest export request, in bytes, as estimated before encoding and compression (an upper
   * bound of the protobuf size); larger batches are sent as several requests.
   */
  readonly maxRequestBytes?: number;
}

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
  /**
   * The attribute conventions the backend reads. This is the one place per preset where the
   * translator is named; `conventions/translate.ts` applies it.
   */
  readonly conventions: Conventions;
  /** The backend's limits, applied so that spans are not rejected. */
  readonly limits?: BackendLimits;
  /** Resource attributes the backend needs (e.g. routing), added to each span's resource where missing. */
  readonly resourceAttributes?: Readonly<Record<string, string>>;
  /** A hint for the debug log, e.g. where to look at the traces (never a secret). */
  readonly note?: string;
}

/** `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` (or `…_METRICS_…`), else `OTEL_EXPORTER_OTLP_PROTOCOL`, when set to a known value. */
export function envProtocol(signal: OtlpSignal = "traces"): { name: string; value: OtlpProtocol } | undefined {
  const env = readFirstEnv(signalEnvName(signal, "PROTOCOL"), "OTEL_EXPORTER_OTLP_PROTOCOL");
  if (env === undefined) return undefined;
  const value = env.value.toLowerCase();
  if ((OTLP_PROTOCOLS as readonly string[]).includes(value)) return { name: env.name, value: value as OtlpProtocol };
  diag.warn(`genai-otel: ignoring ${env.name}="${env.value}": expected one of ${OTLP_PROTOCOLS.join(", ")}.`);
  return undefined;
}

/**
 * Picks the protocol: the option (must be in `supported`, else throws) > the signal's standard
 * protocol variable when the preset supports its value (else a diag warning) > `fallback`.
 * @throws PresetConfigurationError when the option names a protocol the preset does not support.
 */
export function resolveProtocol(
  preset: string,
  option: string | undefined,
  supported: readonly OtlpProtocol[],
  fallback: OtlpProtocol,
  signal: OtlpSignal = "traces",
): OtlpProtocol {
  if (option !== undefined) {
    if ((supported as readonly string[]).includes(option)) return option as OtlpProtocol;
    throw new PresetConfigurationError(
      `The "${preset}" exporter preset does not support protocol "${option}"; supported: ${supported.join(", ")}.`,
      preset,
    );
  }
  const env = envProtocol(signal);
  if (env === undefined) return fallback;
  if (supported.includes(env.value)) return env.value;
  diag.warn(`genai-otel: the "${preset}" preset does not support ${env.name}=${env.value}; using ${fallback}.`);
  return fallback;
}

/**
 * Picks one of a fixed set of values (a region, a site): the option > the environment variable >
 * `fallback`, case-insensitively.
 * @throws PresetConfigurationError naming the option or variable and the known values.
 */
export function resolveChoice<T extends string>(
  preset: string,
  what: string,
  known: readonly T[],
  option: { readonly name: string; readonly value: string | undefined },
  envName: string | undefined,
  fallback: T,
): T {
  const env = envName === undefined ? undefined : readFirstEnv(envName);
  const [raw, source] = option.value !== undefined ? [option.value, `option "${option.name}"`] : [env?.value, envName];
  if (raw === undefined) return fallback;
  const value = raw.trim().toLowerCase();
  if ((known as readonly string[]).includes(value)) return value as T;
  throw new PresetConfigurationError(
    `The "${preset}" exporter preset got an unknown ${what} "${raw}" from ${source}; known ${what}s: ${known.join(", ")}.`,
    preset,
  );
}
