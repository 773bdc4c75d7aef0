import { instrumentLlamaIndex } from "@genai-otel/llamaindex-otel";
import { describe, expect, it } from "vitest";
import { standInLLM, useStandInServer } from "./fixtures";

// Multimodal and reasoning parts (GenAI conventions 1.38+) in the messages of a real
// @llamaindex/openai chat against the stand-in server(), with content capture on.
const { tracing, server } = useStandInServer();

const SMALL_PNG = "iVBORw0KGgo="; // 8 bytes: under the cap below
const LARGE_PDF = "JVBERi0x".repeat(200); // 1,200 bytes: over it

const messages = [
  { role: "assistant" as const, content: "Earlier answer.", options: { thinking: "The user asked about tides before." } },
  {
    role: "user" as const,
    content: [
      { type: "text" as const, text: "What is in these?" },
      { type: "image_url" as const, image_url: { url: "https://example.test/lighthouse.png" } },
      { type: "image" as const, data: SMALL_PNG, mimeType: "image/png" },
      { type: "file" as const, data: LARGE_PDF, mimeType: "application/pdf" },
    ],
  },
];

function inputMessages(): unknown {
  const span = tracing.spans().find((s) => s.name.startsWith("chat "))!;
  return JSON.parse(String(span.attributes["gen_ai.input.messages"]));
}


describe("with content capture on", () => {
  it("records images by reference, small blobs with their bytes, large ones without, and reasoning", async () => {
    const instrumentation = instrumentLlamaIndex({ captureContent: true, maxBlobBytes: 100 });
    try {
      const llm = standInLLM(server());
      await llm.chat({ messages });
      expect(inputMessages()).toEqual([
        { role: "assistant", parts: [{ type: "reasoning", content: "The user asked about tides before." }, { type: "text", content: "Earlier answer." }] },
        {
          role: "user",
          parts: [
            { type: "text", content: "What is in these?" },
            { type: "uri", modality: "image", uri: "https://example.test/lighthouse.png" },
            { type: "blob", modality: "image", mime_type: "image/png", content: SMALL_PNG },
            { type: "blob", modality: "file", mime_type: "application/pdf", size: 1200 },
          ],
        },
      ]);
    } finally {
      instrumentation.uninstrument();
    }
  });
});

describe("with content capture off", () => {
  it("records no message at all", async () => {
    const instrumentation = instrumentLlamaIndex();
    try {
      await standInLLM(server()).chat({ messages });
      const span = tracing.spans().find((s) => s.name.startsWith("chat "))!;
      expect(span.attributes["gen_ai.input.messages"]).toBeUndefined();
    } finally {
      instrumentation.uninstrument();
    }
  });
});
