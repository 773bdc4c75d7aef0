/**
 * Runs a LangChain chain traced by genai-otel on each JavaScript runtime users deploy to, exporting
 * over OTLP/HTTP to the local receiver, and checks that the spans arrive and nest:
 * - workerd (Cloudflare Workers, through miniflare), without and with `nodejs_compat`: the
 *   cloudflare-worker example, bundled as wrangler does (conditions `workerd`, `worker`, `browser`);
 * - Vercel's edge-runtime: the vercel-edge example, bundled as Next.js does (`edge-light`, `worker`, `browser`);
 * - Bun and Deno: the same chain with the default (Node) entries.
 * Exits non-zero on the first failure. Needs the packages built (`npm test` builds them).
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startOpenAIServer } from "@genai-otel-internal/openai-server";
import { type ReceivedSpan, startOtlpReceiver } from "@genai-otel-internal/otlp-receiver";
import { EdgeRuntime } from "edge-runtime";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const here = fileURLToPath(new URL("..", import.meta.url));
const bin = (name: string) => `${here}node_modules/.bin/${name}`;

async function bundle(entry: string, conditions: string[], format: "esm" | "iife"): Promise<string> {
  const result = await build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    write: false,
    format,
    platform: "browser",
    conditions,
    target: "es2022",
    logLevel: "error",
    ...(format === "iife" ? { globalName: "__route" } : {}),
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error(`esbuild produced nothing for ${entry}`);
  return text;
}

function exec(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: here, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited with ${code}:\n${out}\n${err}`))));
  });
}

/** The root span of the chain (a named chain is an `invoke_workflow` span). */
const ROOT = "invoke_workflow edge-qa";

/** Waits for the chain's spans of `service` and checks the tree: the workflow root, `chat gpt-4o-mini` under it. */
async function expectTrace(receiver: Awaited<ReturnType<typeof startOtlpReceiver>>, service: string): Promise<ReceivedSpan[]> {
  const ofService = (span: ReceivedSpan) => span.resource["service.name"] === service;
  await receiver.waitForSpans((span) => ofService(span) && span.name === ROOT, 20_000);
  const spans = receiver.spans().filter(ofService);
  const root = spans.find((span) => span.name === ROOT);
  const chat = spans.find((span) => span.name === "chat gpt-4o-mini");
  if (root === undefined || chat === undefined) throw new Error(`${service}: expected spans "${ROOT}" and "chat gpt-4o-mini", got ${spans.map((s) => s.name).join(", ")}`);
  if (root.parentSpanId !== undefined && root.parentSpanId !== "") throw new Error(`${service}: "${ROOT}" is not a root span`);
  if (chat.traceId !== root.traceId || chat.parentSpanId !== root.spanId) throw new Error(`${service}: "chat gpt-4o-mini" does not nest under "${ROOT}"`);
  if (chat.attributes["gen_ai.operation.name"] !== "chat") throw new Error(`${service}: the chat span lacks gen_ai.operation.name=chat`);
  return spans;
}

const openai = await startOpenAIServer();
const receiver = await startOtlpReceiver();
const tracesUrl = `${receiver.httpUrl}/v1/traces`;
const results: string[] = [];
let failed = false;

async function check(name: string, service: string, run: () => Promise<string>): Promise<void> {
  const started = performance.now();
  try {
    const answer = await run();
    if (!answer.includes("answer")) throw new Error(`${name}: unexpected response ${answer}`);
    const spans = await expectTrace(receiver, service);
    results.push(`✔ ${name}: ${spans.length} spans, nested (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    failed = true;
    results.push(`✘ ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

try {
  const worker = await bundle("examples/cloudflare-worker/src/worker.ts", ["workerd", "worker", "browser"], "esm");
  for (const flags of [[], ["nodejs_compat"]]) {
    const service = "cloudflare-worker";
    const label = `workerd ${flags.length === 0 ? "without" : "with"} nodejs_compat`;
    await check(label, service, async () => {
      receiver.reset();
      const mf = new Miniflare({
        modules: true,
        script: worker,
        compatibilityDate: "2026-04-01",
        compatibilityFlags: flags,
        bindings: { OPENAI_API_KEY: "test-fake-key", OPENAI_BASE_URL: openai.url, OTLP_TRACES_ENDPOINT: tracesUrl },
      });
      try {
        const response = await mf.dispatchFetch("http://localhost/?q=Which%20runtime%20is%20this%3F");
        const text = await response.text();
        if (response.status !== 200) throw new Error(`status ${response.status}: ${text}`);
        await receiver.waitForSpans((span) => span.name === ROOT, 20_000);
        return text;
      } finally {
        await mf.dispose();
      }
    });
  }

  const route = await bundle("examples/vercel-edge/src/route.ts", ["edge-light", "worker", "browser"], "iife");
  await check("Vercel edge-runtime", "vercel-edge", async () => {
    receiver.reset();
    // As in Next.js edge routes: a minimal `process` with the project's variables and a version
    // (the OpenAI SDK reads it), and none of Node's APIs.
    const vars = { OPENAI_API_KEY: "test-fake-key", OPENAI_BASE_URL: openai.url, OTLP_TRACES_ENDPOINT: tracesUrl };
    const runtime = new EdgeRuntime({ initialCode: route, extend: (context) => Object.assign(context, { process: { env: vars, version: "v20.0.0" } }) });
    if (runtime.evaluate<string>("typeof require + typeof process.stdout") !== "undefinedundefined") throw new Error("edge-runtime unexpectedly has Node APIs");
    const request = runtime.evaluate<Promise<{ status: number; text(): Promise<string> }>>(
      `__route.POST(new Request("http://localhost/api/answer", { method: "POST", body: JSON.stringify({ question: "Which runtime is this?" }) }))`,
    );
    const response = await request;
    const text = await response.text();
    if (response.status !== 200) throw new Error(`status ${response.status}: ${text}`);
    return text;
  });

  const nodeEnv = (service: string): NodeJS.ProcessEnv => ({
    ...process.env,
    SERVICE_NAME: service,
    OPENAI_API_KEY: "test-fake-key",
    OPENAI_BASE_URL: openai.url,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
    GENAI_OTEL_PRESET: "",
  });
  await check("Bun", "bun-app", () => exec(bin("bun"), ["run", "src/node-app.ts"], nodeEnv("bun-app")));
  await check("Deno", "deno-app", () => exec(bin("deno"), ["run", "-A", "--quiet", "src/node-app.ts"], nodeEnv("deno-app")));
} finally {
  await receiver.close();
  await openai.close();
}
console.log(results.join("\n"));
if (failed) process.exit(1);
