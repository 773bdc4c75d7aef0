/**
 * The serialiser case: `safeJsonStringify` (what records every captured message, tool result and
 * document) at its default budget, on hostile inputs (worst cases for its time: shared references,
 * wide and deep nesting, huge keys and strings) and on the plain JSON data of every day (its fast
 * path). CPU time of the process per call (as the rest of the bench: on a shared machine wall-clock
 * time moves with the other tenants), in one process of its own; no tracing involved.
 */
import { safeJsonStringify } from "@genai-otel/core-semconv";
import { table } from "./report-format";
import { fmt } from "./stats";

/** A hostile input should cost at most this much per call at the default budget (issue 14). */
export const WORST_CASE_LIMIT_MS = 5;

interface SerializerCase {
  key: string;
  what: string;
  kind: "worst case" | "plain";
  make(): unknown;
}

const repeat = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

class Point {
  constructor(
    readonly x: number,
    readonly at: Date,
  ) {}
}

const CASES: SerializerCase[] = [
  {
    key: "shared-1000x1000",
    what: "tool result: 1,000 references to one array of 1,000 100-char strings (~16 KB of objects, 103 MB of JSON unbudgeted)",
    kind: "worst case",
    make: () => {
      const row = repeat(1000, () => "x".repeat(100));
      return { result: repeat(1000, () => row) };
    },
  },
  {
    key: "shared-3x1000x10x1000",
    what: "the same one level deeper: 3 × 1,000 × 10 × 1,000, all shared",
    kind: "worst case",
    make: () => {
      const row = repeat(1000, () => "y".repeat(100));
      const ten = repeat(10, () => row);
      const thousand = repeat(1000, () => ten);
      return repeat(3, () => thousand);
    },
  },
  { key: "numbers-1000x1000", what: "1,000 × 1,000 numbers (a million values, the work budget)", kind: "worst case", make: () => repeat(1000, (i) => repeat(1000, (j) => i * 1000 + j + 0.5)) },
  { key: "huge-keys", what: "1,000 keys of 20,000 chars each", kind: "worst case", make: () => Object.fromEntries(repeat(1000, (i) => [`${i}`.padEnd(20_000, "k"), i])) },
  { key: "escaped-strings", what: "1,000 strings of 1,000 quotes (JSON twice as long as the text)", kind: "worst case", make: () => repeat(1000, () => '"'.repeat(1000)) },
  { key: "long-string", what: "one 10 MB string inside a message", kind: "worst case", make: () => [{ role: "user", parts: [{ type: "text", content: "z".repeat(10_000_000) }] }] },
  {
    key: "deep",
    what: "10,000 levels of nesting",
    kind: "worst case",
    make: () => {
      let v: unknown = "leaf";
      for (let i = 0; i < 10_000; i++) v = { a: [v] };
      return v;
    },
  },
  {
    key: "exotic-shared",
    what: "1,000 references to 1,000 Maps, Sets, Dates, Buffers, class instances (the full walk)",
    kind: "worst case",
    make: () => {
      const items = repeat(1000, (i) => ({ m: new Map([["k", i]]), s: new Set([i]), d: new Date(i), b: Buffer.alloc(8), p: new Point(i, new Date(i)), n: BigInt(i) }));
      return repeat(1000, () => items);
    },
  },
  { key: "wide-object", what: "one object of 100,000 keys", kind: "worst case", make: () => Object.fromEntries(repeat(100_000, (i) => [`key${i}`, i])) },
  {
    key: "wide-object-shared",
    what: "1,000 references to one object of 10,000 keys",
    kind: "worst case",
    make: () => {
      const wide = Object.fromEntries(repeat(10_000, (i) => [`key${i}`, i]));
      return repeat(1000, () => wide);
    },
  },
  {
    key: "plain-messages",
    what: "plain: 4 chat messages with a tool call (~600 chars of JSON)",
    kind: "plain",
    make: () => [
      { role: "system", parts: [{ type: "text", content: "You are a helpful assistant. Answer briefly." }] },
      { role: "user", parts: [{ type: "text", content: "What is the weather in Paris today, and should I take an umbrella?" }] },
      { role: "assistant", parts: [{ type: "tool_call", id: "call_1", name: "get_weather", arguments: { city: "Paris", unit: "celsius" } }], finish_reason: "tool_calls" },
      { role: "tool", parts: [{ type: "tool_call_response", id: "call_1", response: { temperature: 14, conditions: "light rain", humidity: 0.82 } }] },
    ],
  },
  {
    key: "plain-documents",
    what: "plain: 10 retrieved documents of 400 chars with metadata (~5 KB)",
    kind: "plain",
    make: () => repeat(10, (i) => ({ id: `doc-${i}`, score: 0.9 - i / 100, content: `Paragraph ${i}: ${"lorem ipsum dolor sit amet ".repeat(15)}`, metadata: { source: `file-${i}.md`, page: i, tags: ["a", "b"] } })),
  },
];

/** One case's figures. */
export interface SerializerCaseResult {
  key: string;
  what: string;
  kind: SerializerCase["kind"];
  /** Median CPU time per call, ms (a call over 1 s is timed once, wall-clock). */
  medianMs: number;
  /** Slowest round's time per call, ms. */
  maxMs: number;
  calls: number;
  /** Length of the output, characters, and whether it parsed as JSON (strings are returned as text). */
  outputChars: number;
  validJson: boolean;
}

export interface SerializerResult {
  results: SerializerCaseResult[];
  seconds: number;
}

/** Times `safeJsonStringify` on every case: rounds of a batch sized to ~5 ms, median and max CPU time per call. */
export function serializerBench(quick: boolean): SerializerResult {
  const started = performance.now();
  const rounds = quick ? 3 : 21;
  const results: SerializerCaseResult[] = [];
  for (const c of CASES) {
    const value = c.make();
    let t = performance.now();
    const out = safeJsonStringify(value);
    const first = performance.now() - t;
    let validJson = true;
    try {
      JSON.parse(out);
    } catch {
      validJson = false;
    }
    const base = { key: c.key, what: c.what, kind: c.kind, outputChars: out.length, validJson };
    if (first > 1000) {
      // Far over any budget (an unbudgeted serialiser): one call is the measure.
      results.push({ ...base, medianMs: first, maxMs: first, calls: 1 });
      continue;
    }
    for (let i = 0; i < (quick ? 2 : 20); i++) safeJsonStringify(value);
    t = performance.now();
    safeJsonStringify(value);
    const one = Math.max(performance.now() - t, 0.001);
    const batch = Math.max(1, Math.min(10_000, Math.round(5 / one)));
    const perCall: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const cpu = process.cpuUsage();
      for (let i = 0; i < batch; i++) safeJsonStringify(value);
      const used = process.cpuUsage(cpu);
      perCall.push((used.user + used.system) / 1000 / batch);
    }
    perCall.sort((a, b) => a - b);
    results.push({ ...base, medianMs: perCall[Math.floor(perCall.length / 2)]!, maxMs: perCall.at(-1)!, calls: batch * rounds });
  }
  return { results, seconds: (performance.now() - started) / 1000 };
}

const ms = (v: number) => (v < 0.1 ? `${fmt(v * 1000, 1)} µs` : `${fmt(v, 2)} ms`);

/** The BENCHMARKS.md section. */
export function serializerSection(result: SerializerResult | undefined): string {
  if (!result) return "";
  return [
    "## Serialiser",
    "",
    `\`safeJsonStringify\` at its default budget (100,000 output chars, 20,000 values visited), CPU time per call (median and slowest of 21 rounds of a batch of ~5 ms; a call over 1 s is timed once, wall-clock). Hostile inputs should cost ≤ ${WORST_CASE_LIMIT_MS} ms each; the plain cases are the fast path every captured message takes.`,
    "",
    table(
      ["case", "kind", "median", "slowest round", "output chars", "valid JSON"],
      result.results.map((r) => [`\`${r.key}\`: ${r.what}`, r.kind, ms(r.medianMs), ms(r.maxMs), fmt(r.outputChars, 0), r.validJson ? "yes" : "no"]),
      2,
    ),
  ].join("\n");
}
