// Run as `node --import tsx tsx-app.ts`: an ESM TypeScript app under tsx, using the sources.
import { createRequire } from "node:module";
import { OpenAI, OpenAIEmbedding } from "@llamaindex/openai";
import { Document, Settings, VectorStoreIndex } from "llamaindex";
import { instrumentLlamaIndex } from "../../src/index";

const scenario = createRequire(import.meta.url)("./scenario.cjs");
await scenario.run({ instrumentLlamaIndex, Settings, Document, VectorStoreIndex, OpenAI, OpenAIEmbedding });
