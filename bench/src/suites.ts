import type { BenchSizes } from "./options";
import type { BenchConfig, RunOptions } from "./runner";

/**
 * A suite: one workload and the configs measured against each other in one process. Loaded
 * lazily (dynamic import), so a process running the LangChain suites never loads LlamaIndex and
 * the other way round.
 */
export interface Suite {
  id: SuiteId;
  title: string;
  framework: "LangChain.js" | "LlamaIndex.TS";
  configs(): Promise<BenchConfig[]>;
  options(sizes: BenchSizes): RunOptions;
  /** Config whose span count sets the size of the span floor (the same number of bare spans). */
  floorFrom?: string;
  /** Config whose overhead over "none" is the dispatch floor (a handler that does nothing). */
  dispatchFloor?: string;
  /** Why this suite is separate, when it is. */
  note?: string;
}

export type SuiteId = "langchain-chain" | "langgraph-react" | "llamaindex-query" | "llamaindex-traceloop";

export const SUITES: Record<SuiteId, Suite> = {
  "langchain-chain": {
    id: "langchain-chain",
    title: "LangChain.js: prompt | chat model | parser (FakeListChatModel)",
    framework: "LangChain.js",
    async configs() {
      const [{ langchainConfigs }, { chainWorkload }] = await Promise.all([import("./peers/langchain"), import("./workloads/langchain-chain")]);
      return langchainConfigs(chainWorkload());
    },
    options: (s) => s.chain,
    floorFrom: "ours-off",
    dispatchFloor: "noop",
  },
  "langgraph-react": {
    id: "langgraph-react",
    title: "LangGraph: createReactAgent, one tool call (fake tool-calling chat model)",
    framework: "LangChain.js",
    async configs() {
      const [{ langchainConfigs }, { reactWorkload }] = await Promise.all([import("./peers/langchain"), import("./workloads/langgraph-react")]);
      return langchainConfigs(reactWorkload());
    },
    options: (s) => s.react,
    floorFrom: "ours-off",
    dispatchFloor: "noop",
  },
  "llamaindex-query": {
    id: "llamaindex-query",
    title: "LlamaIndex.TS: VectorStoreIndex query (OpenAI + OpenAIEmbedding on an in-process client)",
    framework: "LlamaIndex.TS",
    async configs() {
      const [{ llamaindexConfigs }, { queryWorkload }] = await Promise.all([import("./peers/llamaindex"), import("./workloads/llamaindex-query")]);
      return llamaindexConfigs(queryWorkload()).filter((c) => c.key !== "traceloop");
    },
    options: (s) => s.llamaindex,
    floorFrom: "ours-off",
  },
  "llamaindex-traceloop": {
    id: "llamaindex-traceloop",
    title: "LlamaIndex.TS: the same query, Traceloop (own process)",
    framework: "LlamaIndex.TS",
    async configs() {
      const [{ llamaindexConfigs }, { queryWorkload }] = await Promise.all([import("./peers/llamaindex"), import("./workloads/llamaindex-query")]);
      return llamaindexConfigs(queryWorkload()).filter((c) => c.key === "none" || c.key === "traceloop");
    },
    options: (s) => s.llamaindex,
    note:
      "Traceloop's unpatch() cannot switch it off cleanly: shimmer leaves the inherited originals as own properties on 14 subclass prototypes (RetrieverQueryEngine.query, VectorIndexRetriever.retrieve, CompactAndRefine.synthesize, ...), which shadow any prototype patch made later (ours then lost its query, retrieval and synthesize spans). So it runs in its own process, with its own \"none\" baseline, same sizes and settings.",
  },
};
