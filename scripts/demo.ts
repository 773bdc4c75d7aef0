/**
 * The demo: starts the local stand-ins (an OpenAI-compatible server and an OTLP receiver), runs both
 * example apps as separate processes exporting over real OTLP, and prints each trace as the receiver
 * decoded it. Exits non-zero if an app fails or an expected span did not arrive.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startOpenAIServer } from "@genai-otel-internal/openai-server";
import { type ReceivedSpan, startOtlpReceiver } from "@genai-otel-internal/otlp-receiver";
import { formatSpanTree } from "@genai-otel/core-semconv";

interface Example {
  service: string;
  dir: string;
  protocol: "grpc" | "http/protobuf" | "http/json";
  /** Span names (prefixes) that must arrive. */
  expect: string[];
}

const EXAMPLES: Example[] = [
  { service: "langchain-rag", dir: "examples/langchain-rag", protocol: "grpc", expect: ["invoke_workflow rag-qa", "retrieval ", "chat ", "execute_tool "] },
  { service: "llamaindex-rag", dir: "examples/llamaindex-rag", protocol: "http/protobuf", expect: ["query", "retrieval", "embeddings ", "synthesize", "chat ", "invoke_agent ", "execute_tool "] },
];

const root = fileURLToPath(new URL("..", import.meta.url));

function run(example: Example, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", `${example.dir}/src/main.ts`], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.on("data", (d: Buffer) => process.stdout.write(`  [${example.service}] ${d.toString().trimEnd().replaceAll("\n", `\n  [${example.service}] `)}\n`));
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function toNodes(spans: ReceivedSpan[]) {
  return spans.map((s) => ({
    traceId: s.traceId,
    spanId: s.spanId,
    parentSpanId: s.parentSpanId,
    name: s.name,
    startTimeMs: Number(s.startTimeUnixNano / 1_000_000n),
    durationMs: s.durationMs,
    attributes: s.attributes,
    error: s.status.code === 2,
  }));
}

const openai = await startOpenAIServer();
const receiver = await startOtlpReceiver();
let failed = false;
try {
  for (const example of EXAMPLES) {
    const endpoint = example.protocol === "grpc" ? receiver.grpcUrl : receiver.httpUrl;
    console.log(`\n▶ ${example.service}: OpenAI-compatible server ${openai.url}, OTLP ${example.protocol} → ${endpoint}`);
    const code = await run(example, {
      ...process.env,
      OPENAI_API_KEY: "test-fake-key",
      OPENAI_BASE_URL: openai.url,
      GENAI_OTEL_PRESET: "otlp",
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: example.protocol,
    });
    if (code !== 0) {
      console.error(`✗ ${example.service} exited with code ${code}`);
      failed = true;
      continue;
    }
    const spans = receiver.spans().filter((s) => s.resource["service.name"] === example.service);
    const requests = receiver.requests.filter((r) => r.spans.some((s) => s.resource["service.name"] === example.service));
    console.log(`\n  received ${spans.length} spans in ${requests.length} OTLP request(s) (${[...new Set(requests.map((r) => `${r.transport} ${r.contentType ?? ""}`.trim()))].join(", ")}):\n`);
    console.log(formatSpanTree(toNodes(spans), { color: process.stdout.isTTY }).replace(/^/gm, "  "));
    const missing = example.expect.filter((prefix) => !spans.some((s) => s.name.startsWith(prefix)));
    if (missing.length) {
      console.error(`✗ ${example.service}: expected spans not received: ${missing.join(", ")}`);
      failed = true;
    }
  }
} finally {
  await receiver.close();
  await openai.close();
}
console.log(failed ? "\ndemo failed" : "\n✓ demo finished: both traces received over OTLP");
process.exit(failed ? 1 : 0);
