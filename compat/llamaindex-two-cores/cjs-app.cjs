// Run as `node cjs-app.cjs <built CommonJS entry> <scenario.cjs>` from this directory: a plain-Node
// CommonJS app whose LlamaIndex packages come from this directory's npm install (two core copies).
const { OpenAI, OpenAIEmbedding } = require("@llamaindex/openai");
const { DiagConsoleLogger, DiagLogLevel, diag } = require("@opentelemetry/api");
const { Document, Settings, VectorStoreIndex } = require("llamaindex");

diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.WARN);
const { instrumentLlamaIndex } = require(process.argv[2]);
require(process.argv[3]).run({ instrumentLlamaIndex, Settings, Document, VectorStoreIndex, OpenAI, OpenAIEmbedding });
