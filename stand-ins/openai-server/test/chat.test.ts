import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chatReply, countPromptTokens, FIXED_PHRASE, type OpenAIServer, startOpenAIServer } from "../src/index";

let server: OpenAIServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startOpenAIServer();
  client = new OpenAI({ apiKey: "test-fake-key", baseURL: server.url, maxRetries: 0 });
});
beforeEach(() => server.reset());
afterAll(() => server.close());

describe("chat completions (JSON)", () => {
  it("answers deterministically with exact usage and records the request", async () => {
    const messages = [
      { role: "system" as const, content: "You are a terse geography assistant." },
      { role: "user" as const, content: "What is the capital of France?" },
    ];
    const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages, temperature: 0 });

    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.object).toBe("chat.completion");
    expect(completion.model).toBe("gpt-4o-mini");
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe("stop");
    expect(choice.message.role).toBe("assistant");
    expect(choice.message.content).toBe(
      `Answer: What is the capital of France? Context: You are a terse geography assistant. ${FIXED_PHRASE}`,
    );
    // one token per whitespace-separated word: 6 + 6 prompt words
    expect(completion.usage).toEqual({
      prompt_tokens: 12,
      completion_tokens: 23,
      total_tokens: 35,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    });
    expect(countPromptTokens(messages)).toBe(12);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v1/chat/completions", status: 200 });
    expect(request!.headers.authorization).toBe("Bearer test-fake-key");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.body).toMatchObject({ model: "gpt-4o-mini", temperature: 0, messages });
  });

  it("takes the question and context from a RAG 'Query:' template and cuts to max_tokens", async () => {
    const prompt =
      "Context information is below.\n---------------------\nParis is the capital of France.\n---------------------\n" +
      "Given the context information and not prior knowledge, answer the query.\nQuery: Capital of France?\nAnswer:";
    const messages = [{ role: "user" as const, content: prompt }];
    expect(chatReply(messages)).toBe(
      `Answer: Capital of France? Context: Context information is below. --------------------- Paris. ${FIXED_PHRASE}`,
    );
    const cut = await client.chat.completions.create({ model: "gpt-4o", messages, max_tokens: 3 });
    expect(cut.choices[0]!.message.content).toBe("Answer: Capital of");
    expect(cut.choices[0]!.finish_reason).toBe("length");
    expect(cut.usage?.completion_tokens).toBe(3);
    expect(cut.model).toBe("gpt-4o");
  });
});

describe("chat completions (SSE streaming)", () => {
  it("streams role, content and finish chunks, then a usage chunk with no choices", async () => {
    const messages = [{ role: "user" as const, content: "Say hello" }];
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);

    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("");
    expect(text).toBe(chatReply(messages));
    expect(chunks[0]!.choices[0]!.delta.role).toBe("assistant");
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks.every((chunk) => chunk.object === "chat.completion.chunk" && chunk.model === "gpt-4o-mini")).toBe(true);
    const finish = chunks[chunks.length - 2]!;
    expect(finish.choices[0]!.finish_reason).toBe("stop");
    expect(finish.usage).toBeNull();
    const usage = chunks[chunks.length - 1]!;
    expect(usage.choices).toEqual([]);
    expect(usage.usage).toMatchObject({ prompt_tokens: 2, completion_tokens: 12, total_tokens: 14 });
    expect(server.requests[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("omits the usage chunk and usage fields without include_usage", async () => {
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Hi" }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks[chunks.length - 1]!.choices[0]!.finish_reason).toBe("stop");
    expect(chunks.every((chunk) => !("usage" in chunk))).toBe(true);
  });

  it("accumulates into the same completion via the client's stream helper", async () => {
    const messages = [{ role: "user" as const, content: "Tell me a fact" }];
    const final = await client.chat.completions
      .stream({ model: "gpt-4o-mini", messages, stream_options: { include_usage: true } })
      .finalChatCompletion();
    expect(final.choices[0]!.message.content).toBe(chatReply(messages));
    expect(final.usage?.total_tokens).toBe(4 + 14);
  });
});

describe("legacy completions and models", () => {
  it("answers /v1/completions with a text_completion", async () => {
    const completion = await client.completions.create({ model: "gpt-3.5-turbo-instruct", prompt: "Why is the sky blue" });
    expect(completion.object).toBe("text_completion");
    expect(completion.choices[0]!.text).toBe(chatReply([{ role: "user", content: "Why is the sky blue" }]));
    expect(completion.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 15, total_tokens: 20 });
  });

  it("streams /v1/completions with a final usage chunk", async () => {
    const stream = await client.completions.create({
      model: "gpt-3.5-turbo-instruct",
      prompt: "Why is the sky blue",
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks[0]!.choices[0]).toMatchObject({ text: chatReply([{ role: "user", content: "Why is the sky blue" }]) });
    expect(chunks[chunks.length - 1]).toMatchObject({ choices: [], usage: { total_tokens: 20 } });
  });

  it("lists models", async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model.id);
    expect(models).toContain("gpt-4o-mini");
    expect(models).toContain("text-embedding-3-small");
  });
});
