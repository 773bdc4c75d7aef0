/**
 * A Cloudflare Worker (module syntax) that answers `?q=...` with a LangChain chain, traced by the
 * OpenTelemetry callback handler and exported over OTLP/HTTP (`fetch`) with the edge entry of
 * @genai-otel/exporter-presets. Runs with or without `nodejs_compat`. Workers have no process
 * environment: the endpoint and keys come from the bindings in `env`.
 */
import { type EdgeTracingSetup, setupTracing } from "@genai-otel/exporter-presets/edge";
import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { makeChain } from "./chain";

interface Env {
  OPENAI_API_KEY: string;
  OPENAI_BASE_URL: string;
  /** e.g. `https://otlp.example.com/v1/traces` */
  OTLP_TRACES_ENDPOINT: string;
}

let tracing: EdgeTracingSetup | undefined;
let handler: OpenTelemetryCallbackHandler | undefined;

export default {
  async fetch(request: Request, env: Env, ctx: { waitUntil(promise: Promise<unknown>): void }): Promise<Response> {
    // Set up once per isolate, on the first request (bindings are only known here).
    tracing ??= setupTracing({
      serviceName: "cloudflare-worker",
      presets: [{ name: "otlp", options: { endpoint: env.OTLP_TRACES_ENDPOINT, protocol: "http/protobuf" } }],
      exportMode: "immediate",
    });
    handler ??= new OpenTelemetryCallbackHandler({ tracerProvider: tracing.tracerProvider });

    const question = new URL(request.url).searchParams.get("q") ?? "What is OpenTelemetry?";
    try {
      const answer = await makeChain(env.OPENAI_API_KEY, env.OPENAI_BASE_URL).invoke({ question }, { callbacks: [handler] });
      return Response.json({ answer });
    } finally {
      // Export after the response is sent, without holding it back.
      ctx.waitUntil(tracing.flush());
    }
  },
};
