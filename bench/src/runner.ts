import { formatSpanTree, type SpanTreeNode } from "@genai-otel/core-semconv";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { setupTracing } from "./otel";
import { type Summary, pairedMedianDiff, summarize } from "./stats";

/**
 * One configuration of a workload: how to invoke it once, and how to switch on and off what it
 * needs (global patches, objects that must be built while a patch is in place).
 */
export interface BenchConfig {
  /** Row label, e.g. "ours (capture off)". */
  name: string;
  /** Short machine key for the JSON, e.g. "ours-off". */
  key: string;
  /** Before each of this config's batches (untimed): enable patches, build objects. */
  before?(): Promise<void> | void;
  /** One invocation, awaited. */
  invoke(): Promise<unknown>;
  /**
   * Waits for work the invocations left in the background (LangChain's callback queue), inside the
   * timed region, once per batch: so a peer's deferred work is paid in its own batch.
   */
  drain?(): Promise<unknown>;
  /** After each batch (untimed): disable patches. Must leave no trace in other configs' rounds. */
  after?(): Promise<void> | void;
  /** Sizes of this config's internal registries, read when idle (after its batches). */
  registries?(): Record<string, number>;
  /** Spans expected per invoke (checked by the smoke test); undefined = not checked. */
  expectedSpans?: number;
  /** Notes for the report (why a peer runs in a special way, what it misses). */
  note?: string;
  /** A diagnostic config (not a product config): shown in italics, no target applies. */
  diagnostic?: boolean;
}

export interface RunOptions {
  /** Rounds whose samples are thrown away (JIT warm-up). */
  warmupRounds: number;
  /** Measured rounds. */
  rounds: number;
  /** Invocations per config per round. */
  batch: number;
  /** Invocations made in `before`'s state and not timed, before each batch. */
  warmPerBatch: number;
  /** Invocations for the span count. */
  verifyInvocations: number;
}

export interface ConfigResult {
  name: string;
  key: string;
  /** CPU µs (user + system of this process) per invoke, one sample per measured round. */
  samples: number[];
  /** CPU µs per invoke: the primary measure (robust to other processes on a shared machine). */
  perInvoke: Summary;
  /** Wall-clock µs per invoke. */
  wall: Summary;
  /** Median of per-round (config − baseline) differences of CPU µs per invoke; 0 for the baseline. */
  overhead: number;
  /** The same from wall-clock time. */
  overheadWall: number;
  spansPerInvoke: number;
  /** One invocation's spans as a tree (names and nesting). */
  spanTree: string;
  registries?: Record<string, number>;
  note?: string;
  diagnostic?: boolean;
}

/**
 * Runs every config in interleaved rounds: in each round every config runs one batch, in an order
 * rotated by one each round, so drift (thermal, other tenants, heap growth) is spread evenly. Each
 * batch starts after a flush of the span processor, so spans queued by one config are not exported
 * in the next one's batch. No forced GC between batches: a full GC per batch made every config 3-4x
 * slower (likely V8 flushing the code of functions a full GC finds idle, so each batch recompiled).
 * The reported overhead of a config is the median over rounds
 * of (its µs per invoke − the baseline's in the same round). Time is the CPU time of this process
 * (user + system, `process.cpuUsage`), which other processes on a shared machine barely disturb;
 * wall-clock time is kept beside it.
 *
 * @param baselineKey - the config overheads are measured against ("none")
 */
export async function runInterleaved(configs: readonly BenchConfig[], options: RunOptions, baselineKey: string, log: (line: string) => void = () => {}): Promise<ConfigResult[]> {
  const tracing = setupTracing();
  const samples = new Map<string, number[]>(configs.map((c) => [c.key, []]));
  const wallSamples = new Map<string, number[]>(configs.map((c) => [c.key, []]));
  const total = options.warmupRounds + options.rounds;
  for (let round = 0; round < total; round++) {
    const order = configs.map((_, i) => configs[(i + round) % configs.length]!);
    for (const config of order) {
      await config.before?.();
      try {
        for (let i = 0; i < options.warmPerBatch; i++) await config.invoke();
        await config.drain?.();
        await tracing.flush();
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        for (let i = 0; i < options.batch; i++) await config.invoke();
        await config.drain?.();
        const t1 = performance.now();
        const cpu = process.cpuUsage(c0);
        if (round >= options.warmupRounds) {
          samples.get(config.key)!.push((cpu.user + cpu.system) / options.batch);
          wallSamples.get(config.key)!.push(((t1 - t0) * 1000) / options.batch);
        }
      } finally {
        await config.after?.();
      }
    }
    if (round === options.warmupRounds - 1 || (round + 1) % 5 === 0 || round === total - 1) log(`  round ${round + 1}/${total}`);
  }
  const base = samples.get(baselineKey) ?? [];
  const baseWall = wallSamples.get(baselineKey) ?? [];
  const results: ConfigResult[] = [];
  for (const config of configs) {
    const s = samples.get(config.key)!;
    const w = wallSamples.get(config.key)!;
    const check = await countSpans(config, options.verifyInvocations);
    results.push({
      name: config.name,
      key: config.key,
      samples: s.map((v) => Math.round(v * 100) / 100),
      perInvoke: summarize(s),
      wall: summarize(w),
      overhead: config.key === baselineKey ? 0 : pairedMedianDiff(s, base),
      overheadWall: config.key === baselineKey ? 0 : pairedMedianDiff(w, baseWall),
      spansPerInvoke: check.spansPerInvoke,
      spanTree: check.tree,
      registries: config.registries?.(),
      note: config.note,
      diagnostic: config.diagnostic,
    });
  }
  return results;
}

/**
 * Runs a config untimed with the exporter recording: spans per invoke (over `n` invocations after
 * one whose tree is kept) and the tree of that first invocation.
 */
/** Name, kind and final attributes of a recorded span (to replay it as a floor). */
export interface SpanShape {
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

export async function countSpans(config: BenchConfig, n: number): Promise<{ spansPerInvoke: number; tree: string; shapes: SpanShape[] }> {
  const tracing = setupTracing();
  await config.before?.();
  try {
    await tracing.flush();
    tracing.exporter.recorded = [];
    tracing.exporter.record = true;
    await config.invoke();
    await config.drain?.();
    await tracing.flush();
    const first = tracing.exporter.recorded;
    tracing.exporter.recorded = [];
    for (let i = 0; i < n; i++) await config.invoke();
    await config.drain?.();
    await tracing.flush();
    const count = tracing.exporter.recorded.length;
    tracing.exporter.record = false;
    tracing.exporter.recorded = [];
    return {
      spansPerInvoke: n > 0 ? count / n : first.length,
      tree: formatSpanTree(first.map(toNode)),
      shapes: first.map((s) => ({ name: s.name, kind: s.kind, attributes: { ...s.attributes } })),
    };
  } finally {
    tracing.exporter.record = false;
    await config.after?.();
  }
}

function toNode(span: ReadableSpan): SpanTreeNode {
  const [s, ns] = span.startTime;
  const [ds, dns] = span.duration;
  return {
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    traceId: span.spanContext().traceId,
    name: span.name,
    durationMs: ds * 1e3 + dns / 1e6,
    startTimeMs: s * 1e3 + ns / 1e6,
    attributes: span.attributes,
  };
}
