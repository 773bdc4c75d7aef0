import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type OtlpReceiver, startOtlpReceiver } from "@genai-otel-internal/otlp-receiver";
import { setupTracing } from "@genai-otel/exporter-presets";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url));
const semconvEntry = fileURLToPath(new URL("../../core-semconv/src/index.ts", import.meta.url));
let receiver: OtlpReceiver;

// A receiver per test: a late export of an earlier test (a retry, a timed-out request) never reaches this one.
beforeEach(async () => {
  receiver = await startOtlpReceiver();
});
afterEach(() => receiver.close());

/**
 * A process that ends one span with a 60 s batch delay (and, with TEST_METRICS, records GenAI
 * metrics, exported every 60 s, cumulative), then either ends on its own or waits for SIGTERM.
 */
const script = `
import { setupTracing } from ${JSON.stringify(entry)};
const tracing = setupTracing({
  presets: [{ name: "otlp", options: { endpoint: process.env.TEST_URL } }],
  registerGlobal: false,
  batch: { scheduledDelayMillis: 60000 },
  ...(process.env.TEST_FLUSH === "option" ? { flushOnExit: true } : {}),
});
tracing.tracerProvider.getTracer("exit").startSpan(process.env.TEST_SPAN).end();
if (process.env.TEST_METRICS === "1") {
  const { GenAIMetrics } = await import(${JSON.stringify(semconvEntry)});
  new GenAIMetrics("exit", "1", tracing.meterProvider).record({ operation: "chat" }, { durationS: 0.2, inputTokens: 3 });
}
if (process.env.TEST_WAIT === "1") {
  setInterval(() => {}, 1000);
  console.log("ready");
}
`;

function run(env: Record<string, string>, signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: packageDir,
      env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: "", GENAI_OTEL_FLUSH_ON_EXIT: "", TEST_URL: `${receiver.httpUrl}/v1/traces`, ...env },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.on("data", (chunk) => {
      if (signal !== undefined && String(chunk).includes("ready")) child.kill(signal);
    });
    child.on("error", reject);
    child.on("exit", (code, exitSignal) => resolve({ code, signal: exitSignal, stderr }));
  });
}

describe("flush on exit (opt-in)", () => {
  it("without it, a batched span is lost when the process ends on its own (the control)", async () => {
    const result = await run({ TEST_SPAN: "lost" });
    expect(result.code).toBe(0);
    expect(receiver.spans()).toEqual([]);
  });

  it("flushes on beforeExit (option), then the process ends normally", async () => {
    const result = await run({ TEST_SPAN: "before-exit", TEST_FLUSH: "option" });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(receiver.spans().map((span) => span.name)).toEqual(["before-exit"]);
  });

  it("flushes on SIGTERM (GENAI_OTEL_FLUSH_ON_EXIT), then ends by the signal as before", async () => {
    const result = await run({ TEST_SPAN: "sigterm", TEST_WAIT: "1", GENAI_OTEL_FLUSH_ON_EXIT: "true" }, "SIGTERM");
    expect(result.signal).toBe("SIGTERM");
    expect(receiver.spans().map((span) => span.name)).toEqual(["sigterm"]);
  });

  it("flushes metrics too on beforeExit, once: cumulative metrics do not keep the process alive", async () => {
    const result = await run({ TEST_SPAN: "with-metrics", TEST_FLUSH: "option", TEST_METRICS: "1" });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(receiver.spans().map((span) => span.name)).toEqual(["with-metrics"]);
    expect(receiver.requests.filter((request) => request.signal === "metrics")).toHaveLength(1);
    expect(receiver.metrics().map((metric) => metric.name).sort()).toEqual(["gen_ai.client.operation.duration", "gen_ai.client.token.usage"]);
  });

  it("flushes metrics on SIGTERM", async () => {
    const result = await run({ TEST_SPAN: "sigterm-metrics", TEST_WAIT: "1", GENAI_OTEL_FLUSH_ON_EXIT: "true", TEST_METRICS: "1" }, "SIGTERM");
    expect(result.signal).toBe("SIGTERM");
    expect(receiver.metrics().map((metric) => metric.name)).toContain("gen_ai.client.token.usage");
  });

  it("removes its listeners on shutdown", async () => {
    const before = [process.listenerCount("beforeExit"), process.listenerCount("SIGTERM")];
    const tracing = setupTracing({ presets: [], registerGlobal: false, flushOnExit: true });
    expect([process.listenerCount("beforeExit"), process.listenerCount("SIGTERM")]).toEqual([before[0]! + 1, before[1]! + 1]);
    await tracing.shutdown();
    expect([process.listenerCount("beforeExit"), process.listenerCount("SIGTERM")]).toEqual(before);
  });
});
