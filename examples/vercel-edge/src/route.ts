/**
 * A Next.js route handler on Vercel's edge runtime (`app/api/answer/route.ts`) that answers with a
 * LangChain chain, traced by the OpenTelemetry callback handler and exported over OTLP/HTTP
 * (`fetch`) with the edge entry of @genai-otel/exporter-presets.
 *
 * In Next.js 15+, prefer `after(tracing.flush)` (from `next/server`) to flushing before returning:
 * the export then runs after the response is sent.
 */
import { setupTracing } from "@genai-otel/exporter-presets/edge";
import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { makeChain } from "./chain";

export const runtime = "edge";

// Vercel Edge has `process.env` for the project's variables (set at build time), but no Node APIs.
const env = (name: string): string | undefined => (typeof process === "undefined" ? undefined : process.env[name]) ?? (globalThis as Record<string, unknown>)[name] as string | undefined;

const tracing = setupTracing({
  serviceName: "vercel-edge",
  presets: [{ name: "otlp", options: { endpoint: env("OTLP_TRACES_ENDPOINT") ?? "http://127.0.0.1:4318/v1/traces", protocol: "http/json" } }],
  exportMode: "immediate",
});
const handler = new OpenTelemetryCallbackHandler({ tracerProvider: tracing.tracerProvider });

export async function POST(request: Request): Promise<Response> {
  const { question } = (await request.json()) as { question?: string };
  try {
    const answer = await makeChain(env("OPENAI_API_KEY") ?? "", env("OPENAI_BASE_URL") ?? "https://api.openai.com/v1").invoke(
      { question: question ?? "What is OpenTelemetry?" },
      { callbacks: [handler] },
    );
    return Response.json({ answer });
  } finally {
    await tracing.flush();
  }
}
