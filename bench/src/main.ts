/**
 * `pnpm bench` (from the repo root: builds the packages, then runs this with tsx).
 *
 *   tsx src/main.ts [--quick] [--out <dir>] [--only <stage,...>] [--suites <suite,...>]
 *   tsx src/main.ts --render      (BENCHMARKS.md again from bench/results/latest.json)
 *
 * Stages: timing (interleaved rounds per suite), profile (V8 CPU profiles of ours and the dispatch
 * floor), memory (heap after 100,000 invocations), import (import cost in fresh processes),
 * serializer (`safeJsonStringify` on hostile inputs and plain data; `--only serializer` runs just it).
 * Every measurement runs in a child process of its own. Writes BENCHMARKS.md (repo root) and
 * bench/results/latest.json; with --quick (or BENCH_QUICK=1) tiny sizes, written to
 * bench/results/quick/ unless --out is given.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measureImports } from "./import-cost";
import { machineInfo } from "./machine";
import { benchSizes, isQuick } from "./options";
import { type BenchReport, consoleSummary, renderMarkdown } from "./report";
import type { SerializerResult } from "./serializer";
import type { SuiteId } from "./suites";
import { evaluateTargets } from "./targets";
import type { MemoryResult, SuiteResult } from "./tasks";

const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REPO_ROOT = resolve(BENCH_DIR, "..");
const CHILD = join(BENCH_DIR, "src", "child.ts");

const STAGES = ["timing", "profile", "memory", "import", "serializer"] as const;
type Stage = (typeof STAGES)[number];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

let childCounter = 0;

/**
 * Runs `src/child.ts <task>` in a fresh node (with tsx), returns the JSON it wrote. A failed child
 * is run once more: other tasks rebuild the workspace packages now and then, and a child that
 * starts while tsup rewrites a dist fails to load it.
 */
async function runChild<T>(task: string, args: object, label: string, echo: (line: string) => void): Promise<T> {
  try {
    return await runChildOnce<T>(task, args, label, echo);
  } catch (err) {
    echo(`  ${label}: failed, retrying once (${String(err).split("\n")[0]})`);
    await new Promise((r) => setTimeout(r, 2000));
    return runChildOnce<T>(task, args, label, echo);
  }
}

function runChildOnce<T>(task: string, args: object, label: string, echo: (line: string) => void): Promise<T> {
  const resultFile = join(tmpdir(), `genai-otel-bench-${process.pid}-${childCounter++}.json`);
  return new Promise<T>((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, task, JSON.stringify(args), resultFile], {
      cwd: BENCH_DIR,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LANGCHAIN_TRACING_V2: "false", LANGSMITH_TRACING: "false" },
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split("\n")) if (line.startsWith("  round")) echo(`  ${label}:${line.slice(1)}`);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        if (code !== 0) throw new Error(`${label} failed (exit ${code}):\n${output.split("\n").slice(-30).join("\n")}`);
        resolvePromise(JSON.parse(readFileSync(resultFile, "utf8")) as T);
      } catch (err) {
        reject(err);
      } finally {
        rmSync(resultFile, { force: true });
      }
    });
  });
}

/** Runs async jobs with at most `limit` at once, keeping their order in the result. */
async function pool<T>(jobs: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/** `--render`: rewrite BENCHMARKS.md from bench/results/latest.json (after editing bench/analysis.md). */
function renderOnly(): void {
  const jsonFile = join(BENCH_DIR, "results", "latest.json");
  const report = JSON.parse(readFileSync(jsonFile, "utf8")) as BenchReport;
  report.targets = evaluateTargets(report);
  const mdFile = join(REPO_ROOT, "BENCHMARKS.md");
  writeFileSync(mdFile, renderMarkdown(report));
  process.stdout.write(`wrote ${mdFile} from ${jsonFile}\n`);
}

async function main(): Promise<void> {
  if (process.argv.includes("--render")) return renderOnly();
  const started = Date.now();
  const quick = isQuick();
  const sizes = benchSizes(quick);
  const only = argValue("--only")?.split(",") as Stage[] | undefined;
  const runs = (stage: Stage) => !only || only.includes(stage);
  const outDir = resolve(argValue("--out") ?? (quick ? join(BENCH_DIR, "results", "quick") : REPO_ROOT));
  const jsonFile = argValue("--out") || quick ? join(outDir, "benchmarks.json") : join(BENCH_DIR, "results", "latest.json");
  const profileDir = join(dirname(jsonFile), "profiles");
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const machine = machineInfo();
  log(`genai-otel bench${quick ? " (quick)" : ""}: node ${machine.node}, ${machine.cpuModel}, ${machine.cores} cores, load ${machine.loadavgAtStart.map((l) => l.toFixed(2)).join(" ")}`);

  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    quick,
    totalSeconds: 0,
    machine,
    sizes,
    suites: [],
    profiles: [],
    memory: [],
    imports: [],
    targets: [],
    errors: [],
  };
  // The JSON is rewritten after every stage, so a failure late in the run loses nothing before it.
  const save = () => {
    report.totalSeconds = (Date.now() - started) / 1000;
    report.targets = evaluateTargets(report);
    mkdirSync(dirname(jsonFile), { recursive: true });
    writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  };
  const stage = async (name: Stage, body: () => Promise<void>) => {
    if (!runs(name)) return;
    try {
      await body();
    } catch (err) {
      const message = `${name}: ${err instanceof Error ? err.message : String(err)}`;
      report.errors.push(message);
      log(`[${elapsed()}] stage failed: ${message}`);
    }
    save();
  };

  await stage("timing", async () => {
    const all: SuiteId[] = ["langchain-chain", "langgraph-react", "llamaindex-query", "llamaindex-traceloop"];
    const chosen = (argValue("--suites")?.split(",") as SuiteId[] | undefined) ?? all;
    for (const suite of all.filter((s) => chosen.includes(s))) {
      log(`[${elapsed()}] timing ${suite}`);
      report.suites.push(await runChild<SuiteResult>("timing", { suite, quick }, suite, log));
    }
  });

  await stage("profile", async () => {
    const plan: Array<[SuiteId, string, number]> = [
      ["langchain-chain", "noop", sizes.profileInvocations],
      ["langchain-chain", "ours-off", sizes.profileInvocations],
      ["langchain-chain", "ours-on", sizes.profileInvocations],
      ["llamaindex-query", "none", Math.ceil(sizes.profileInvocations / 4)],
      ["llamaindex-query", "ours-off", Math.ceil(sizes.profileInvocations / 4)],
      ["llamaindex-query", "ours-on", Math.ceil(sizes.profileInvocations / 4)],
      ["llamaindex-traceloop", "traceloop", Math.ceil(sizes.profileInvocations / 4)],
    ];
    for (const [suite, key, invocations] of plan) {
      log(`[${elapsed()}] profile ${suite} ${key}`);
      report.profiles.push(await runChild("profile", { suite, key, invocations, outDir: quick ? undefined : profileDir }, `${suite}/${key}`, log));
    }
  });

  await stage("memory", async () => {
    // Heap growth is not a timing: two runs at once on two cores do not disturb it.
    // LlamaIndex's own baseline is the heap before the run, in the same process (a "none" run would
    // add ~1.5 min for a number that is not a target).
    const plan: Array<[SuiteId, string]> = [
      ["llamaindex-query", "ours-on"],
      ["langchain-chain", "none"],
      ["langchain-chain", "ours-off"],
      ["langchain-chain", "ours-on"],
    ];
    log(`[${elapsed()}] memory: ${plan.length} runs of ${sizes.memoryInvocations.toLocaleString("en-US")} invocations, 2 at a time`);
    report.memory = await pool(
      plan.map(([suite, key]) => () => runChild<MemoryResult>("memory", { suite, key, invocations: sizes.memoryInvocations }, `memory ${suite}/${key}`, log)),
      2,
    );
  });

  await stage("import", async () => {
    log(`[${elapsed()}] import cost: ${sizes.importRuns} fresh processes per variant`);
    report.imports = measureImports(sizes.importRuns, log);
  });

  await stage("serializer", async () => {
    log(`[${elapsed()}] serializer: hostile inputs and the plain fast path`);
    report.serializer = await runChild<SerializerResult>("serializer", { quick }, "serializer", log);
  });

  save();
  mkdirSync(outDir, { recursive: true });
  const mdFile = join(outDir, "BENCHMARKS.md");
  writeFileSync(mdFile, renderMarkdown(report));
  log("");
  log(consoleSummary(report));
  log(`\n[${elapsed()}] wrote ${mdFile} and ${jsonFile}`);
  if (report.errors.length) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
