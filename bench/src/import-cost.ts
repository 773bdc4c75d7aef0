import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./stats";

const CHILD = fileURLToPath(new URL("./import-cost/child.mjs", import.meta.url));

/** What a LangChain app imports anyway (a chain with a chat model), with the OTel API. */
const LANGCHAIN_FRAMEWORK = [
  "@opentelemetry/api",
  "@langchain/core/runnables",
  "@langchain/core/prompts",
  "@langchain/core/output_parsers",
  "@langchain/core/language_models/chat_models",
  "@langchain/core/callbacks/manager",
];
/** What a LlamaIndex app imports anyway (llamaindex and its OpenAI provider), with the OTel API. */
const LLAMAINDEX_FRAMEWORK = ["@opentelemetry/api", "llamaindex", "@llamaindex/openai"];

export interface ImportVariant {
  framework: "LangChain.js" | "LlamaIndex.TS";
  name: string;
  adapter: string[];
  ours?: boolean;
}

export const IMPORT_VARIANTS: ImportVariant[] = [
  { framework: "LangChain.js", name: "framework only", adapter: [] },
  { framework: "LangChain.js", name: "ours (@genai-otel/langchain-otel)", adapter: ["@genai-otel/langchain-otel"], ours: true },
  { framework: "LangChain.js", name: "OpenInference", adapter: ["@arizeai/openinference-instrumentation-langchain"] },
  { framework: "LangChain.js", name: "Traceloop", adapter: ["@traceloop/instrumentation-langchain"] },
  { framework: "LangChain.js", name: "Langfuse (@langfuse/langchain + @langfuse/tracing)", adapter: ["@langfuse/langchain", "@langfuse/tracing"] },
  { framework: "LlamaIndex.TS", name: "framework only", adapter: [] },
  { framework: "LlamaIndex.TS", name: "ours (@genai-otel/llamaindex-otel)", adapter: ["@genai-otel/llamaindex-otel"], ours: true },
  { framework: "LlamaIndex.TS", name: "Traceloop", adapter: ["@traceloop/instrumentation-llamaindex"] },
];

export interface ImportResult {
  framework: string;
  name: string;
  ours: boolean;
  runs: number;
  /** Median ms to import the framework modules (fresh process, plain node). */
  frameworkMs: number;
  /** Median ms to import the adapter after the framework: what the adapter adds. */
  adapterMs: number;
  /** Modules loaded in all (ESM and CommonJS), from an untimed census run. */
  modules?: number;
  grpcLoaded: boolean;
}

interface ChildOutput {
  frameworkMs: number;
  adapterMs: number;
  grpcLoaded: boolean;
  modules?: number;
}

/**
 * One fresh process. Retried (twice, a second apart) when it fails: the workspace packages are
 * rebuilt by other tasks now and then, and their dist is briefly missing while tsup writes it.
 */
function runChild(framework: string[], adapter: string[], census: boolean): ChildOutput {
  for (let attempt = 1; ; attempt++) {
    try {
      const out = execFileSync(process.execPath, [CHILD, JSON.stringify({ framework, adapter, census })], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      const line = out.trim().split("\n").at(-1)!;
      return JSON.parse(line) as ChildOutput;
    } catch (err) {
      if (attempt >= 3) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
}

/**
 * Import cost of each adapter: in fresh `node` processes (no TypeScript loader), the framework's
 * modules are imported, then the adapter's; the adapter's cost is the time of the second step. Runs
 * are interleaved across variants (run 1 of each, then run 2, ...) and the median taken. One more
 * untimed run per variant counts the modules loaded (through module hooks) and checks for gRPC.
 */
export function measureImports(runs: number, log: (line: string) => void = () => {}): ImportResult[] {
  const samples = IMPORT_VARIANTS.map(() => ({ framework: [] as number[], adapter: [] as number[], grpc: false }));
  const frameworkOf = (v: ImportVariant) => (v.framework === "LangChain.js" ? LANGCHAIN_FRAMEWORK : LLAMAINDEX_FRAMEWORK);
  // One throw-away pass warms the OS file cache.
  for (const v of IMPORT_VARIANTS) runChild(frameworkOf(v), v.adapter, false);
  for (let r = 0; r < runs; r++) {
    IMPORT_VARIANTS.forEach((v, i) => {
      const out = runChild(frameworkOf(v), v.adapter, false);
      samples[i]!.framework.push(out.frameworkMs);
      samples[i]!.adapter.push(out.adapterMs);
      samples[i]!.grpc ||= out.grpcLoaded;
    });
    log(`  import run ${r + 1}/${runs}`);
  }
  return IMPORT_VARIANTS.map((v, i) => {
    const census = runChild(frameworkOf(v), v.adapter, true);
    return {
      framework: v.framework,
      name: v.name,
      ours: v.ours === true,
      runs,
      frameworkMs: median(samples[i]!.framework),
      adapterMs: median(samples[i]!.adapter),
      modules: census.modules,
      grpcLoaded: samples[i]!.grpc || census.grpcLoaded,
    };
  });
}
