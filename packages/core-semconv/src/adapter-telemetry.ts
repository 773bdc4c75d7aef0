import { type Attributes, type MeterProvider, type Span, type Tracer, type TracerProvider, trace } from "@opentelemetry/api";
import { type ContentOptions, ContentPolicy } from "./content-policy";
import { MeteredSpan } from "./lifecycle/metered-span";
import { GenAIMetrics } from "./metrics";
import { getGenAITracer } from "./tracer";

/** The options every adapter resolves the same way: content capture, tracer and meter providers. */
export interface AdapterTelemetryOptions extends ContentOptions {
  /** Provider to create spans with; default the global one, looked up when each span starts. */
  tracerProvider?: TracerProvider;
  /** Provider for the GenAI client metrics; default the global one. */
  meterProvider?: MeterProvider;
}

/**
 * What an adapter resolves once from its options: the content policy, the GenAI client metrics and the tracer of the
 * configured provider (else of the global one, looked up at each call so that a provider registered later is used),
 * cached per provider. The one base of langchain-otel's `RunTracker` and llamaindex-otel's `OperationTracer`.
 *
 * @internal
 */
export class AdapterTelemetry {
  /** The resolved content policy. */
  readonly policy: ContentPolicy;
  /** The GenAI client metrics (a no-op until a meter provider is registered). */
  protected metrics: GenAIMetrics;
  private tracerProvider?: TracerProvider;
  private cached?: { provider: TracerProvider; tracer: Tracer };

  /**
   * @param scope - the instrumentation scope (`name`, `version`) of the adapter's spans and metrics
   * @param options - the adapter's options
   */
  constructor(
    private readonly scope: { name: string; version: string },
    options: AdapterTelemetryOptions,
  ) {
    this.policy = new ContentPolicy(options);
    this.tracerProvider = options.tracerProvider;
    this.metrics = new GenAIMetrics(scope.name, scope.version, options.meterProvider);
  }

  /** Sends later spans to `provider` (`undefined`: the global provider). */
  setTracerProvider(provider: TracerProvider | undefined): void {
    this.tracerProvider = provider;
  }

  /** Records later metrics with `provider` (`undefined`: the global provider). */
  setMeterProvider(provider: MeterProvider | undefined): void {
    this.metrics = new GenAIMetrics(this.scope.name, this.scope.version, provider);
  }

  /**
   * The span of a model call (chat, text completion, embeddings) as it should be used and ended (through
   * `finishSpan`): wrapped in a `MeteredSpan` (`lifecycle/metered-span.ts`) that records the GenAI client metrics
   * (duration, token usage, time to first chunk, `error.type`) when it ends, or `span` itself while no meter
   * provider is registered (nothing would be recorded, so nothing is tracked). The one place both adapters
   * record these metrics.
   *
   * @param span - the span just started
   * @param startAttributes - the attributes it was started with (operation, provider, request model, server)
   */
  metered(span: Span, startAttributes: Attributes): Span {
    return this.metrics.enabled ? new MeteredSpan(span, startAttributes, this.metrics) : span;
  }

  /** The tracer of the configured (else the global) provider, cached per provider. */
  tracer(): Tracer {
    const provider = this.tracerProvider ?? trace.getTracerProvider();
    if (this.cached?.provider !== provider) this.cached = { provider, tracer: getGenAITracer(this.scope.name, this.scope.version, provider) };
    return this.cached.tracer;
  }
}
