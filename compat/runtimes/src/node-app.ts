/**
 * The chain of the edge examples, run with the default (Node) entries of genai-otel on Bun or Deno:
 * `setupTracing` from @genai-otel/exporter-presets (OTLP/HTTP), the handler from
 * @genai-otel/langchain-otel, configured through the environment as on Node.
 */
import { setupTracing } from "@genai-otel/exporter-presets";
import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { makeChain } from "../../../examples/cloudflare-worker/src/chain.ts";

const env = process.env;
const tracing = setupTracing({ serviceName: env.SERVICE_NAME, presets: ["otlp"], exportMode: "immediate" });
const handler = new OpenTelemetryCallbackHandler();
const answer = await makeChain(env.OPENAI_API_KEY ?? "", env.OPENAI_BASE_URL ?? "").invoke({ question: "Which runtime is this?" }, { callbacks: [handler] });
console.log(JSON.stringify({ answer }));
await tracing.shutdown();
