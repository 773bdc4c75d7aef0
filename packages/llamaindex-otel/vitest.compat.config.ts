import { defineConfig } from "vitest/config";
import { workspaceAliases } from "../../vitest.shared.ts";
import { ignoreWorkflowCoreDroppedErrors } from "./vitest.config.ts";

/**
 * Runs the tests against the oldest LlamaIndex the package supports, installed as aliases:
 * `llamaindex-oldest` (npm:llamaindex@0.11.17), `@llamaindex/core-oldest` (npm:@llamaindex/core@0.6.14,
 * the version that llamaindex pins), `@llamaindex/workflow-oldest` (npm:@llamaindex/workflow@1.1.14)
 * and `@llamaindex/openai-oldest` (npm:@llamaindex/openai@0.4.8). The sources' and tests' imports
 * resolve to those copies; inside node_modules each package resolves its own dependencies, which
 * pnpm links to the same copies. The module-format tests run apps in child processes, outside
 * these aliases, and are left out.
 */
const OLDEST = ["llamaindex", "@llamaindex/core", "@llamaindex/workflow", "@llamaindex/openai"];

export default defineConfig({
  resolve: {
    alias: [
      ...Object.entries(workspaceAliases).map(([find, replacement]) => ({ find, replacement })),
      ...OLDEST.map((name) => ({ find: new RegExp(`^${name.replace("/", "\\/")}(\\/.*)?$`), replacement: `${name}-oldest$1` })),
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/module-formats.test.ts"],
    env: { LLAMAINDEX_CORE_PACKAGE: "@llamaindex/core-oldest", EXPECT_LLAMAINDEX_CORE: "0.6.14" },
    onUnhandledError: ignoreWorkflowCoreDroppedErrors,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
