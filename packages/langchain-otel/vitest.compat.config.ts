import { defineConfig } from "vitest/config";
import { workspaceAliases } from "../../vitest.shared.ts";

/**
 * Runs test/compat against the oldest @langchain/core in the peer range (installed as the alias
 * `@langchain/core-oldest`), so the handler's imports resolve to that copy.
 */
export default defineConfig({
  resolve: {
    alias: [
      ...Object.entries(workspaceAliases).map(([find, replacement]) => ({ find, replacement })),
      { find: /^@langchain\/core(\/.*)?$/, replacement: "@langchain/core-oldest$1" },
    ],
  },
  test: { include: ["test/compat/*.test.ts"], env: { EXPECT_LANGCHAIN_CORE: "1.0.0" }, pool: "forks" },
});
