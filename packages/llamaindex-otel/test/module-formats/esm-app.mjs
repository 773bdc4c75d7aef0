// Run as `node esm-app.mjs <built ESM entry>`: a plain-Node ESM app using the build.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { OpenAI, OpenAIEmbedding } from "@llamaindex/openai";
import { Document, Settings, VectorStoreIndex } from "llamaindex";

const { instrumentLlamaIndex } = await import(pathToFileURL(process.argv[2]).href);
const scenario = createRequire(import.meta.url)("./scenario.cjs");
await scenario.run({ instrumentLlamaIndex, Settings, Document, VectorStoreIndex, OpenAI, OpenAIEmbedding });
