import { loadavg } from "node:os";
import { fullGc } from "./gc";
import type { BenchSizes } from "./options";
import { setupTracing } from "./otel";
import { type ProfileSummary, profileConfig } from "./profile";
import { type BenchConfig, type ConfigResult, countSpans, runInterleaved } from "./runner";
import { SUITES, type SuiteId } from "./suites";
import { spanFloorConfig, spanReplayConfig } from "./workloads/span-floor";

/** What one timing run of a suite gives. */
export interface SuiteResult {
  suite: SuiteId;
  title: string;
  framework: string;
  options: import("./runner").RunOptions;
  results: ConfigResult[];
  /** Number of bare spans of the floor config (= spans per invoke of `floorFrom`). */
  floorSpans?: number;
  /** Dispatch floor (no-op handler's overhead over none), µs. */
  dispatchFloorKey?: string;
  seconds: number;
  loadavg: { before: number[]; after: number[] };
  note?: string;
}

function findConfig(configs: readonly BenchConfig[], key: string): BenchConfig {
  const config = configs.find((c) => c.key === key);
  if (!config) throw new Error(`no config "${key}" (have ${configs.map((c) => c.key).join(", ")})`);
  return config;
}

/** Interleaved timing of every config of a suite, plus the span floor sized from `floorFrom`. */
export async function timeSuite(id: SuiteId, sizes: BenchSizes, log: (line: string) => void): Promise<SuiteResult> {
  const started = performance.now();
  const before = loadavg();
  const suite = SUITES[id];
  setupTracing();
  const configs = await suite.configs();
  let floorSpans: number | undefined;
  if (suite.floorFrom) {
    const ours = await countSpans(findConfig(configs, suite.floorFrom), 2);
    floorSpans = ours.spansPerInvoke;
    configs.push(spanFloorConfig(floorSpans, "floor"), spanReplayConfig(ours.shapes, "floor-attrs"));
  }
  const results = await runInterleaved(configs, suite.options(sizes), "none", log);
  return {
    suite: id,
    title: suite.title,
    framework: suite.framework,
    options: suite.options(sizes),
    results,
    floorSpans,
    dispatchFloorKey: suite.dispatchFloor,
    seconds: (performance.now() - started) / 1000,
    loadavg: { before, after: loadavg() },
    note: suite.note,
  };
}

/** Heap growth over many invocations of one config, after full GCs, and its registries when idle. */
export interface MemoryResult {
  suite: SuiteId;
  key: string;
  name: string;
  invocations: number;
  heapBeforeMB: number;
  heapAfterMB: number;
  growthMB: number;
  registries?: Record<string, number>;
  seconds: number;
}

const MB = 1024 * 1024;

async function settledHeap(): Promise<number> {
  // WeakRef targets and FinalizationRegistry callbacks need turns of the event loop between GCs.
  for (let i = 0; i < 3; i++) {
    fullGc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  fullGc();
  return process.memoryUsage().heapUsed;
}

export async function memorySuite(id: SuiteId, key: string, invocations: number): Promise<MemoryResult> {
  const started = performance.now();
  const tracing = setupTracing();
  const config = findConfig(await SUITES[id].configs(), key);
  await config.before?.();
  try {
    for (let i = 0; i < Math.min(1000, invocations); i++) await config.invoke();
    await config.drain?.();
    await tracing.flush();
    const heapBefore = await settledHeap();
    for (let i = 0; i < invocations; i++) {
      await config.invoke();
      if (i % 1000 === 999) await config.drain?.();
    }
    await config.drain?.();
    await tracing.flush();
    const heapAfter = await settledHeap();
    return {
      suite: id,
      key,
      name: config.name,
      invocations,
      heapBeforeMB: heapBefore / MB,
      heapAfterMB: heapAfter / MB,
      growthMB: (heapAfter - heapBefore) / MB,
      registries: config.registries?.(),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await config.after?.();
  }
}

export async function profileSuite(id: SuiteId, key: string, invocations: number, outDir: string | undefined): Promise<ProfileSummary & { suite: SuiteId; key: string }> {
  setupTracing();
  const config = findConfig(await SUITES[id].configs(), key);
  const summary = await profileConfig(config, invocations, outDir ? `${outDir}/${id}` : undefined);
  return { ...summary, suite: id, key };
}
