import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Plugin } from "vitest/config";

const LANGCHAIN = /^(langchain|@langchain\/(core|openai|langgraph|langgraph-checkpoint|classic))(\/.*)?$/;
const VERSIONS_MODULE = "virtual:langchain-versions";

/** The version of `name` installed beside `importer` (a package.json path), or undefined when absent. */
function versionOf(importer: string, name: string): string | undefined {
  try {
    const entry = createRequire(importer).resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(entry, "utf8")) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * Resolves every import of a LangChain package (`langchain`, `@langchain/core`, `openai`,
 * `langgraph`, `classic`; from our sources and tests) as if it were made from `fromDir`, so the
 * suite can run against the LangChain copies installed beside another package (compat/langchain-*).
 * Also serves `virtual:langchain-versions`: the versions those imports reach
 * (`{ core, langgraph, langchain, openai }`), for a test to check.
 */
export function resolveLangChainFrom(fromDir: string): Plugin {
  const importer = join(fromDir, "package.json");
  return {
    name: "resolve-langchain-from",
    enforce: "pre",
    async resolveId(id, _importer, options) {
      if (id === VERSIONS_MODULE) return `\0${VERSIONS_MODULE}`;
      if (!LANGCHAIN.test(id)) return null;
      return this.resolve(id, importer, { ...options, skipSelf: true });
    },
    load(id) {
      if (id !== `\0${VERSIONS_MODULE}`) return null;
      const versions = {
        core: versionOf(importer, "@langchain/core"),
        langgraph: versionOf(importer, "@langchain/langgraph"),
        langchain: versionOf(importer, "langchain"),
        openai: versionOf(importer, "@langchain/openai"),
      };
      return `export default ${JSON.stringify(versions)};`;
    },
  };
}
