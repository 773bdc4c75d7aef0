import { join } from "node:path";
import type { Plugin } from "vitest/config";

const LANGCHAIN = /^(langchain|@langchain\/(core|openai|langgraph|langgraph-checkpoint|classic))(\/.*)?$/;

/**
 * Resolves every import of a LangChain package (`langchain`, `@langchain/core`, `openai`,
 * `langgraph`, `langgraph-checkpoint`, `classic`; from our sources and tests) as if it were made
 * from `fromDir`, so the suite can run against the LangChain copies installed beside another
 * package (compat/langchain-oldest-*). test/versions.ts reads the versions those imports reach.
 */
export function resolveLangChainFrom(fromDir: string): Plugin {
  const importer = join(fromDir, "package.json");
  return {
    name: "resolve-langchain-from",
    enforce: "pre",
    async resolveId(id, _importer, options) {
      if (!LANGCHAIN.test(id)) return null;
      return this.resolve(id, importer, { ...options, skipSelf: true });
    },
  };
}
