import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Plugin } from "vitest/config";

const LLAMAINDEX = /^(llamaindex|@llamaindex\/(core|env|openai|workflow))(\/.*)?$/;
const VERSION_MODULE = "virtual:llamaindex-core-version";

/**
 * Resolves every import of a LlamaIndex package (from our sources and tests) as if it were made from
 * `fromDir`, so one test suite can run against the LlamaIndex copies installed beside another
 * package (compat/llamaindex-oldest). Also serves `virtual:llamaindex-core-version`: the version of
 * the @llamaindex/core those imports reach, for a test to check.
 */
export function resolveLlamaIndexFrom(fromDir: string): Plugin {
  const importer = join(fromDir, "package.json");
  return {
    name: "resolve-llamaindex-from",
    enforce: "pre",
    async resolveId(id, _importer, options) {
      if (id === VERSION_MODULE) return `\0${VERSION_MODULE}`;
      if (!LLAMAINDEX.test(id)) return null;
      return this.resolve(id, importer, { ...options, skipSelf: true });
    },
    load(id) {
      if (id !== `\0${VERSION_MODULE}`) return null;
      const entry = createRequire(importer).resolve("@llamaindex/core/global");
      let dir = dirname(entry);
      while (!dir.endsWith("@llamaindex/core")) dir = dirname(dir);
      const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      return `export const version = ${JSON.stringify(version)};`;
    },
  };
}
