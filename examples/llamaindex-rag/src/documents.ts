import { Document } from "llamaindex";

/** The handful of documents the example answers questions about. */
export const DOCUMENTS = [
  new Document({ id_: "spans", text: "A span is one timed operation in a trace; spans nest by parent id to form a tree." }),
  new Document({ id_: "traces", text: "A trace is the tree of spans that one request produces across services." }),
  new Document({ id_: "genai", text: "The GenAI semantic conventions name chat spans 'chat {model}' and record token usage." }),
  new Document({ id_: "exporters", text: "An exporter sends finished spans to a backend over OTLP, batched by a span processor." }),
  new Document({ id_: "privacy", text: "Message content is not recorded unless content capture is turned on." }),
];
