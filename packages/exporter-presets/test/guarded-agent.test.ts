import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { Agent, type ClientRequest, createServer, request } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setupTracing } from "@genai-otel/exporter-presets";
import { afterEach, describe, expect, it, vi } from "vitest";
import { guardedAgentFactory } from "../src/otlp/guarded-agent";
import { captureDiag, PRESET_ENV_VARS } from "./helpers";
import { recordChat } from "./metrics-helpers";

const epipe = () => Object.assign(new Error("write EPIPE"), { code: "EPIPE" });

/** Starts a server that reads each request and answers 200; returns its URL and a closer. */
async function startServer() {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * POSTs through `agent` and, right after the response ended (where Node has taken its own listeners
 * off a keep-alive socket and not yet handed it to the agent), emits `error` on the socket. Resolves
 * with what that emit threw, if anything.
 */
async function errorRightAfterResponse(url: string, agent: Agent): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent }, (res) => {
      res.resume();
      res.on("end", () => {
        try {
          req.socket?.emit("error", epipe());
          resolve(undefined);
        } catch (thrown) {
          resolve(thrown);
        }
      });
    });
    req.on("error", reject);
    req.end("body");
  });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the agent of the OTLP/HTTP exporters", () => {
  it("keeps a socket error between requests from becoming an uncaught exception (Node leaves that window open)", async () => {
    const server = await startServer();
    const diagLog = captureDiag();
    const plain = new Agent({ keepAlive: true });
    const guarded = await guardedAgentFactory("traces")("http:");
    try {
      // Control: with the exporters' plain default agent, the same emit throws.
      expect(await errorRightAfterResponse(server.url, plain)).toMatchObject({ code: "EPIPE" });
      expect(await errorRightAfterResponse(server.url, guarded)).toBeUndefined();
      expect(diagLog.text()).toContain("an export connection failed (EPIPE)");
      // The agent still keeps connections alive.
      expect((guarded as unknown as { keepAlive: boolean }).keepAlive).toBe(true);
    } finally {
      diagLog.stop();
      plain.destroy();
      guarded.destroy();
      await server.close();
    }
  });

  it("is what setupTracing's HTTP presets send with, for spans and metrics", async () => {
    for (const name of PRESET_ENV_VARS) vi.stubEnv(name, undefined);
    const server = await startServer();
    const sockets = new Set<Socket>();
    const onRequest = (message: unknown) => {
      // Published when the request is finished, usually after it got its socket.
      const { request: req } = message as { request: ClientRequest };
      if (req.socket) sockets.add(req.socket);
      else req.on("socket", (socket) => sockets.add(socket));
    };
    subscribe("http.client.request.start", onRequest);
    const tracing = setupTracing({
      presets: [{ name: "otlp", options: { endpoint: `${server.url}/v1/traces`, protocol: "http/json" } }],
      batch: { scheduledDelayMillis: 10 },
    });
    try {
      tracing.tracerProvider.getTracer("t").startSpan("one").end();
      recordChat(tracing.meterProvider);
      await tracing.forceFlush();
      expect(tracing.stats()[0]).toMatchObject({ exportedSpans: 1, metrics: { exportedPoints: 4 } });
      expect(sockets.size).toBe(2); // one keep-alive connection per exporter
      for (const socket of sockets) {
        socket.destroy();
        // Whatever else listens, an error on an idle or closed export socket never throws.
        for (let i = 0; i < 2; i++) expect(() => socket.emit("error", epipe())).not.toThrow();
      }
    } finally {
      unsubscribe("http.client.request.start", onRequest);
      await tracing.shutdown();
      await server.close();
    }
  });

  it("reads the standard TLS variables, signal-specific first, and warns without the value when a file is missing", async () => {
    const diagLog = captureDiag();
    vi.stubEnv("OTEL_EXPORTER_OTLP_CERTIFICATE", "does-not-exist.pem");
    vi.stubEnv("OTEL_EXPORTER_OTLP_METRICS_CERTIFICATE", "package.json");
    try {
      const metrics = (await guardedAgentFactory("metrics")("https:")) as unknown as { options: { ca?: Buffer; keepAlive: boolean } };
      expect(metrics.options.ca?.toString()).toContain('"name": "@genai-otel/exporter-presets"');
      expect(metrics.options.keepAlive).toBe(true);
      const traces = (await guardedAgentFactory("traces")("https:")) as unknown as { options: { ca?: Buffer } };
      expect(traces.options.ca).toBeUndefined();
      expect(diagLog.text()).toContain("could not read the root certificate file named by OTEL_EXPORTER_OTLP_CERTIFICATE");
    } finally {
      diagLog.stop();
    }
  });
});
