import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { resolveLangChainFrom } from "../../packages/langchain-otel/langchain-resolution.ts";
import { workspaceAliases } from "../../vitest.shared.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
const suite = fileURLToPath(new URL("../../packages/langchain-otel/", import.meta.url));

/**
 * @genai-otel/langchain-otel's own tests, run against the oldest LangGraph 1.4 (1.4.0) with the
 * oldest @langchain/core it accepts (1.1.48) and the newest @langchain/openai (1.4.7) and
 * `langchain` (1.4.2, whose own LangGraph dependency is this 1.4.0) that accept that core (this
 * package's dependencies): graphs, prebuilt and `createAgent` agents, interrupts and other control
 * flow, streaming paths, trace context, context propagation.
 */
export default defineConfig({
  root: suite,
  plugins: [resolveLangChainFrom(here)],
  resolve: { alias: workspaceAliases },
  test: {
    include: [
      "test/langgraph.test.ts",
      "test/agents.test.ts",
      "test/control-flow.test.ts",
      "test/streaming.test.ts",
      "test/trace-context.test.ts",
      "test/context-propagation.test.ts",
      "test/compat/*.test.ts",
    ],
    env: { EXPECT_LANGCHAIN_CORE: "1.1.48" },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
