// Runs against the newest @langchain/core (vitest.config.ts) and, with the rest of the suite, against the oldest
// releases (compat/langchain-oldest-core: core 1.0.0; compat/langchain-oldest-langgraph: core 1.1.48). Uses only
// @langchain/core.
import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@genai-otel/core-semconv/testing";
import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { Document } from "@langchain/core/documents";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { BaseRetriever } from "@langchain/core/retrievers";
import { tool } from "@langchain/core/tools";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { z } from "zod";

const tracing = createTestTracing();
afterEach(() => tracing.reset());
afterAll(() => tracing.shutdown());

class KeywordRetriever extends BaseRetriever {
  override lc_namespace = ["test"];
  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    if (query === "fail") throw new Error("index offline");
    return [new Document({ pageContent: `about ${query}` }), new Document({ pageContent: "other" })];
  }
}

describe("@langchain/core feature coverage", () => {
  it("runs against the expected @langchain/core copy", async () => {
    const { VERSION } = await import("./core-version");
    expect(VERSION).toBe(process.env.EXPECT_LANGCHAIN_CORE ?? VERSION);
  });

  it("traces prompt | fake chat model | parser, a retriever and a tool as nested GenAI spans", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    const chain = ChatPromptTemplate.fromMessages([["human", "{q}"]])
      .pipe(new FakeListChatModel({ responses: ["fine"] }))
      .pipe(new StringOutputParser());
    expect(await chain.invoke({ q: "hi" }, { callbacks: [handler] })).toBe("fine");
    const docs = await new KeywordRetriever().invoke("spans", { callbacks: [handler] });
    const echo = tool(async ({ text }: { text: string }) => text, { name: "echo", description: "echoes", schema: z.object({ text: z.string() }) });
    await echo.invoke({ text: "x" }, { callbacks: [handler] });
    expect(docs).toHaveLength(2);
    const shape = tracing.shape();
    expect(shape.map((r) => r.name)).toEqual(["invoke_workflow RunnableSequence", "retrieval KeywordRetriever", "execute_tool echo"]);
    expect(shape[0]!.children.map((c) => c.name)).toEqual(["ChatPromptTemplate", expect.stringMatching(/^chat/), "StrOutputParser"]);
    const retrieval = tracing.spans().find((s) => s.name.startsWith("retrieval"))!;
    expect(retrieval.attributes["gen_ai.retrieval.documents.count"]).toBe(2);
    expect(handler.openRuns).toBe(0);
  });

  it("records retriever errors", async () => {
    const handler = new OpenTelemetryCallbackHandler();
    await expect(new KeywordRetriever().invoke("fail", { callbacks: [handler] })).rejects.toThrow("index offline");
    expect(tracing.spans()[0]!.status.code).toBe(SpanStatusCode.ERROR);
  });
});
