/** The sections of BENCHMARKS.md that are tables of one stage's results. */
import type { ConfigResult } from "./runner";
import { fmt } from "./stats";
import { type BenchReport, configResult, floorOf, suiteResult } from "./targets";
import type { SuiteResult } from "./tasks";
import { table, us, µs } from "./report-format";

/** Rows of a timing suite; `baseline` overrides the row whose overhead ratios are taken against. */
function suiteRows(suite: SuiteResult, extra: { floor?: number; oursOn?: number } = {}): string[][] {
  return suite.results.map((r: ConfigResult) => {
    const isFloor = r.key.startsWith("floor");
    const overhead = r.key === "none" || isFloor ? "" : us(r.overhead);
    const ratioFloor = extra.floor && !isFloor && r.key !== "none" && !r.key.startsWith("noop") ? `${(r.overhead / extra.floor).toFixed(2)}` : "";
    const ratioOurs = extra.oursOn && !isFloor && r.key !== "none" && !r.key.startsWith("noop") ? `${(r.overhead / extra.oursOn).toFixed(2)}` : "";
    const name = r.diagnostic ? `*${r.name}*` : r.key.startsWith("ours") ? `**${r.name}**` : r.name;
    const spans = r.spansPerInvoke === 0 && r.key !== "none" && !r.key.startsWith("noop") && !r.diagnostic ? "0 ⚠ no spans" : fmt(r.spansPerInvoke, Number.isInteger(r.spansPerInvoke) ? 0 : 1);
    return [
      name,
      spans,
      `${us(r.perInvoke.median)} (${us(r.perInvoke.p25)}–${us(r.perInvoke.p75)})`,
      overhead,
      ratioFloor,
      ratioOurs,
      `${us(r.wall.median)}`,
      isFloor || r.key === "none" ? "" : us(r.overheadWall),
    ];
  });
}

const TIMING_HEADER = ["config", "spans / invoke", "CPU µs / invoke, median (p25–p75)", "overhead µs", "÷ floor", "÷ ours on", "wall µs / invoke", "wall overhead µs"];

function spanTrees(suite: SuiteResult): string {
  const parts = suite.results
    .filter((r) => r.spanTree && r.key !== "floor")
    .map((r) => `${r.name} (${fmt(r.spansPerInvoke, 0)} spans):\n\n\`\`\`\n${r.spanTree.replace(/ {2}\d+\.\d ms/g, "")}\n\`\`\``);
  return `<details><summary>One invocation's spans, per config</summary>\n\n${parts.join("\n\n")}\n\n</details>`;
}

export function langchainSection(report: BenchReport, id: "langchain-chain" | "langgraph-react"): string {
  const suite = suiteResult(report, id);
  if (!suite) return "";
  const floor = floorOf(suite);
  const oursOn = configResult(suite, "ours-on")?.overhead;
  const noop = configResult(suite, "noop");
  return [
    `### ${suite.title}`,
    "",
    table(TIMING_HEADER, suiteRows(suite, { floor: floor?.total, oursOn })),
    "",
    floor
      ? `Floor = ${fmt(suite.floorSpans ?? 0, 0)} bare spans (${µs(floor.spans)}) + LangChain's dispatch to a no-op handler (${µs(noop?.overhead)}) = **${µs(floor.total)}**. ` +
        `${suite.options.rounds} measured rounds (after ${suite.options.warmupRounds} warm-up) of ${suite.options.batch} invocations per config; ${fmt(suite.seconds, 0)} s; load average ${suite.loadavg.before.map((l) => l.toFixed(1)).join("/")} → ${suite.loadavg.after.map((l) => l.toFixed(1)).join("/")}.`
      : "",
    ...suite.results.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}.`),
    "",
    spanTrees(suite),
  ].join("\n");
}

export function llamaindexSection(report: BenchReport): string {
  const main = suiteResult(report, "llamaindex-query");
  const tl = suiteResult(report, "llamaindex-traceloop");
  if (!main && !tl) return "";
  const floor = floorOf(main)?.total;
  const oursOn = configResult(main, "ours-on")?.overhead;
  const rows = [...(main ? suiteRows(main, { floor, oursOn }) : []), ...(tl ? suiteRows(tl, { floor, oursOn }).map((r, i) => (tl.results[i]!.key === "none" ? [`${r[0]} — Traceloop's process`, ...r.slice(1)] : r)) : [])];
  return [
    `### ${main?.title ?? tl!.title}`,
    "",
    table(TIMING_HEADER, rows),
    "",
    main ? `Floor = ${fmt(main.floorSpans ?? 0, 0)} bare spans = **${µs(floor)}** (no dispatch cost: LlamaIndex has no handler layer to pay for). ${main.options.rounds} measured rounds of ${main.options.batch} queries per config; objects (LLM, embedding model, index, engine) are rebuilt for every batch after the config's instrumentation is switched on.` : "",
    tl?.note ? `\nTraceloop: ${tl.note} Overheads are each against the "none" of their own process.` : "",
    "",
    main ? spanTrees(main) : "",
    tl ? spanTrees(tl) : "",
  ].join("\n");
}

export function memorySection(report: BenchReport): string {
  if (!report.memory.length) return "";
  const rows = report.memory.map((m) => [
    `${m.suite}: ${m.name}`,
    fmt(m.invocations, 0),
    fmt(m.heapBeforeMB, 1),
    fmt(m.heapAfterMB, 1),
    `${m.growthMB >= 0 ? "+" : ""}${fmt(m.growthMB, 2)}`,
    m.registries ? Object.entries(m.registries).map(([k, n]) => `${k}=${n}`).join(", ") : m.key.startsWith("ours") ? "not observable (module-private)" : "",
  ]);
  return [
    "## Memory",
    "",
    `Each run in its own process: ${fmt(Math.min(1000, report.sizes.memoryInvocations), 0)} warm-up invocations, full GC (repeated, with event-loop turns so WeakRefs and FinalizationRegistry callbacks settle), heap used; then the invocations, span processor flushed, the same GCs, heap used again.`,
    "",
    table(["run", "invocations", "heap before MB", "heap after MB", "growth MB", "registries when idle"], rows.map((r) => [r[0]!, ...r.slice(1)])),
  ].join("\n");
}

export function importSection(report: BenchReport): string {
  if (!report.imports.length) return "";
  const rows = report.imports.map((i) => [i.framework, i.ours ? `**${i.name}**` : i.name, fmt(i.frameworkMs, 0), i.name === "framework only" ? "" : fmt(i.adapterMs, 1), fmt(i.modules ?? 0, 0), i.grpcLoaded ? "**yes**" : "no"]);
  return [
    "## Import cost",
    "",
    `Fresh \`node\` process per measurement (plain node, no TypeScript loader), median of ${report.imports[0]!.runs} runs, variants interleaved, after one throw-away pass for the file cache. The framework's modules are imported first (LangChain.js: \`@langchain/core\` runnables, prompts, output_parsers, chat_models, callbacks/manager; LlamaIndex.TS: \`llamaindex\`, \`@llamaindex/openai\`; both with \`@opentelemetry/api\`), then the adapter's: the adapter column is that second step. Modules are counted (ESM and CommonJS) in one more untimed run with module hooks; gRPC = any module whose path contains \`grpc\`.`,
    "",
    table(["framework", "variant", "framework ms", "adapter adds ms", "modules loaded", "gRPC loaded"], rows, 2),
  ].join("\n");
}

/** The measured CPU µs per invoke of a config (timing stage), to scale its profile by. */
function measured(report: BenchReport, suite: string, key: string): number | undefined {
  return report.suites.find((x) => x.suite === suite)?.results.find((r) => r.key === key)?.perInvoke.median;
}

export function profileSection(report: BenchReport): string {
  if (!report.profiles.length) return "";
  const parts: string[] = ["## Profiles", ""];
  parts.push(
    "V8's sampling CPU profiler (what `node --cpu-prof` records), started through the inspector after a warm-up so only the steady state is sampled (50 µs interval), one process per profile; the `.cpuprofile` files open in Chrome DevTools or speedscope. A sampling profiler measures wall time and slows the code down, so on this shared machine its absolute numbers are inflated: each profile's shares are shown, and µs = share × the CPU µs per invocation the timing stage measured for that config.",
    "",
  );
  for (const p of report.profiles) {
    const cpu = measured(report, p.suite, p.key);
    const scale = cpu !== undefined && p.sampledUsPerInvoke > 0 ? cpu / p.sampledUsPerInvoke : undefined;
    const scaled = (v: number) => (scale === undefined ? "" : us(v * scale));
    const pct = (v: number) => `${((100 * v) / p.sampledUsPerInvoke).toFixed(1)} %`;
    parts.push(`### ${p.suite}: ${p.config}`, "");
    parts.push(`${fmt(p.invocations, 0)} invocations profiled; ${cpu === undefined ? "" : `measured ${µs(cpu)} CPU per invocation, `}sampled ${µs(p.sampledUsPerInvoke)}${p.file ? ` (\`${p.file.replace(/^.*\/bench\//, "bench/")}\`)` : ""}.`, "");
    parts.push(table(["where (self time)", "share", "µs / invoke"], Object.entries(p.selfByBucket).map(([k, v]) => [k, pct(v), scaled(v)])));
    if (p.underOurs.total > 0 && p.suite.startsWith("lang")) {
      parts.push(
        "",
        `Inside our handler's frames and what they call: **${pct(p.underOurs.total)}** (${scaled(p.underOurs.total)} µs), of which ${Object.entries(p.underOurs.byBucket).map(([k, v]) => `${k} ${scaled(v)}`).join(", ")}.`,
        "",
      );
      parts.push(table(["entry into ours", "inclusive µs / invoke"], p.topOursInclusive.slice(0, 8).map((t) => [`\`${t.fn}\``, scaled(t.us)])));
    }
    parts.push("", table(["function (top self time)", "where", "µs / invoke"], p.topSelf.slice(0, 12).map((t) => [`\`${t.fn}\``, t.bucket, scaled(t.us)]), 2), "");
    if (p.key !== "none" && !p.key.startsWith("noop") && p.topInstrumentationSelf?.length) {
      parts.push(
        table(["function of the instrumentation / OTel (top self time)", "where", "µs / invoke"], p.topInstrumentationSelf.slice(0, 15).map((t) => [`\`${t.fn}\``, t.bucket, scaled(t.us)]), 2),
        "",
      );
    }
  }
  return parts.join("\n");
}

/** Where ours' overhead goes, from the diagnostic configs measured in the same rounds. */
export function decomposition(report: BenchReport): string {
  const rows: string[][] = [];
  const chain = suiteResult(report, "langchain-chain");
  const c = (k: string) => configResult(chain, k);
  const noop = c("noop")?.overhead;
  const nosdk = c("ours-nosdk")?.overhead;
  const off = c("ours-off")?.overhead;
  if (noop !== undefined && nosdk !== undefined && off !== undefined) {
    rows.push(
      ["chain", "LangChain's dispatch to an awaited no-op handler", us(noop)],
      ["chain", "+ our handler's logic, spans not recorded (ours on a no-op tracer − no-op)", us(nosdk - noop)],
      ["chain", "+ the SDK's work on our spans (ours − ours on a no-op tracer)", us(off - nosdk)],
      ["chain", "= ours, capture off", `**${us(off)}**`],
      ["chain", "reference: a Map and bare spans, in place (minimal span handler − no-op)", us((c("minimal")?.overhead ?? Number.NaN) - noop)],
      ["chain", "reference: our spans replayed alone, with their attributes / bare (the target's floor)", `${us(c("floor-attrs")?.perInvoke.median)} / ${us(c("floor")?.perInvoke.median)}`],
    );
  }
  const li = suiteResult(report, "llamaindex-query");
  const l = (k: string) => configResult(li, k);
  const liNosdk = l("ours-nosdk")?.overhead;
  const liOff = l("ours-off")?.overhead;
  if (liNosdk !== undefined && liOff !== undefined) {
    rows.push(
      ["LlamaIndex", "our wrappers' logic, spans not recorded (ours on a no-op tracer − none)", us(liNosdk)],
      ["LlamaIndex", "+ the SDK's work on our spans (ours − ours on a no-op tracer)", us(liOff - liNosdk)],
      ["LlamaIndex", "= ours, capture off", `**${us(liOff)}**`],
      ["LlamaIndex", "reference: our spans replayed alone, with their attributes / bare (the floor)", `${us(l("floor-attrs")?.perInvoke.median)} / ${us(l("floor")?.perInvoke.median)}`],
    );
  }
  if (!rows.length) return "";
  return [
    "### Where ours' overhead goes",
    "",
    "From the diagnostic configs (in italics above), measured in the same interleaved rounds: CPU µs per invocation, differences of medians, so ±5 µs or so. (The ReAct agent is left out: at ~4 ms per invoke its run-to-run noise, ±150 µs, is larger than the parts.)",
    "",
    table(["workload", "step", "µs / invoke"], rows, 2),
  ].join("\n");
}
