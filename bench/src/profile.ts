import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import type { BenchConfig } from "./runner";

/** A V8 CPU profile (the `.cpuprofile` format `node --cpu-prof` writes). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Where a frame's code comes from. */
export type Bucket =
  | "ours: langchain-otel"
  | "ours: llamaindex-otel"
  | "ours: core-semconv"
  | "OTel SDK"
  | "OTel API"
  | "LangChain"
  | "LlamaIndex"
  | "peer"
  | "node / V8"
  | "GC"
  | "other";

export function bucketOf(url: string, functionName: string): Bucket {
  if (functionName === "(garbage collector)") return "GC";
  if (/langchain-otel\/dist/.test(url)) return "ours: langchain-otel";
  if (/llamaindex-otel\/dist/.test(url)) return "ours: llamaindex-otel";
  if (/core-semconv\/dist/.test(url)) return "ours: core-semconv";
  if (/@opentelemetry\/(sdk-trace|sdk-trace-base|core|resources|context-async-hooks)\//.test(url)) return "OTel SDK";
  if (/@opentelemetry\/api\//.test(url)) return "OTel API";
  if (/@arizeai|@traceloop|@langfuse/.test(url)) return "peer";
  if (/@langchain\/|\/langsmith\/|\/p-queue\/|\/uuid\//.test(url)) return "LangChain";
  // js-tiktoken is LlamaIndex's tokenizer (through @llamaindex/env).
  if (/llamaindex|@llamaindex\/|js-tiktoken/.test(url)) return "LlamaIndex";
  if (url.startsWith("node:") || url === "" || !url.includes("/")) return "node / V8";
  return "other";
}

const OURS: ReadonlySet<Bucket> = new Set(["ours: langchain-otel", "ours: llamaindex-otel", "ours: core-semconv"]);

export interface ProfileSummary {
  config: string;
  invocations: number;
  /** Sampled µs per invoke (all threads' JS on the main thread, incl. GC). */
  sampledUsPerInvoke: number;
  /** Self time per invoke by bucket, µs. */
  selfByBucket: Record<string, number>;
  /**
   * Time per invoke inside our code (frames of our packages and everything they call), µs, split
   * by where that time is spent (our own frames, the OTel SDK they call, ...).
   */
  underOurs: { total: number; byBucket: Record<string, number> };
  /** Top functions by self time, µs per invoke. */
  topSelf: { fn: string; bucket: Bucket; us: number }[];
  /** Top functions of our packages by inclusive time (first entry into our code), µs per invoke. */
  topOursInclusive: { fn: string; us: number }[];
  /** Top functions of our packages and of the OTel SDK/API by self time, µs per invoke. */
  topInstrumentationSelf: { fn: string; bucket: Bucket; us: number }[];
  file?: string;
}

function frameName(cf: CpuProfile["nodes"][number]["callFrame"]): string {
  const file = cf.url.replace(/^.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, "").replace(/^file:\/\/.*\/packages\//, "packages/");
  return `${cf.functionName || "(anonymous)"} ${file}:${cf.lineNumber + 1}`;
}

/**
 * Summarises a CPU profile: self time by code origin, the time spent under our packages' frames
 * (inclusive, attributed once at the outermost frame of ours), and the top functions.
 */
export function summarizeProfile(profile: CpuProfile, config: string, invocations: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  if (profile.samples && profile.timeDeltas) {
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i]!;
      const dt = profile.timeDeltas[i + 1] ?? 0;
      selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
    }
  }
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const per = (us: number) => us / invocations;

  const selfByBucket: Record<string, number> = {};
  const selfByFn = new Map<string, { bucket: Bucket; us: number }>();
  const underOursBy: Record<string, number> = {};
  let underOursTotal = 0;
  const oursInclusive = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const cf = node.callFrame;
    if (cf.functionName === "(idle)" || cf.functionName === "(program)") continue;
    total += us;
    const bucket = bucketOf(cf.url, cf.functionName);
    selfByBucket[bucket] = (selfByBucket[bucket] ?? 0) + us;
    const name = frameName(cf);
    const entry = selfByFn.get(name) ?? { bucket, us: 0 };
    entry.us += us;
    selfByFn.set(name, entry);
    // Walk up: is there a frame of ours above (or at) this one? Attribute to the outermost one.
    let outermost: CpuProfile["nodes"][number] | undefined;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      if (OURS.has(bucketOf(frame.callFrame.url, frame.callFrame.functionName))) outermost = frame;
    }
    if (outermost) {
      underOursTotal += us;
      underOursBy[bucket] = (underOursBy[bucket] ?? 0) + us;
      const key = frameName(outermost.callFrame);
      oursInclusive.set(key, (oursInclusive.get(key) ?? 0) + us);
    }
  }
  const perRecord = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(per(v))]));
  return {
    config,
    invocations,
    sampledUsPerInvoke: round(per(total)),
    selfByBucket: perRecord(selfByBucket),
    underOurs: { total: round(per(underOursTotal)), byBucket: perRecord(underOursBy) },
    topSelf: [...selfByFn.entries()].sort((a, b) => b[1].us - a[1].us).slice(0, Number(process.env.PROFILE_TOP ?? 25)).map(([fn, v]) => ({ fn, bucket: v.bucket, us: round(per(v.us)) })),
    topOursInclusive: [...oursInclusive.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([fn, us]) => ({ fn, us: round(per(us)) }))
      .filter((t) => t.us >= 0.05),
    topInstrumentationSelf: [...selfByFn.entries()]
      .filter(([, v]) => OURS.has(v.bucket) || v.bucket === "OTel SDK" || v.bucket === "OTel API" || v.bucket === "peer")
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, 20)
      .map(([fn, v]) => ({ fn, bucket: v.bucket, us: round(per(v.us)) })),
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Profiles `invocations` invokes of a config with V8's sampling profiler (the one behind
 * `node --cpu-prof`, driven through the inspector so only the steady state is recorded, after a
 * warm-up), writes the `.cpuprofile` (open it in Chrome DevTools or speedscope) and returns its summary.
 */
export async function profileConfig(config: BenchConfig, invocations: number, outDir: string | undefined): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  await config.before?.();
  try {
    for (let i = 0; i < Math.min(2000, invocations); i++) await config.invoke();
    await config.drain?.();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 50 });
    await session.post("Profiler.start");
    for (let i = 0; i < invocations; i++) await config.invoke();
    await config.drain?.();
    const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
    const summary = summarizeProfile(profile, config.name, invocations);
    if (outDir) {
      mkdirSync(outDir, { recursive: true });
      const file = `${outDir}/${config.key}.cpuprofile`;
      writeFileSync(file, JSON.stringify(profile));
      summary.file = file;
    }
    return summary;
  } finally {
    await config.after?.();
    session.disconnect();
  }
}
