import type { ImportResult } from "./import-cost";
import type { MachineInfo } from "./machine";
import type { BenchSizes } from "./options";
import type { ProfileSummary } from "./profile";
import { type SerializerResult, WORST_CASE_LIMIT_MS } from "./serializer";
import type { ConfigResult } from "./runner";
import type { SuiteId } from "./suites";
import type { MemoryResult, SuiteResult } from "./tasks";

/** Everything one `pnpm bench` measured (also the JSON result). */
export interface BenchReport {
  generatedAt: string;
  quick: boolean;
  totalSeconds: number;
  machine: MachineInfo;
  sizes: BenchSizes;
  suites: SuiteResult[];
  profiles: Array<ProfileSummary & { suite: SuiteId; key: string }>;
  memory: MemoryResult[];
  imports: ImportResult[];
  /** The serialiser case (absent from reports made before it existed). */
  serializer?: SerializerResult;
  targets: TargetResult[];
  /** Stages that failed (the report then shows what the others measured). */
  errors: string[];
}

export interface TargetResult {
  target: string;
  limit: string;
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
}

export function suiteResult(report: BenchReport, id: SuiteId): SuiteResult | undefined {
  return report.suites.find((s) => s.suite === id);
}

export function configResult(suite: SuiteResult | undefined, key: string): ConfigResult | undefined {
  return suite?.results.find((r) => r.key === key);
}

/**
 * The floor of a LangChain suite, µs per invoke: the bare spans (same count as ours, through the
 * same processor) plus the dispatch floor (the no-op handler's overhead over none).
 */
export function floorOf(suite: SuiteResult | undefined): { spans: number; dispatch: number; total: number } | undefined {
  const spans = configResult(suite, "floor")?.perInvoke.median;
  if (spans === undefined) return undefined;
  const dispatch = suite?.dispatchFloorKey ? (configResult(suite, suite.dispatchFloorKey)?.overhead ?? 0) : 0;
  return { spans, dispatch, total: spans + dispatch };
}

const us = (v: number) => `${v.toFixed(v < 100 ? 1 : 0)} µs`;

export function evaluateTargets(report: BenchReport): TargetResult[] {
  const targets: TargetResult[] = [];
  for (const id of ["langchain-chain", "langgraph-react"] as SuiteId[]) {
    const suite = suiteResult(report, id);
    const label = id === "langchain-chain" ? "prompt | chat | parser" : "LangGraph ReAct";
    const floor = floorOf(suite);
    const off = configResult(suite, "ours-off");
    const on = configResult(suite, "ours-on");
    const langfuse = configResult(suite, "langfuse");
    targets.push(
      floor && off
        ? {
            target: `${label}: overhead, capture off`,
            limit: `≤ 1.5 × floor = ${us(1.5 * floor.total)} (floor ${us(floor.spans)} spans + ${us(floor.dispatch)} dispatch)`,
            measured: `${us(off.overhead)} (${(off.overhead / floor.total).toFixed(2)} × floor)`,
            met: off.overhead <= 1.5 * floor.total,
          }
        : { target: `${label}: overhead, capture off`, limit: "≤ 1.5 × floor", measured: "not measured", met: null },
    );
    targets.push(
      on && langfuse
        ? {
            target: `${label}: overhead, capture on`,
            limit: `≤ ¼ × Langfuse = ${us(langfuse.overhead / 4)}`,
            measured: `${us(on.overhead)} (${(on.overhead / langfuse.overhead).toFixed(2)} × Langfuse)`,
            met: on.overhead <= langfuse.overhead / 4,
          }
        : { target: `${label}: overhead, capture on`, limit: "≤ ¼ × Langfuse", measured: "not measured", met: null },
    );
  }
  const traceloop = configResult(suiteResult(report, "llamaindex-traceloop"), "traceloop");
  for (const key of ["ours-off", "ours-on"]) {
    const ours = configResult(suiteResult(report, "llamaindex-query"), key);
    const label = `LlamaIndex query: overhead, capture ${key === "ours-off" ? "off" : "on"}`;
    targets.push(
      ours && traceloop
        ? {
            target: label,
            limit: `≤ ¼ × Traceloop = ${us(traceloop.overhead / 4)}`,
            measured: `${us(ours.overhead)} (${(ours.overhead / traceloop.overhead).toFixed(2)} × Traceloop)`,
            met: ours.overhead <= traceloop.overhead / 4,
          }
        : { target: label, limit: "≤ ¼ × Traceloop", measured: "not measured", met: null },
    );
  }
  const oursMemory = report.memory.filter((m) => m.key.startsWith("ours"));
  if (oursMemory.length) {
    const worst = oursMemory.reduce((a, b) => (b.growthMB > a.growthMB ? b : a));
    targets.push({
      target: `heap growth after ${report.sizes.memoryInvocations.toLocaleString("en-US")} invocations (ours)`,
      limit: "< 5 MB",
      measured: `at most ${worst.growthMB.toFixed(2)} MB (${worst.suite} ${worst.key})`,
      met: oursMemory.every((m) => m.growthMB < 5),
    });
    const nonEmpty = oursMemory.flatMap((m) => Object.entries(m.registries ?? {}).filter(([, n]) => n !== 0).map(([k, n]) => `${m.suite}/${m.key} ${k}=${n}`));
    const withRegistries = oursMemory.filter((m) => m.registries);
    targets.push({
      target: "registries empty when idle (ours)",
      limit: "0 entries",
      measured: withRegistries.length ? (nonEmpty.length ? nonEmpty.join(", ") : "all 0") : "not observable",
      met: withRegistries.length ? nonEmpty.length === 0 : null,
    });
  } else {
    targets.push({ target: "heap growth (ours)", limit: "< 5 MB", measured: "not measured", met: null });
  }
  for (const imp of report.imports.filter((i) => i.ours)) {
    targets.push({
      target: `import cost: ${imp.name} over ${imp.framework}`,
      limit: "≤ 20 ms",
      measured: `${imp.adapterMs.toFixed(1)} ms${imp.grpcLoaded ? " (gRPC loaded!)" : ", no gRPC"}`,
      met: imp.adapterMs <= 20 && !imp.grpcLoaded,
    });
  }
  const worst = report.serializer?.results.filter((r) => r.kind === "worst case") ?? [];
  if (worst.length) {
    const slowest = worst.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
    targets.push({
      target: "serialiser: any hostile input at the default budget",
      limit: `≤ ${WORST_CASE_LIMIT_MS} ms per call, output ≤ 100,000 chars of valid JSON`,
      measured: `slowest ${slowest.medianMs.toFixed(2)} ms (${slowest.key}), longest output ${Math.max(...worst.map((r) => r.outputChars))} chars`,
      met: worst.every((r) => r.medianMs <= WORST_CASE_LIMIT_MS && r.outputChars <= 100_000 && r.validJson),
    });
  }
  return targets;
}
