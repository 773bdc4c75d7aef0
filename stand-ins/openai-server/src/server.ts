/**
 * The HTTP server: records each request, applies simulated failures, then routes it.
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ChatRequest, planChat } from "./chat-plan";
import { chatCompletionBody, chatCompletionChunks } from "./chat-response";
import { type CompletionRequest, completionBody, completionChunks } from "./completions";
import { type EmbeddingRequest, embeddingsBody } from "./embeddings";
import { FailureQueue } from "./faults";
import { dropAfterHeaders, errorBody, flattenHeaders, parseBody, readBody, sendJson, sendSse } from "./http";
import type { OpenAIServer, OpenAIServerOptions, RecordedRequest } from "./types";

/** Models listed by `GET /v1/models`. */
export const LISTED_MODELS = ["gpt-4o-mini", "gpt-4o", "gpt-3.5-turbo-instruct", "text-embedding-3-small"] as const;

interface Context {
  options: OpenAIServerOptions;
  nextId(prefix: string): string;
}

function modelObject(id: string) {
  return { id, object: "model", created: 1_700_000_000, owned_by: "stand-in" };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalid(res: ServerResponse, message: string, param: string | null = null): number {
  sendJson(res, 400, errorBody(message, "invalid_request_error", null, param));
  return 400;
}

function chat(res: ServerResponse, request: ChatRequest, ctx: Context): number {
  if (!Array.isArray(request.messages)) return invalid(res, "'messages' is a required property", "messages");
  const plan = planChat(request);
  const identity = {
    id: ctx.nextId("chatcmpl-"),
    callId: ctx.nextId("call_"),
    model: request.model ?? "gpt-4o-mini",
    created: Math.floor(Date.now() / 1000),
  };
  if (request.stream) sendSse(res, chatCompletionChunks(plan, identity, request.stream_options?.include_usage === true));
  else sendJson(res, 200, chatCompletionBody(plan, identity));
  return 200;
}

function completions(res: ServerResponse, request: CompletionRequest, ctx: Context): number {
  const id = ctx.nextId("cmpl-");
  const created = Math.floor(Date.now() / 1000);
  if (request.stream) sendSse(res, completionChunks(request, id, created));
  else sendJson(res, 200, completionBody(request, id, created));
  return 200;
}

function embeddings(res: ServerResponse, request: EmbeddingRequest, ctx: Context): number {
  const body = embeddingsBody(request, ctx.options.embeddingDimensions ?? 16);
  if (!body) return invalid(res, "'input' must be a string, strings, or token arrays", "input");
  sendJson(res, 200, body);
  return 200;
}

function route(method: string, path: string, body: unknown, res: ServerResponse, ctx: Context): number {
  const endpoint = path.replace(/^\/v1(?=\/)/, "").replace(/\/+$/, "");
  if (method === "GET" && endpoint === "/models") {
    sendJson(res, 200, { object: "list", data: LISTED_MODELS.map(modelObject) });
    return 200;
  }
  if (method === "GET" && endpoint.startsWith("/models/")) {
    sendJson(res, 200, modelObject(decodeURIComponent(endpoint.slice("/models/".length))));
    return 200;
  }
  const handler = { "/chat/completions": chat, "/completions": completions, "/embeddings": embeddings }[endpoint];
  if (method === "POST" && handler) {
    return isObject(body) ? handler(res, body, ctx) : invalid(res, "The request body must be a JSON object.");
  }
  sendJson(res, 404, errorBody(`Invalid URL (${method} ${path})`, "invalid_request_error"));
  return 404;
}

/**
 * Starts an OpenAI-compatible server on 127.0.0.1 (an ephemeral port unless `options.port`).
 *
 * Endpoints: `POST /v1/chat/completions` (JSON and SSE), `POST /v1/completions`, `POST /v1/embeddings`
 * (float and base64), `GET /v1/models`. Answers are deterministic; see the `reply`, `chat-plan`,
 * `tool-args`, `embeddings` and `faults` modules for the exact rules.
 */
export async function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const requests: RecordedRequest[] = [];
  const failures = new FailureQueue();
  failures.add(options.failNext ?? 0);
  let counter = 0;
  const ctx: Context = {
    options,
    nextId: (prefix) => `${prefix}standin${String(++counter).padStart(6, "0")}`,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseBody(await readBody(req));
    const method = req.method ?? "GET";
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const record: RecordedRequest = { method, path, headers: flattenHeaders(req), body };
    requests.push(record);
    const failure = failures.take(body);
    if (failure?.dropStream) {
      record.status = 200;
      dropAfterHeaders(res);
      return;
    }
    if (failure) {
      sendJson(res, failure.status, failure.body, failure.headers);
      record.status = failure.status;
      return;
    }
    record.status = route(method, path, body, res, ctx);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody(String(error), "server_error"));
      else res.destroy();
    });
  });
  // Idle keep-alive sockets stay open for a minute: with Node's 5 s default, a loaded machine's event-loop lag lets a
  // client reuse a socket in the instant the server closes it (ECONNRESET on a POST, which no client retries).
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // a deep accept queue: tests open a thousand connections at once
    server.listen({ port: options.port ?? 0, host: "127.0.0.1", backlog: 4096 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    failNext: (failure) => failures.add(failure ?? 1),
    reset: () => {
      requests.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
