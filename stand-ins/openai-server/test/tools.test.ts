import OpenAI from "openai";
import type {
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from "openai/resources/chat/completions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXED_PHRASE, objectForSchema, type OpenAIServer, startOpenAIServer } from "../src/index";

let server: OpenAIServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startOpenAIServer();
  client = new OpenAI({ apiKey: "test-fake-key", baseURL: server.url, maxRetries: 0 });
});
afterAll(() => server.close());

const tools: ChatCompletionTool[] = [
  {
    type: "function",
    function: {
      name: "get_time",
      description: "Current time",
      parameters: { type: "object", properties: { zone: { type: "string" } }, required: [] },
    },
  },
  {
    type: "function",
    function: {
      name: "get_weather",
      description: "Weather for a city",
      parameters: {
        type: "object",
        properties: {
          city: { type: "string" },
          days: { type: "integer" },
          unit: { type: "string", enum: ["celsius", "fahrenheit"] },
          detailed: { type: "boolean" },
          tags: { type: "array", items: { type: "string" } },
          note: { type: "string" },
        },
        required: ["city", "days", "unit", "detailed", "tags"],
      },
    },
  },
];
const question: ChatCompletionMessageParam = { role: "user", content: "Use get_weather for Paris" };
const expectedArgs = { city: "Paris", days: 1, unit: "celsius", detailed: true, tags: ["Paris"] };

describe("tool calls", () => {
  it("calls the tool named in the user message with schema-derived arguments", async () => {
    const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [question], tools });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.content).toBeNull();
    const call = choice.message.tool_calls![0]!;
    expect(call.type).toBe("function");
    expect(call.id).toMatch(/^call_/);
    if (call.type !== "function") throw new Error("expected a function call");
    expect(call.function.name).toBe("get_weather");
    expect(JSON.parse(call.function.arguments)).toEqual(expectedArgs);
    expect(objectForSchema((tools[1] as ChatCompletionFunctionTool).function.parameters, "Paris")).toEqual(expectedArgs);
    // completion tokens: name + arguments, counted as words
    expect(completion.usage?.completion_tokens).toBe(2);
  });

  it("calls the first tool when none is named, and tool_choice wins over the message", async () => {
    const plain = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hello" }],
      tools,
    });
    expect(plain.choices[0]!.message.tool_calls![0]).toMatchObject({ function: { name: "get_time", arguments: "{}" } });
    const forced = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [question],
      tools,
      tool_choice: { type: "function", function: { name: "get_time" } },
    });
    expect(forced.choices[0]!.message.tool_calls![0]).toMatchObject({ function: { name: "get_time" } });
    const none = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [question],
      tools,
      tool_choice: "none",
    });
    expect(none.choices[0]!.finish_reason).toBe("stop");
  });

  it("answers with the tool result once a tool message follows the call", async () => {
    const first = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [question], tools });
    const assistant = first.choices[0]!.message;
    const call = assistant.tool_calls![0]!;
    const second = await client.chat.completions.create({
      model: "gpt-4o-mini",
      tools,
      messages: [question, assistant, { role: "tool", tool_call_id: call.id, content: "sunny, 21 degrees" }],
    });
    expect(second.choices[0]!.finish_reason).toBe("stop");
    expect(second.choices[0]!.message.content).toBe(
      `Answer: Use get_weather for Paris Tool result: sunny, 21 degrees. ${FIXED_PHRASE}`,
    );
    // prompt: 4 user words + tool call "get_weather <args>" (2 words) + 3 tool words
    expect(second.usage?.prompt_tokens).toBe(9);
  });

  it("streams a tool call as OpenAI does: id and name first, then argument fragments", async () => {
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [question],
      tools,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const deltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(deltas[0]).toMatchObject({ index: 0, type: "function", function: { name: "get_weather", arguments: "" } });
    expect(deltas[0]!.id).toMatch(/^call_/);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.slice(1).every((delta) => delta.index === 0 && delta.id === undefined && !delta.function?.name)).toBe(
      true,
    );
    const args = deltas.map((delta) => delta.function?.arguments ?? "").join("");
    expect(JSON.parse(args)).toEqual(expectedArgs);
    expect(chunks[chunks.length - 2]!.choices[0]!.finish_reason).toBe("tool_calls");
    expect(chunks[chunks.length - 1]!.usage?.completion_tokens).toBe(2);

    const final = await client.chat.completions
      .stream({ model: "gpt-4o-mini", messages: [question], tools })
      .finalChatCompletion();
    const call = final.choices[0]!.message.tool_calls![0]!;
    if (call.type !== "function") throw new Error("expected a function call");
    expect(JSON.parse(call.function.arguments)).toEqual(expectedArgs);
  });
});
