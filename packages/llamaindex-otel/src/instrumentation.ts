import type { MeterProvider, TracerProvider } from "@opentelemetry/api";
import { resolveSetting } from "@genai-otel/core-semconv/internal";
import { startInstallation } from "./instrument";
import type { LlamaIndexInstallation } from "./installation";
import { SCOPE_NAME, SCOPE_VERSION } from "./operation-tracer";
import type { LlamaIndexInstrumentationConfig } from "./types";
import { LLAMAINDEX_SETTINGS } from "./settings";

/**
 * LlamaIndex.TS tracing as an OpenTelemetry instrumentation, for `NodeSDK({ instrumentations })`
 * and `registerInstrumentations()`. Implements the `Instrumentation` interface of
 * `@opentelemetry/instrumentation` structurally (that package is not needed at run time); does
 * the same as {@link instrumentLlamaIndex}, which it shares its single process-wide installation
 * with: while one of them is active, enabling the other only logs a `diag` warning.
 *
 * Enabled on construction unless `config.enabled === false`, so construct it before building
 * LlamaIndex objects (as with `instrumentLlamaIndex`).
 *
 * @example
 * ```ts
 * const sdk = new NodeSDK({ instrumentations: [new LlamaIndexInstrumentation({ captureContent: true })] });
 * sdk.start();
 * ```
 */
export class LlamaIndexInstrumentation {
  /** Instrumentation scope name: `@genai-otel/llamaindex-otel`. */
  readonly instrumentationName: string = SCOPE_NAME;
  /** Instrumentation scope version: this package's version. */
  readonly instrumentationVersion: string = SCOPE_VERSION;
  private config: LlamaIndexInstrumentationConfig;
  private installation?: LlamaIndexInstallation;

  /** @param config - options of `instrumentLlamaIndex` plus `enabled` (default true) */
  constructor(config: LlamaIndexInstrumentationConfig = {}) {
    this.config = { ...config, enabled: resolveSetting(LLAMAINDEX_SETTINGS.enabled, config.enabled) };
    if (this.config.enabled) this.enable();
  }

  /** Installs the patches (no-op when this instance is enabled already). Never throws. */
  enable(): void {
    this.config = { ...this.config, enabled: true };
    if (this.installation) return;
    try {
      this.installation = startInstallation(this.config);
    } catch {
      this.installation = undefined;
    }
  }

  /** Removes every patch, as `uninstrument()` does. Idempotent; never throws. */
  disable(): void {
    this.config = { ...this.config, enabled: false };
    this.installation?.uninstrument();
    this.installation = undefined;
  }

  /** Sends later spans to `tracerProvider` (NodeSDK calls this with its provider). */
  setTracerProvider(tracerProvider: TracerProvider): void {
    this.config = { ...this.config, tracerProvider };
    this.installation?.tracing.setTracerProvider(tracerProvider);
  }

  /** Records later GenAI client metrics with `meterProvider` (NodeSDK calls this with its provider). */
  setMeterProvider(meterProvider: MeterProvider): void {
    this.config = { ...this.config, meterProvider };
    this.installation?.tracing.setMeterProvider(meterProvider);
  }

  /** Replaces the configuration; when enabled, patches are reinstalled with it. */
  setConfig(config: LlamaIndexInstrumentationConfig): void {
    const wasRunning = this.installation !== undefined;
    if (wasRunning) this.disable();
    this.config = { ...config, enabled: resolveSetting(LLAMAINDEX_SETTINGS.enabled, config.enabled) };
    if (wasRunning && this.config.enabled) this.enable();
  }

  /** The current configuration. */
  getConfig(): LlamaIndexInstrumentationConfig {
    return this.config;
  }

  /**
   * Settles once optional packages loaded in the background are patched (see
   * `LlamaIndexInstrumentationHandle.ready`); settled at once when disabled. Never rejects.
   */
  get ready(): Promise<void> {
    return this.installation?.ready ?? Promise.resolve();
  }
}
