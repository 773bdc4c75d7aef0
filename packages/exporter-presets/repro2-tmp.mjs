import { createServer } from "node:http";
import { setupTracing } from "./dist/index.js";
import { GenAIMetrics } from "@genai-otel/core-semconv";
import { metrics } from "@opentelemetry/api";
let uncaught = 0;
process.on("uncaughtException", (e) => { uncaught++; console.log("UNCAUGHT", e); });
const recv = createServer((req, res) => { req.resume(); req.on("end", () => res.writeHead(200).end()); });
await new Promise((r) => recv.listen(0, "127.0.0.1", r));
for (let round = 0; round < 150; round++) {
  const sockets = new Set();
  const server = createServer((req, res) => { res.writeHead(400, { "content-type": "text/plain" }).end(`bad key ${req.headers["api-key"]}`); });
  server.on("connection", (s) => sockets.add(s));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${server.address().port}`;
  const tracing = setupTracing({ presets: [{ name: "newrelic", options: { licenseKey: "fake", endpoint: `http://127.0.0.1:${recv.address().port}/v1/traces`, metricsEndpoint: `${url}/v1/metrics`, protocol: "http/protobuf", timeoutMillis: 300 } }], batch: { scheduledDelayMillis: 10 } });
  new GenAIMetrics("t", "1").record({ operation: "chat", provider: "openai", requestModel: "m", durationS: 0.3, inputTokens: 10, outputTokens: 20 });
  await tracing.forceFlush();
  await tracing.shutdown();
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
  metrics.disable();
}
console.log("done uncaught=", uncaught);
recv.close();
