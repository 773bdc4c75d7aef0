import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embedText, fromBase64Float32, type OpenAIServer, startOpenAIServer, toBase64Float32 } from "../src/index";

let server: OpenAIServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startOpenAIServer();
  client = new OpenAI({ apiKey: "test-fake-key", baseURL: server.url, maxRetries: 0 });
});
afterAll(() => server.close());

const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

describe("embeddings", () => {
  it("answers encoding_format float with deterministic unit vectors and usage", async () => {
    const response = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: ["the cat sat on the mat", "a dog in the park"],
      encoding_format: "float",
    });
    expect(response.object).toBe("list");
    expect(response.model).toBe("text-embedding-3-small");
    expect(response.usage).toEqual({ prompt_tokens: 11, total_tokens: 11 });
    expect(response.data.map((item) => item.index)).toEqual([0, 1]);
    const [cat, dog] = response.data.map((item) => item.embedding);
    expect(cat).toHaveLength(16);
    expect(cat).toEqual(embedText("the cat sat on the mat"));
    expect(dot(cat!, cat!)).toBeCloseTo(1, 10);
    expect(dot(dog!, dog!)).toBeCloseTo(1, 10);
    expect(server.requests[0]!.body.encoding_format).toBe("float");
  });

  it("answers the client's default base64 request, which the client decodes to the same floats", async () => {
    const response = await client.embeddings.create({ model: "text-embedding-3-small", input: "the cat sat" });
    const request = server.requests[server.requests.length - 1]!;
    expect(request.body.encoding_format).toBe("base64");
    const vector = response.data[0]!.embedding;
    const expected = embedText("the cat sat");
    expect(vector).toHaveLength(16);
    vector.forEach((value, i) => {
      expect(value).toBeCloseTo(expected[i]!, 6);
    });
    expect(fromBase64Float32(toBase64Float32(expected))).toEqual(Array.from(Float32Array.from(expected)));
  });

  it("honours dimensions, tolerates token arrays and keeps similar texts nearer", async () => {
    const response = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: ["cats purr softly", "cats purr loudly", "stock markets fell"],
      dimensions: 64,
      encoding_format: "float",
    });
    const [a, b, c] = response.data.map((item) => item.embedding);
    expect(a).toHaveLength(64);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
    expect(dot(a!, b!)).toBeGreaterThan(0.5);

    const tokens = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: [[1, 2, 3], [4]],
      encoding_format: "float",
    });
    expect(tokens.data).toHaveLength(2);
    expect(tokens.usage.prompt_tokens).toBe(4);
  });

  it("rejects invalid input with a 400", async () => {
    await expect(
      client.embeddings.create({ model: "text-embedding-3-small", input: [] as string[] }),
    ).rejects.toMatchObject({ status: 400, type: "invalid_request_error" });
  });
});
