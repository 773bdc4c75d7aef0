import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { type OpenAIServer, startOpenAIServer } from "../src/index";

let server: OpenAIServer | undefined;
afterEach(() => server?.close());

const messages = [{ role: "user" as const, content: "hi" }];

describe("simulated failures", () => {
  it("fails every request for model error-<status> with an OpenAI error body", async () => {
    server = await startOpenAIServer();
    const client = new OpenAI({ apiKey: "k", baseURL: server.url, maxRetries: 0 });
    const error = await client.chat.completions.create({ model: "error-500", messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error).toMatchObject({ status: 500, type: "server_error", code: null });

    const limited = await client.chat.completions.create({ model: "error-429", messages }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited).toMatchObject({ status: 429, type: "requests", code: "rate_limit_exceeded" });
    expect(server.requests.map((request) => request.status)).toEqual([500, 429]);
  });

  it("fails the next N requests (option), and the client's retries then succeed", async () => {
    server = await startOpenAIServer({ failNext: { count: 2, status: 429 } });
    const client = new OpenAI({ apiKey: "k", baseURL: server.url, maxRetries: 2 });
    const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages });
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    expect(server.requests.map((request) => request.status)).toEqual([429, 429, 200]);
    expect(server.requests[1]!.headers["x-stainless-retry-count"]).toBe("1");
  });

  it("failNext() at runtime, with retryable: false stopping the client's retries", async () => {
    server = await startOpenAIServer();
    const client = new OpenAI({ apiKey: "k", baseURL: server.url, maxRetries: 3 });
    server.failNext({ status: 503, message: "overloaded", retryable: false });
    const error = await client.embeddings.create({ model: "m", input: "x" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, error: { message: "overloaded", type: "server_error" } });
    expect(server.requests).toHaveLength(1);
    const ok = await client.embeddings.create({ model: "m", input: "x" });
    expect(ok.data).toHaveLength(1);
  });

  it("dropStream: answers 200, then breaks the connection while the client reads the stream", async () => {
    server = await startOpenAIServer();
    const client = new OpenAI({ apiKey: "k", baseURL: server.url, maxRetries: 0 });
    server.failNext({ dropStream: true });
    const stream = await client.chat.completions.create({ model: "gpt-4o-mini", messages, stream: true });
    const chunks: unknown[] = [];
    const error = await (async () => {
      for await (const chunk of stream) chunks.push(chunk);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(chunks).toEqual([]);
    expect(server.requests.map((request) => request.status)).toEqual([200]);
    const ok = await client.chat.completions.create({ model: "gpt-4o-mini", messages });
    expect(ok.choices[0]!.finish_reason).toBe("stop");
  });

  it("answers unknown paths with 404 and reset() clears state", async () => {
    server = await startOpenAIServer({ failNext: 5 });
    server.reset();
    const response = await fetch(`${server.url}/nope`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    expect(server.requests).toMatchObject([{ method: "POST", path: "/v1/nope", body: {}, status: 404 }]);
  });
});
