import { Document } from "@langchain/core/documents";

/** The handful of documents the example answers questions about. */
export const DOCUMENTS = [
  new Document({ id: "spans", pageContent: "A span is one timed operation in a trace; spans nest by parent id to form a tree." }),
  new Document({ id: "traces", pageContent: "A trace is the tree of spans that one request produces across services." }),
  new Document({ id: "genai", pageContent: "The GenAI semantic conventions name chat spans 'chat {model}' and record token usage." }),
  new Document({ id: "exporters", pageContent: "An exporter sends finished spans to a backend over OTLP, batched by a span processor." }),
  new Document({ id: "privacy", pageContent: "Message content is not recorded unless content capture is turned on." }),
];
