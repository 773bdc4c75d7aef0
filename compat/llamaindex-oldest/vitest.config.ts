import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { resolveLlamaIndexFrom } from "../../packages/llamaindex-otel/llamaindex-resolution.ts";
import { ignoreWorkflowCoreDroppedErrors } from "../../packages/llamaindex-otel/vitest.config.ts";
import { workspaceAliases } from "../../vitest.shared.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
const suite = fileURLToPath(new URL("../../packages/llamaindex-otel/", import.meta.url));

/**
 * @genai-otel/llamaindex-otel's own test suite, run against the oldest LlamaIndex.TS it supports:
 * llamaindex 0.11.17 with @llamaindex/core 0.6.14, @llamaindex/openai 0.4.8 and
 * @llamaindex/workflow 1.1.14 (this package's dependencies). Every LlamaIndex import of the
 * adapter's sources and tests resolves here. The module-format tests (child processes with built
 * copies) run only in the package itself.
 */
export default defineConfig({
  root: suite,
  plugins: [resolveLlamaIndexFrom(here)],
  resolve: { alias: workspaceAliases },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/module-formats.test.ts", "test/two-cores.test.ts"],
    env: { EXPECT_LLAMAINDEX_CORE: "0.6.14", LLAMAINDEX_SUITE: "oldest" },
    onUnhandledError: ignoreWorkflowCoreDroppedErrors,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
