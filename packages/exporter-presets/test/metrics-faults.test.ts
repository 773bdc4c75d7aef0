import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setupTracing } from "@genai-otel/exporter-presets";
import { describe, expect, it, vi } from "vitest";
import { recordChat } from "./metrics-helpers";
import { useReceiver } from "./receiver-fixture";

const KEY = "fake-metrics-fault-key-4242";
const TIMEOUT_MS = 300;

const fx = useReceiver({ secrets: [KEY], noUnhandledRejections: true });

/** A local HTTP server answering every request with `answer` (or never, when it returns nothing). */
async function startServer(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(answer);
  server.on("connection", (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port nothing listens on. */
async function closedPortUrl(): Promise<string> {
  const server = await startServer(() => {});
  await server.close();
  return server.url;
}

/** The app: its result must not depend on telemetry. */
function app(steps: number): number {
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    recordChat();
    sum += i * i;
  }
  return sum;
}

/**
 * Spans to the receiver, metrics to `metricsEndpoint`; registered globally so the app's GenAIMetrics
 * reach it. Metrics exports time out after {@link TIMEOUT_MS}; span exports keep the default (10 s),
 * so that on a loaded machine a slow first gRPC connection to the healthy receiver is not mistaken
 * for the fault under test.
 */
function setup(metricsEndpoint: string, protocol: "http/protobuf" | "grpc" = "http/protobuf") {
  const endpoint = protocol === "grpc" ? fx.receiver.grpcUrl : `${fx.receiver.httpUrl}/v1/traces`;
  vi.stubEnv("OTEL_EXPORTER_OTLP_METRICS_TIMEOUT", String(TIMEOUT_MS)); // unstubbed by the fixture after each test
  return setupTracing({
    presets: [{ name: "newrelic", options: { licenseKey: KEY, endpoint, metricsEndpoint, protocol } }],
    batch: { scheduledDelayMillis: 10 },
  });
}

async function expectSpansUnaffected(tracing: ReturnType<typeof setup>) {
  tracing.tracerProvider.getTracer("faults").startSpan("still traced").end();
  await tracing.forceFlush(); // resolves although the metrics export fails (a hang would time the test out)
  expect((await fx.receiver.waitForSpans(1)).map((span) => span.name)).toEqual(["still traced"]);
  expect(tracing.stats()[0]).toMatchObject({ exportedSpans: 1, failedSpans: 0 });
}

describe("a failing metrics destination never affects the app or its spans", () => {
  it.each([
    ["refuses connections", async () => ({ url: `${await closedPortUrl()}/v1/metrics`, close: async () => {} })],
    [
      "answers 503",
      async () => {
        const server = await startServer((_req, res) => res.writeHead(503).end());
        return { url: `${server.url}/v1/metrics`, close: server.close };
      },
    ],
    [
      "hangs",
      async () => {
        const server = await startServer(() => {});
        return { url: `${server.url}/v1/metrics`, close: server.close };
      },
    ],
  ] as const)("over HTTP, when it %s", async (_label, start) => {
    const destination = await start();
    const tracing = setup(destination.url);
    try {
      expect(app(10)).toBe(285);
      await expectSpansUnaffected(tracing);
      const { metrics } = tracing.stats()[0]!;
      expect(metrics).toMatchObject({ exportedPoints: 0, failedExports: 1, failedPoints: 4 });
      expect(metrics?.lastError).toEqual(expect.any(String));
      expect(fx.diagText()).toContain('preset "newrelic" could not export 4 metric point(s) (4 lost so far)');
    } finally {
      await tracing.shutdown();
      await destination.close();
    }
    // Delta (New Relic): the failed points are not sent again, so shutdown has nothing new to export.
    expect(tracing.stats()[0]?.metrics).toMatchObject({ failedExports: 1, failedPoints: 4 });
  });

  it("over gRPC, when it refuses connections", async () => {
    const tracing = setup(await closedPortUrl(), "grpc");
    try {
      expect(app(10)).toBe(285);
      await expectSpansUnaffected(tracing);
      expect(tracing.stats()[0]?.metrics).toMatchObject({ exportedPoints: 0, failedPoints: 4 });
    } finally {
      await tracing.shutdown();
    }
  });

  it("a server that quotes the key back in its error never gets it printed or counted", async () => {
    const server = await startServer((req, res) => {
      res.writeHead(400, { "content-type": "text/plain" }).end(`bad key ${String(req.headers["api-key"])}`);
    });
    const tracing = setup(`${server.url}/v1/metrics`);
    try {
      recordChat();
      await tracing.forceFlush();
      expect(tracing.stats()[0]?.metrics).toMatchObject({ failedExports: 1, lastError: expect.stringContaining("400") });
      expect(tracing.stats()[0]?.metrics?.lastError).not.toContain(KEY);
      // afterEach: no diag message at any level (the reader logs the failure too) contains the key.
    } finally {
      await tracing.shutdown();
      await server.close();
    }
  });
});
