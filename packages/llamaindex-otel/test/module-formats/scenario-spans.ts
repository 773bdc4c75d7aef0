/** A span as `scenario.cjs` prints it: its name and its parent's name (`null` for a root). */
export interface PrintedSpan {
  name: string;
  parent: string | null;
}

/** The spans `scenario.cjs` gives when the instrumentation works, in end order. */
export const SCENARIO_SPANS: readonly PrintedSpan[] = [
  { name: "embeddings text-embedding-3-small", parent: null }, // indexing
  { name: "embeddings text-embedding-3-small", parent: "retrieval VectorIndexRetriever" },
  { name: "retrieval VectorIndexRetriever", parent: "query" },
  { name: "chat gpt-4o-mini", parent: "synthesize" },
  { name: "synthesize", parent: "query" },
  { name: "query", parent: null },
  { name: "chat gpt-4o-mini", parent: null }, // Settings.llm.chat()
];

/** The spans an app running `scenario.cjs` printed on stdout (one JSON line each). */
export function printedSpans(stdout: string): PrintedSpan[] {
  return stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PrintedSpan);
}
