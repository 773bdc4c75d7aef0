import { createExporter, PresetConfigurationError, setupTracing } from "@genai-otel/exporter-presets";
import { type DiagLogger, DiagLogLevel, diag } from "@opentelemetry/api";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeEach, expect, vi } from "vitest";

/** Captures every diag message (all levels) until `stop()`; `text()` joins them for assertions. */
export function captureDiag(): { messages: string[]; text: () => string; stop: () => void } {
  const messages: string[] = [];
  const record =
    (level: string) =>
    (message: string, ...args: unknown[]) =>
      messages.push(`${level} ${message} ${args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" ")}`.trim());
  const logger: DiagLogger = {
    error: record("error"),
    warn: record("warn"),
    info: record("info"),
    debug: record("debug"),
    verbose: record("verbose"),
  };
  diag.setLogger(logger, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true });
  return { messages, text: () => messages.join("\n"), stop: () => diag.disable() };
}

/** The `genai-otel: preset "<name>" exports over …` debug line. */
export function configLine(messages: readonly string[], preset: string): string {
  const line = messages.find((message) => message.includes(`preset "${preset}" exports over`));
  if (line === undefined) throw new Error(`no configuration line for ${preset} in:\n${messages.join("\n")}`);
  return line;
}

/** Every OTEL/vendor variable a preset reads, so tests start from a clean environment. */
export const PRESET_ENV_VARS = [
  "GENAI_OTEL_PRESET",
  "OTEL_TRACES_EXPORTER",
  "OTEL_SERVICE_NAME",
  "OTEL_RESOURCE_ATTRIBUTES",
  "OTEL_LOG_LEVEL",
  "OTEL_EXPORTER_OTLP_ENDPOINT",
  "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
  "OTEL_EXPORTER_OTLP_HEADERS",
  "OTEL_EXPORTER_OTLP_TRACES_HEADERS",
  "OTEL_EXPORTER_OTLP_PROTOCOL",
  "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
  "OTEL_EXPORTER_OTLP_COMPRESSION",
  "OTEL_EXPORTER_OTLP_TRACES_COMPRESSION",
  "OTEL_EXPORTER_OTLP_TIMEOUT",
  "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT",
  "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
  "OTEL_EXPORTER_OTLP_METRICS_HEADERS",
  "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL",
  "OTEL_EXPORTER_OTLP_METRICS_COMPRESSION",
  "OTEL_EXPORTER_OTLP_METRICS_TIMEOUT",
  "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE",
  "OTEL_METRIC_EXPORT_INTERVAL",
  "OTEL_METRIC_EXPORT_TIMEOUT",
  "OTEL_METRICS_EXPORTER",
  "GENAI_OTEL_METRICS",
  "TRACELOOP_API_KEY",
  "TRACELOOP_BASE_URL",
  "TRACELOOP_HEADERS",
  "WANDB_API_KEY",
  "WANDB_ENTITY",
  "WANDB_PROJECT",
  "WANDB_BASE_URL",
  "DD_AGENT_HOST",
  "DD_API_KEY",
  "DD_SITE",
  "DD_LLMOBS_ML_APP",
  "NEW_RELIC_LICENSE_KEY",
  "NEW_RELIC_REGION",
  "GENAI_OTEL_FILE_PATH",
  "GENAI_OTEL_EXPORT_MODE",
  "GENAI_OTEL_FLUSH_ON_EXIT",
  "JAEGER_HOST",
  "GRAFANA_CLOUD_ZONE",
  "GRAFANA_CLOUD_OTLP_ENDPOINT",
  "GRAFANA_CLOUD_INSTANCE_ID",
  "GRAFANA_CLOUD_API_KEY",
  "HONEYCOMB_API_KEY",
  "HONEYCOMB_API_ENDPOINT",
  "HONEYCOMB_DATASET",
  "HONEYCOMB_METRICS_DATASET",
  "LANGFUSE_PUBLIC_KEY",
  "LANGFUSE_SECRET_KEY",
  "LANGFUSE_BASE_URL",
  "LANGFUSE_BASEURL",
  "LANGFUSE_HOST",
  "PHOENIX_API_KEY",
  "PHOENIX_COLLECTOR_ENDPOINT",
  "PHOENIX_PROJECT_NAME",
  "PHOENIX_CLIENT_HEADERS",
  "PHOENIX_GRPC_PORT",
  "LMNR_PROJECT_API_KEY",
  "LMNR_BASE_URL",
  "OTEL_TRACES_SAMPLER",
  "OTEL_TRACES_SAMPLER_ARG",
  "OTEL_BSP_SCHEDULE_DELAY",
  "OTEL_BSP_MAX_QUEUE_SIZE",
  "OTEL_BSP_MAX_EXPORT_BATCH_SIZE",
  "OTEL_BSP_EXPORT_TIMEOUT",
  "NO_COLOR",
  "FORCE_COLOR",
] as const;

/** What {@link useCleanEnv} gives a test file (call these inside tests). */
export interface CleanEnv {
  /** The diag messages captured during the current test. */
  log(): ReturnType<typeof captureDiag>;
  /** `setupTracing` (not registered globally unless `options` say so), shut down after the test. */
  setup(options: Parameters<typeof setupTracing>[0]): ReturnType<typeof setupTracing>;
  /** Runs `stop` after the test (before the checks), e.g. to shut down what a test made by other means. */
  afterTest(stop: () => Promise<void> | void): void;
}

/**
 * The per-test environment of the exporter-presets tests: before each test every preset env var is cleared and diag
 * is captured; after it, what `setup` / `afterTest` were given is shut down, no diag line may contain one of
 * `secrets`, and diag and the environment are restored.
 */
export function useCleanEnv(secrets: readonly string[] = []): CleanEnv {
  let log: ReturnType<typeof captureDiag>;
  const stops: Array<() => Promise<void> | void> = [];
  beforeEach(() => {
    for (const name of PRESET_ENV_VARS) vi.stubEnv(name, undefined);
    log = captureDiag();
  });
  afterEach(async () => {
    try {
      await Promise.all(stops.splice(0).map((stop) => stop()));
      for (const secret of secrets) expect(log.text()).not.toContain(secret);
    } finally {
      log.stop();
      vi.unstubAllEnvs();
    }
  });
  return {
    log: () => log,
    setup(options) {
      const tracing = setupTracing({ registerGlobal: false, ...options });
      stops.push(() => tracing.shutdown());
      return tracing;
    },
    afterTest: (stop) => stops.push(stop),
  };
}

/** What {@link usePresetEnv} gives a test file (call these inside tests). */
export interface PresetEnv {
  /** The diag messages captured during the current test. */
  log(): ReturnType<typeof captureDiag>;
  /** `createExporter`, the exporter shut down after the test. */
  make(...args: Parameters<typeof createExporter>): SpanExporter;
  /** The {@link PresetConfigurationError} `fn` throws, whose message must not contain the secret (fails otherwise). */
  errorOf(fn: () => unknown): PresetConfigurationError;
  /** The message of {@link PresetEnv.errorOf}. */
  messageOf(fn: () => unknown): string;
}

/**
 * The per-test environment of the configuration tests: every preset env var cleared, diag captured, exporters made
 * with `make` shut down; after each test no diag line contains `secret`.
 */
export function usePresetEnv(secret: string): PresetEnv {
  const { log, afterTest } = useCleanEnv([secret]);
  const errorOf = (fn: () => unknown): PresetConfigurationError => {
    try {
      const result = fn() as { shutdown?: () => Promise<void> } | undefined;
      void result?.shutdown?.();
    } catch (error) {
      expect(error).toBeInstanceOf(PresetConfigurationError);
      expect((error as Error).message).not.toContain(secret);
      return error as PresetConfigurationError;
    }
    throw new Error("expected a PresetConfigurationError");
  };
  return {
    log,
    make: (...args) => {
      const exporter = createExporter(...args);
      afterTest(() => exporter.shutdown());
      return exporter;
    },
    errorOf,
    messageOf: (fn) => errorOf(fn).message,
  };
}
