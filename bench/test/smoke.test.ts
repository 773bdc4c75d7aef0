import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchReport } from "../src/targets";

/**
 * Runs the whole harness (`pnpm bench --quick`: every stage, child processes, report writer) with
 * tiny sizes, so it cannot rot. Asserts that every config produced a result and the span counts;
 * never timings (meaningless at these sizes, and on a shared machine).
 */

/** Spans per invocation each config must produce (0 = the config records nothing, by design). */
const EXPECTED_SPANS: Record<string, Record<string, number>> = {
  "langchain-chain": { none: 0, noop: 0, "noop-bg": 0, minimal: 4, "ours-off": 4, "ours-on": 4, "ours-nosdk": 0, openinference: 4, traceloop: 4, langfuse: 4, floor: 4, "floor-attrs": 4 },
  // Ours drops LangGraph's hidden __start__ run; the peers keep it.
  "langgraph-react": { none: 0, noop: 0, "noop-bg": 0, minimal: 14, "ours-off": 13, "ours-on": 13, "ours-nosdk": 0, openinference: 14, traceloop: 14, langfuse: 14, floor: 13, "floor-attrs": 13 },
  // query, retrieval, embeddings, synthesize, chat.
  "llamaindex-query": { none: 0, "ours-off": 5, "ours-on": 5, "ours-nosdk": 0, floor: 5, "floor-attrs": 5 },
  // Traceloop adds a second retrieve span (the engine's and the retriever's).
  "llamaindex-traceloop": { none: 0, traceloop: 6 },
};

const BENCH = resolve(fileURLToPath(new URL("..", import.meta.url)));
let out: string;
let report: BenchReport;

// The quick run takes ~35 s alone; the timeouts leave room for `npm test` on a loaded machine, where turbo runs
// every other suite beside it (seen: over 280 s at a load average of 19 on 2 cores).
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "genai-otel-bench-smoke-"));
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "--quick", "--out", out], { cwd: BENCH, encoding: "utf8", timeout: 900_000 });
  if (run.status !== 0) throw new Error(`bench --quick failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  report = JSON.parse(readFileSync(join(out, "benchmarks.json"), "utf8")) as BenchReport;
}, 920_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("bench --quick", () => {
  it("times every config of every suite", () => {
    expect(report.suites.map((s) => s.suite).sort()).toEqual(Object.keys(EXPECTED_SPANS).sort());
    for (const suite of report.suites) {
      const expected = EXPECTED_SPANS[suite.suite]!;
      expect(suite.results.map((r) => r.key).sort(), suite.suite).toEqual(Object.keys(expected).sort());
      for (const r of suite.results) {
        expect(r.samples.length, `${suite.suite}/${r.key} samples`).toBe(suite.options.rounds);
        expect(Number.isFinite(r.perInvoke.median), `${suite.suite}/${r.key} median`).toBe(true);
        expect(Number.isFinite(r.overhead), `${suite.suite}/${r.key} overhead`).toBe(true);
      }
    }
  });

  it("checks the span count of every config", () => {
    for (const suite of report.suites) {
      const counts = Object.fromEntries(suite.results.map((r) => [r.key, r.spansPerInvoke]));
      expect(counts, suite.suite).toEqual(EXPECTED_SPANS[suite.suite]);
    }
  });

  it("leaves our handler's registries empty, and measures memory for every planned run", () => {
    expect(report.memory.length).toBe(4);
    for (const m of report.memory) {
      expect(Number.isFinite(m.growthMB), `${m.suite}/${m.key}`).toBe(true);
      for (const [name, size] of Object.entries(m.registries ?? {})) expect(size, `${m.suite}/${m.key} ${name}`).toBe(0);
    }
  });

  it("profiles, with time found inside our packages", () => {
    expect(report.profiles.length).toBe(7);
    for (const p of report.profiles) expect(p.sampledUsPerInvoke, `${p.suite}/${p.key}`).toBeGreaterThan(0);
    for (const p of report.profiles.filter((x) => x.key.startsWith("ours"))) expect(p.underOurs.total, `${p.suite}/${p.key}`).toBeGreaterThan(0);
  });

  it("measures the import cost of every adapter, without gRPC in ours", () => {
    expect(report.imports.length).toBe(8);
    for (const i of report.imports) expect(Number.isFinite(i.adapterMs), i.name).toBe(true);
    for (const i of report.imports.filter((x) => x.ours)) expect(i.grpcLoaded, i.name).toBe(false);
  });

  it("times the serialiser on every case, each output valid JSON within the default budget", () => {
    expect(report.serializer?.results.length).toBeGreaterThan(0);
    for (const r of report.serializer?.results ?? []) {
      expect(Number.isFinite(r.medianMs), r.key).toBe(true);
      expect(r.validJson, r.key).toBe(true);
      expect(r.outputChars, r.key).toBeLessThanOrEqual(100_000);
    }
  });

  it("writes the report with every target evaluated", () => {
    const md = readFileSync(join(out, "BENCHMARKS.md"), "utf8");
    expect(md).toContain("## Targets");
    expect(md).toContain("## Method");
    expect(report.targets.length).toBeGreaterThanOrEqual(10);
    expect(report.targets.every((t) => t.met !== null)).toBe(true);
    expect(existsSync(join(out, "profiles"))).toBe(false); // quick runs keep no .cpuprofile files
  });
});
