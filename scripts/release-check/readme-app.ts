/**
 * The README as a user follows it: the `npm install` lines of its "Install" section, in order, and
 * the code of its "Usage" section as one program. The snippets refer to the user's own `chain`,
 * `input` and `index`; a harness provides them, built against the local OpenAI-compatible stand-in.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The fenced blocks of `lang` in the README section that starts with `heading`. */
function blocks(readme: string, heading: string, lang: string): string[] {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}" section`);
  const rest = readme.slice(start + heading.length + 2);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((match) => match[1] ?? "");
}

/** The README's install commands, as argument lists for `npm` (comments dropped). */
export function installCommands(root: string): string[][] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  return blocks(readme, "## Install", "sh")
    .flatMap((block) => block.split("\n"))
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line.startsWith("npm install "))
    .map((line) => line.split(/\s+/).slice(1));
}

/**
 * The README's Usage snippets as one ES module: their imports first, then the first snippet
 * (`setupTracing`) with its `// ... your app ...` line replaced by the other snippets, so that
 * `tracing.shutdown()` comes last and flushes every span.
 */
export function usageProgram(root: string): string {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const snippets = blocks(readme, "## Usage", "ts");
  if (snippets.length < 2) throw new Error("README Usage section: expected a code block per package");
  const imports = new Set<string>();
  const bodies = snippets.map((snippet) => {
    const body: string[] = [];
    for (const line of snippet.split("\n")) (line.startsWith("import ") ? imports.add(line) : body.push(line));
    return body.join("\n").trim();
  });
  const [first = "", ...others] = bodies;
  const placeholder = first.split("\n").find((line) => line.includes("... your app ..."));
  if (placeholder === undefined) throw new Error('README Usage: the setupTracing snippet has no "// ... your app ..." line');
  return [
    'import { chain, input, index } from "./harness.mjs";',
    ...imports,
    "",
    first.replace(placeholder, others.join("\n\n")),
    "",
  ].join("\n");
}

/** What the snippets assume the app has: a LangChain chain and its input, a LlamaIndex index (built on first use). */
export const HARNESS = `
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { ChatOpenAI } from "@langchain/openai";
import { OpenAI, OpenAIEmbedding } from "@llamaindex/openai";
import { Document, Settings, VectorStoreIndex } from "llamaindex";

const baseURL = process.env.OPENAI_BASE_URL;
const apiKey = "test-fake-key";

export const chain = ChatPromptTemplate.fromTemplate("Answer in one line: {question}")
  .pipe(new ChatOpenAI({ model: "gpt-4o-mini", apiKey, configuration: { baseURL } }))
  .pipe(new StringOutputParser());
export const input = { question: "What is a span?" };

// LlamaIndex objects are built when first used, i.e. after the snippet's instrumentLlamaIndex(), as the README asks.
async function build() {
  Settings.llm = new OpenAI({ model: "gpt-4o-mini", apiKey, baseURL });
  Settings.embedModel = new OpenAIEmbedding({ model: "text-embedding-3-small", apiKey, baseURL });
  return VectorStoreIndex.fromDocuments([
    new Document({ text: "A span is one timed operation in a trace." }),
    new Document({ text: "An exporter sends finished spans to a backend." }),
  ]);
}
export const index = {
  asQueryEngine: (options) => ({ query: async (params) => (await build()).asQueryEngine(options).query(params) }),
};
`;
