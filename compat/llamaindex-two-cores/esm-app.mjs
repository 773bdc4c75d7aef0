// Run as `node esm-app.mjs <built ESM entry> <scenario.cjs>` from this directory: a plain-Node ESM
// app whose LlamaIndex packages come from this directory's npm install (two @llamaindex/core copies).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { OpenAI, OpenAIEmbedding } from "@llamaindex/openai";
import { DiagConsoleLogger, DiagLogLevel, diag } from "@opentelemetry/api";
import { Document, Settings, VectorStoreIndex } from "llamaindex";

diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.WARN);
const { instrumentLlamaIndex } = await import(pathToFileURL(process.argv[2]).href);
const scenario = createRequire(import.meta.url)(process.argv[3]);
await scenario.run({ instrumentLlamaIndex, Settings, Document, VectorStoreIndex, OpenAI, OpenAIEmbedding });
