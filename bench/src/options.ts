import type { RunOptions } from "./runner";

/** How much work each part of the bench does. `quick` is for the smoke test and trying things out. */
export interface BenchSizes {
  quick: boolean;
  chain: RunOptions;
  react: RunOptions;
  llamaindex: RunOptions;
  /** Invocations per memory run (the issue asks for 100,000). */
  memoryInvocations: number;
  /** Fresh processes per import-cost measurement. */
  importRuns: number;
  /** Invocations under the CPU profiler, per profiled config. */
  profileInvocations: number;
}

export function benchSizes(quick: boolean): BenchSizes {
  if (quick) {
    const tiny: RunOptions = { warmupRounds: 1, rounds: 2, batch: 3, warmPerBatch: 1, verifyInvocations: 2 };
    return { quick, chain: tiny, react: tiny, llamaindex: tiny, memoryInvocations: 200, importRuns: 1, profileInvocations: 50 };
  }
  return {
    quick,
    chain: { warmupRounds: 3, rounds: 21, batch: 300, warmPerBatch: 20, verifyInvocations: 20 },
    react: { warmupRounds: 2, rounds: 21, batch: 30, warmPerBatch: 5, verifyInvocations: 10 },
    llamaindex: { warmupRounds: 2, rounds: 21, batch: 150, warmPerBatch: 20, verifyInvocations: 10 },
    memoryInvocations: 100_000,
    importRuns: 5,
    profileInvocations: 10_000,
  };
}

/** `--quick` or `BENCH_QUICK=1`. */
export function isQuick(argv: readonly string[] = process.argv): boolean {
  return argv.includes("--quick") || process.env.BENCH_QUICK === "1" || process.env.BENCH_QUICK === "true";
}
