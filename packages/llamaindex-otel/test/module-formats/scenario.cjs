// The app each module-format test runs in a child process. LlamaIndex and the instrumentation are
// passed in as the app loaded them (ESM import, CommonJS require, or under tsx), so this file
// loads nothing LlamaIndex itself. Prints the finished spans as JSON lines on stdout.
const { context, trace } = require("@opentelemetry/api");
const { AsyncLocalStorageContextManager } = require("@opentelemetry/context-async-hooks");
const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = require("@opentelemetry/sdk-trace-base");

exports.run = async function run({ instrumentLlamaIndex, Settings, Document, VectorStoreIndex, OpenAI, OpenAIEmbedding }) {
  const exporter = new InMemorySpanExporter();
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));

  const instrumentation = instrumentLlamaIndex();
  const endpoint = { apiKey: "test-fake-key", baseURL: process.env.STAND_IN_URL, maxRetries: 0 };
  Settings.llm = new OpenAI({ model: "gpt-4o-mini", ...endpoint });
  Settings.embedModel = new OpenAIEmbedding({ model: "text-embedding-3-small", ...endpoint });
  const index = await VectorStoreIndex.fromDocuments([new Document({ text: "The keeper logs every ship.", id_: "doc-0" })]);
  await index.asQueryEngine().query({ query: "What does the keeper log?" });
  await Settings.llm.chat({ messages: [{ role: "user", content: "Hello" }] });
  instrumentation.uninstrument();

  const spans = exporter.getFinishedSpans();
  const names = new Map(spans.map((s) => [s.spanContext().spanId, s.name]));
  for (const s of spans) console.log(JSON.stringify({ name: s.name, parent: names.get(s.parentSpanContext?.spanId) ?? null }));
};
