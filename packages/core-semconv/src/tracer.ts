import { type Tracer, type TracerProvider, trace } from "@opentelemetry/api";

/**
 * The tracer an adapter uses: from the given provider, else the global one (looked up at call time,
 * so a provider registered after the adapter was created is still used).
 *
 * @param name - instrumentation scope name, e.g. `@genai-otel/langchain-otel`
 * @param version - instrumentation scope version
 *
 * @internal
 */
export function getGenAITracer(name: string, version: string, provider?: TracerProvider): Tracer {
  return (provider ?? trace.getTracerProvider()).getTracer(name, version);
}
