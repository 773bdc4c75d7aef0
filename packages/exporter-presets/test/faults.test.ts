import { createServer } from "node:net";
import type { FaultMode } from "@genai-otel-internal/otlp-receiver";
import { type DestinationStats, type SetupTracingOptions, setupTracing } from "@genai-otel/exporter-presets";
import type { Tracer } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { useReceiver } from "./receiver-fixture";

const KEY = "fake-fault-key-4242";
/** Short exporter and processor timings, so that every fault resolves in well under a second. */
const TIMEOUT_MS = 300;
const QUEUE = 20;
const BATCH = { scheduledDelayMillis: 10, maxQueueSize: QUEUE, maxExportBatchSize: 10, exportTimeoutMillis: 600 } as const;

const fx = useReceiver({ secrets: [KEY], noUnhandledRejections: true });

/** The app: a computation that records one span per step. Its result must not depend on tracing. */
function app(tracer: Tracer | undefined, steps: number): number {
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const span = tracer?.startSpan(`step ${i}`, { attributes: { "gen_ai.operation.name": "chat", step: i } });
    sum += i * i;
    span?.end();
  }
  return sum;
}

function setup(destination: "http" | "grpc" | string, extra: Partial<SetupTracingOptions> = {}, timeoutMillis = TIMEOUT_MS) {
  const endpoint = destination === "http" ? `${fx.receiver.httpUrl}/v1/traces` : destination === "grpc" ? fx.receiver.grpcUrl : destination;
  const protocol = destination === "grpc" ? "grpc" : "http/protobuf";
  return setupTracing({
    presets: [{ name: "newrelic", options: { licenseKey: KEY, endpoint, protocol, timeoutMillis } }],
    registerGlobal: false,
    batch: BATCH,
    ...extra,
  });
}

/** Every span that ended is accounted for exactly once. */
function expectAccounted(stats: DestinationStats, ended: number) {
  expect(stats.exportedSpans + stats.failedSpans + stats.droppedSpans + stats.queuedSpans).toBe(ended);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("a faulty destination never affects the app", () => {
  const faults: [string, FaultMode, object][] = [
    ["answers 503", "refuse-503", {}],
    ["answers 429 (Retry-After: 0, retried)", "throttle-429", { retryAfterSeconds: 0 }],
    ["answers 429 (no Retry-After)", "throttle-429", {}],
    ["hangs", "hang", {}],
    ["is slower than the timeout", "slow", { slowDelayMs: 2000 }],
  ];

  it.each(faults)("over HTTP, when it %s: same result, spans counted as failed and reported", async (_label, mode, options) => {
    fx.receiver.setMode(mode, options);
    const tracing = setup("http");
    const tracer = tracing.tracerProvider.getTracer("fault");
    // The app is synchronous, so ending its spans cannot have waited on the network.
    expect(app(tracer, 5)).toBe(app(undefined, 5));
    await tracing.shutdown();

    const [stats] = tracing.stats();
    expect(stats).toMatchObject({ preset: "newrelic", exportedSpans: 0, failedSpans: 5, droppedSpans: 0 });
    expectAccounted(stats!, 5);
    expect(stats!.lastError).toBeTruthy();
    expect(fx.diagText()).toContain('preset "newrelic" could not export 5 span(s)');
    expect(fx.diagText()).toContain('preset "newrelic" lost 5 span(s): 0 dropped (queue full), 5 failed to export.');
    if (mode === "throttle-429" && "retryAfterSeconds" in options) expect(fx.receiver.requests.length).toBeGreaterThan(1);
  });

  it.each([
    ["answers UNAVAILABLE", "refuse-503"],
    ["hangs", "hang"],
  ] as const)("over gRPC, when it %s", async (_label, mode) => {
    fx.receiver.setMode(mode);
    const tracing = setup("grpc");
    expect(app(tracing.tracerProvider.getTracer("fault"), 5)).toBe(app(undefined, 5));
    await tracing.shutdown();
    expect(tracing.stats()[0]).toMatchObject({ exportedSpans: 0, failedSpans: 5 });
  });

  it("when it refuses connections", async () => {
    const tracing = setup(`http://127.0.0.1:${await freePort()}/v1/traces`);
    expect(app(tracing.tracerProvider.getTracer("fault"), 3)).toBe(app(undefined, 3));
    await tracing.shutdown();
    expect(tracing.stats()[0]).toMatchObject({ exportedSpans: 0, failedSpans: 3 });
    expect(fx.diagText()).toMatch(/could not export 3 span\(s\) \(3 lost so far\): .*ECONNREFUSED/);
  });

  it("when it is slow but within the timeout, spans arrive", async () => {
    fx.receiver.setMode("slow", { slowDelayMs: 100 });
    const tracing = setup("http", {}, 10_000); // far above the delay, even on a loaded machine
    app(tracing.tracerProvider.getTracer("fault"), 3);
    await tracing.shutdown();
    expect(tracing.stats()[0]).toMatchObject({ exportedSpans: 3, failedSpans: 0 });
    expect(fx.receiver.spans()).toHaveLength(3);
  });

  it("bounds memory while it hangs: the queue stays at maxQueueSize, the rest is dropped and counted", async () => {
    fx.receiver.setMode("hang");
    const tracing = setup("http");
    const tracer = tracing.tracerProvider.getTracer("fault");
    let maxQueued = 0;
    for (let i = 0; i < 200; i++) {
      app(tracer, 1);
      maxQueued = Math.max(maxQueued, tracing.stats()[0]!.queuedSpans);
    }
    expect(maxQueued).toBeLessThanOrEqual(QUEUE);
    const during = tracing.stats()[0]!;
    expect(during.droppedSpans).toBeGreaterThanOrEqual(200 - QUEUE - BATCH.maxExportBatchSize);
    expect(fx.diagText()).toContain(`preset "newrelic" export queue is full (maxQueueSize=${QUEUE}); dropping spans until it drains.`);

    await tracing.shutdown();
    const after = tracing.stats()[0]!;
    expect(after.exportedSpans).toBe(0);
    expectAccounted(after, 200);
    expect(fx.diagText()).toMatch(new RegExp(`dropped ${after.droppedSpans} span\\(s\\) while its export queue was full`));
  });

  it("bounds memory in immediate mode too (the exporter's concurrency limit fails the excess at once)", async () => {
    fx.receiver.setMode("hang");
    const tracing = setup("http", { exportMode: "immediate" });
    app(tracing.tracerProvider.getTracer("fault"), 50);
    await tracing.shutdown();
    const [stats] = tracing.stats();
    expect(stats).toMatchObject({ exportMode: "immediate", exportedSpans: 0, failedSpans: 50, droppedSpans: 0 });
    expect(fx.receiver.requests.length).toBeLessThanOrEqual(30);
  });

  it("a failing destination does not hold back a healthy one", async () => {
    const tracing = setupTracing({
      presets: [
        { name: "otlp", options: { endpoint: `http://127.0.0.1:${await freePort()}/v1/traces`, timeoutMillis: TIMEOUT_MS } },
        { name: "otlp", options: { endpoint: `${fx.receiver.httpUrl}/v1/traces` } },
      ],
      registerGlobal: false,
      batch: BATCH,
    });
    app(tracing.tracerProvider.getTracer("fault"), 4);
    await tracing.shutdown();
    expect(tracing.stats().map((s) => [s.exportedSpans, s.failedSpans])).toEqual([
      [0, 4],
      [4, 0],
    ]);
    expect(fx.receiver.spans()).toHaveLength(4);
  });

  it("errors of the app pass through unchanged", async () => {
    fx.receiver.setMode("refuse-503");
    const tracing = setup("http");
    const tracer = tracing.tracerProvider.getTracer("fault");
    const boom = new Error("app failure");
    const run = () =>
      tracer.startActiveSpan("failing", (span) => {
        try {
          throw boom;
        } finally {
          span.end();
        }
      });
    expect(run).toThrow(boom);
    await tracing.shutdown();
  });
});
