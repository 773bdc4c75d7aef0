import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { resolveLangChainFrom } from "../../packages/langchain-otel/langchain-resolution.ts";
import { workspaceAliases } from "../../vitest.shared.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
const suite = fileURLToPath(new URL("../../packages/langchain-otel/", import.meta.url));

/**
 * @genai-otel/langchain-otel's own tests, run against the oldest @langchain/core in its peer range
 * (1.0.0) with the newest @langchain/openai that runs on it (1.2.7; 1.2.8 declares `^1.0.0` but imports `@langchain/core/errors`, added in a later core) and @langchain/classic (1.0.32) that accept it
 * (this package's dependencies): chains, chat models, tools, retrieval, legacy agents, lifecycle,
 * metrics, trace context without LangGraph. LangGraph needs @langchain/core >= 1.0.1 (LangGraph 1.4
 * needs >= 1.1.48): compat/langchain-oldest-langgraph covers it.
 */
export default defineConfig({
  root: suite,
  plugins: [resolveLangChainFrom(here)],
  resolve: { alias: workspaceAliases },
  test: {
    include: [
      "test/chains.test.ts",
      "test/tools-retrieval.test.ts",
      "test/legacy-agent.test.ts",
      "test/lifecycle.test.ts",
      "test/manual-api.test.ts",
      "test/global.test.ts",
      "test/multimodal.test.ts",
      "test/metrics.test.ts",
      "test/compat/*.test.ts",
    ],
    env: { EXPECT_LANGCHAIN_CORE: "1.0.0" },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
