import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { AIMessage, HumanMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { chatModel, useStandIns } from "./setup";

const { server, tracing } = useStandIns();
const png = Buffer.from("not really a png, 32 bytes long!").toString("base64");

function conversation() {
  return [
    new HumanMessage({
      content: [
        { type: "text", text: "What is in these?" },
        { type: "image_url", image_url: { url: "https://example.com/cat.png" } },
        { type: "image_url", image_url: { url: `data:image/png;base64,${png}` } },
      ],
    }),
    new AIMessage({ content: [{ type: "reasoning", reasoning: "The user shows two images." }, { type: "text", text: "A cat, twice." }] }),
    new HumanMessage("And now?"),
  ];
}

async function inputParts(options: ConstructorParameters<typeof OpenTelemetryCallbackHandler>[0]) {
  tracing().reset();
  await chatModel(server()).invoke(conversation(), { callbacks: [new OpenTelemetryCallbackHandler(options)] });
  const chat = tracing().spans().find((s) => s.name === "chat gpt-4o-mini")!;
  const raw = chat.attributes["gen_ai.input.messages"];
  return raw === undefined ? undefined : (JSON.parse(String(raw)) as { role: string; parts: Record<string, unknown>[] }[]).map((m) => m.parts);
}

describe("multimodal and reasoning message parts", () => {
  it("records images by reference, blob sizes without bytes by default, and reasoning parts", async () => {
    const [user, assistant] = (await inputParts({ captureContent: true }))!;
    expect(user).toEqual([
      { type: "text", content: "What is in these?" },
      { type: "uri", modality: "image", uri: "https://example.com/cat.png" },
      { type: "blob", modality: "image", mime_type: "image/png", size: 32 },
    ]);
    expect(assistant).toEqual([
      { type: "reasoning", content: "The user shows two images." },
      { type: "text", content: "A cat, twice." },
    ]);
  });

  it("keeps blob bytes only when the cap allows, and nothing at all with capture off", async () => {
    const [user] = (await inputParts({ captureContent: true, maxBlobBytes: 1024 }))!;
    expect(user![2]).toEqual({ type: "blob", modality: "image", mime_type: "image/png", content: png });
    const [capped] = (await inputParts({ captureContent: true, maxBlobBytes: 16 }))!;
    expect(capped![2]).toEqual({ type: "blob", modality: "image", mime_type: "image/png", size: 32 });
    expect(await inputParts({ captureContent: false, maxBlobBytes: 1024 })).toBeUndefined();
  });
});
