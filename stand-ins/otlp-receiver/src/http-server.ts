/**
 * OTLP/HTTP: `POST /v1/traces` and `POST /v1/metrics`, protobuf or JSON, optionally compressed.
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type BodyFormat, bodyFormat, decodeExport, decompress, encodeResponse, type Signal } from "./codec";
import type { ReceiverState } from "./state";
import type { ReceivedRequest } from "./types";

const SIGNALS: Record<string, Signal> = { "/v1/traces": "traces", "/v1/metrics": "metrics" };

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendError(res: ServerResponse, status: number, message: string, format: BodyFormat | undefined): void {
  const json = format === "json";
  // A collector answers with a google.rpc.Status; JSON for JSON requests, plain text otherwise.
  const body = json ? JSON.stringify({ code: status === 429 ? 8 : 14, message }) : message;
  res.writeHead(status, { "content-type": json ? "application/json" : "text/plain" });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse, state: ReceiverState): Promise<void> {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const signal = SIGNALS[path];
  const body = await readBody(req);
  if (req.method !== "POST" || !signal) return sendError(res, 404, `no OTLP endpoint at ${req.method} ${path}`, undefined);
  const headers = headersOf(req);
  const format = bodyFormat(headers["content-type"]);
  if (!format) return sendError(res, 415, `unsupported content-type: ${headers["content-type"]}`, undefined);
  let decoded: ReturnType<typeof decodeExport>;
  try {
    decoded = decodeExport(signal, format, decompress(body, headers["content-encoding"]));
  } catch (error) {
    return sendError(res, 400, `cannot decode the ${signal} request: ${String(error)}`, format);
  }
  const request: ReceivedRequest = { transport: "http", signal, path, headers, ...decoded, outcome: "pending" };
  if (headers["content-type"]) request.contentType = headers["content-type"];
  if (headers["content-encoding"]) request.contentEncoding = headers["content-encoding"];
  state.handle(request, {
    accept: () => {
      const payload = encodeResponse(signal, format);
      const contentType = format === "json" ? "application/json" : "application/x-protobuf";
      res.writeHead(200, { "content-type": contentType, "content-length": payload.length });
      res.end(payload);
      return 200;
    },
    refuse: (reason, faults) => {
      if (reason === "unavailable") {
        sendError(res, 503, "service unavailable (simulated)", format);
        return 503;
      }
      if (faults.retryAfterSeconds !== undefined) res.setHeader("retry-after", String(faults.retryAfterSeconds));
      sendError(res, 429, "too many requests (simulated)", format);
      return 429;
    },
  });
}

/** Starts the OTLP/HTTP server on 127.0.0.1; resolves with the server and its URL. */
export async function startHttpServer(state: ReceiverState, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    handle(req, res, state).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendError(res, 500, String(error), undefined);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Closes the server, dropping open (e.g. hanging) connections. */
export function closeHttpServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
