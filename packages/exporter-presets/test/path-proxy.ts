import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The local OTLP receiver serves only `/v1/traces` and `/v1/metrics`; vendor endpoints have their
 * own paths (Weave: `/traces/otel/v1/traces`, Grafana: `/otlp/v1/metrics`). This forwards any POST
 * to `<target>/v1/metrics` when its path ends in `/v1/metrics`, else to `<target>/v1/traces`, adding
 * an `x-original-path` header, so tests can assert the path a preset used and still read the spans
 * and metrics the receiver decoded.
 */
export async function startPathProxy(targetHttpUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const target = new URL(/\/v1\/metrics\/?$/.test(req.url ?? "") ? "/v1/metrics" : "/v1/traces", targetHttpUrl);
    const upstream = request(
      target,
      { method: "POST", headers: { ...req.headers, host: target.host, "x-original-path": req.url ?? "" } },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
