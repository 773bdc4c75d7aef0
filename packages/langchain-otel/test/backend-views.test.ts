import type { TranslatorName } from "@genai-otel/core-semconv";
import { TranslatingSpanExporter } from "@genai-otel/core-semconv/export";
import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { MemoryVectorStore } from "@langchain/classic/vectorstores/memory";
import { Document } from "@langchain/core/documents";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { RunnablePassthrough, RunnableSequence } from "@langchain/core/runnables";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { chatModel, embeddings, useStandIns } from "./setup";

/**
 * A real LangChain RAG chain (retriever → prompt → streaming ChatOpenAI against the stand-in) with
 * content capture on, rendered for each backend by the translators the presets apply, asserting
 * the retrieval, usage and time-to-first-chunk fields each backend's UI shows.
 */
const { server, tracing } = useStandIns();
let spans: ReadableSpan[];

/** The spans as one destination using `name` receives them (one export call, as a batch). */
function rendered(name: TranslatorName): Map<string, ReadableSpan> {
  const memory = new InMemorySpanExporter();
  new TranslatingSpanExporter(memory, name).export(spans, () => undefined);
  return new Map(memory.getFinishedSpans().map((s) => [s.name.startsWith("retrieval") ? "retrieval" : s.name.startsWith("chat") ? "chat" : s.name, s]));
}
const attrs = (m: Map<string, ReadableSpan>, key: string) => m.get(key)?.attributes ?? {};

let recording: Promise<void> | undefined;
/** Records the chain once (inside the first test that needs it; the stand-ins start in beforeAll). */
const recorded = () => {
  recording ??= record();
  return recording;
};

async function record(): Promise<void> {
  const store = await MemoryVectorStore.fromDocuments(
    [new Document({ pageContent: "Paris is the capital of France.", metadata: { id: "fr" } }), new Document({ pageContent: "Berlin is in Germany.", metadata: { id: "de" } })],
    embeddings(server()),
  );
  const prompt = ChatPromptTemplate.fromTemplate("Answer from {context}: {question}");
  const chain = RunnableSequence.from([
    { context: store.asRetriever({ k: 1 }).pipe((docs: Document[]) => docs.map((d) => d.pageContent).join("\n")), question: new RunnablePassthrough() },
    prompt,
    chatModel(server(), { streaming: true, streamUsage: true }),
    new StringOutputParser(),
  ]);
  const handler = new OpenTelemetryCallbackHandler({ captureContent: true });
  // Streamed (the chain's `stream`), so the chat span gets its time to first chunk.
  for await (const _chunk of await chain.stream("What is the capital of France?", { callbacks: [handler] })) void _chunk;
  spans = tracing().spans();
}

describe("a LangChain RAG chain in each backend's view", () => {
  it("the recorded spans carry what the renderings need", async () => {
    await recorded();
    const retrieval = spans.find((s) => s.attributes["gen_ai.operation.name"] === "retrieval");
    const chat = spans.find((s) => s.attributes["gen_ai.operation.name"] === "chat");
    expect(retrieval?.attributes["gen_ai.retrieval.query.text"]).toBe("What is the capital of France?");
    expect(typeof chat?.attributes["gen_ai.response.time_to_first_chunk"]).toBe("number");
    expect(spans.some((s) => s.name === "invoke_workflow RunnableSequence" && s.parentSpanContext === undefined)).toBe(true);
  });

  it("langfuse: retriever and chain types, retrieval input/output, completion start time", async () => {
    await recorded();
    const v = rendered("langfuse");
    expect(attrs(v, "retrieval")).toMatchObject({ "langfuse.observation.type": "retriever", "langfuse.observation.input": "What is the capital of France?" });
    expect(JSON.parse(String(attrs(v, "retrieval")["langfuse.observation.output"]))[0]).toMatchObject({ content: "Paris is the capital of France." });
    expect(attrs(v, "invoke_workflow RunnableSequence")["langfuse.observation.type"]).toBe("chain");
    const chat = v.get("chat") as ReadableSpan;
    const startMs = chat.startTime[0] * 1000 + chat.startTime[1] / 1e6;
    const expected = new Date(startMs + Number(chat.attributes["gen_ai.response.time_to_first_chunk"]) * 1000).toISOString();
    expect(chat.attributes["langfuse.observation.completion_start_time"]).toBe(expected);
  });

  it("datadog: the retrieval typed retrieval with its documents, without an operation name", async () => {
    await recorded();
    const r = attrs(rendered("datadog"), "retrieval");
    expect(r["gen_ai.operation.name"]).toBeUndefined();
    expect(r).toMatchObject({
      "openinference.span.kind": "RETRIEVER",
      "input.value": "What is the capital of France?",
      "retrieval.documents.0.document.content": "Paris is the capital of France.",
    });
  });

  it("phoenix, weave, laminar, traceloop: documents, kinds, provider, workflow name", async () => {
    await recorded();
    expect(attrs(rendered("openinference"), "retrieval")["retrieval.documents.0.document.content"]).toBe("Paris is the capital of France.");
    const weave = rendered("weave");
    expect(attrs(weave, "retrieval")).toMatchObject({ "weave.span.kind": "retriever", "input.value": "What is the capital of France?" });
    expect(attrs(weave, "chat")).toMatchObject({ "weave.span.kind": "llm", "llm.provider": "openai" });
    expect(attrs(rendered("laminar"), "chat")).toMatchObject({ "gen_ai.system": "openai", "gen_ai.provider.name": "openai" });
    for (const span of rendered("traceloop").values()) {
      if (span.attributes["genai_otel.framework"] !== undefined) expect(span.attributes["traceloop.workflow.name"]).toBe("RunnableSequence");
    }
  });
});
