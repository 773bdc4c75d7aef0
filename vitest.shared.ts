import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Tests run against the sources of the workspace packages (the packed tarballs are checked
 * separately by scripts/pack-check.mjs), so no rebuild is needed between edits.
 */
export const workspaceAliases = {
  "@genai-otel/core-semconv/testing": `${root}packages/core-semconv/src/testing/index.ts`,
  "@genai-otel/core-semconv/export": `${root}packages/core-semconv/src/export.ts`,
  "@genai-otel/core-semconv/internal": `${root}packages/core-semconv/src/internal.ts`,
  "@genai-otel/core-semconv": `${root}packages/core-semconv/src/index.ts`,
  "@genai-otel/langchain-otel": `${root}packages/langchain-otel/src/index.ts`,
  "@genai-otel/llamaindex-otel": `${root}packages/llamaindex-otel/src/index.ts`,
  "@genai-otel/exporter-presets/edge": `${root}packages/exporter-presets/src/edge/index.ts`,
  "@genai-otel/exporter-presets": `${root}packages/exporter-presets/src/index.ts`,
};

export function packageTestConfig() {
  return defineConfig({
    resolve: { alias: workspaceAliases },
    test: {
      include: ["test/**/*.test.ts"],
      testTimeout: 30_000,
      hookTimeout: 30_000,
      pool: "forks",
    },
  });
}
