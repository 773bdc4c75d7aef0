// Run as `node cjs-app.cjs <built CommonJS entry>`: a plain-Node CommonJS app using the build.
const { OpenAI, OpenAIEmbedding } = require("@llamaindex/openai");
const { Document, Settings, VectorStoreIndex } = require("llamaindex");
const { instrumentLlamaIndex } = require(process.argv[2]);

require("./scenario.cjs").run({ instrumentLlamaIndex, Settings, Document, VectorStoreIndex, OpenAI, OpenAIEmbedding });
