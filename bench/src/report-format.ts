import { fmt } from "./stats";

/** A number of µs for a table cell: 1 decimal under 100, none above; "n/a" when missing. */
export const us = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "n/a" : fmt(v, Math.abs(v) < 100 ? 1 : 0));

/** The same with its unit, for prose. */
export const µs = (v: number | undefined) => `${us(v)} µs`;

/** A Markdown table; `left` = how many leading columns are text (left-aligned), the rest are numbers. */
export function table(header: string[], rows: string[][], left = 1): string {
  const cell = (c: string) => c.replace(/\|/g, "\\|");
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), `| ${header.map((_, i) => (i < left ? "---" : "---:")).join(" | ")} |`, ...rows.map(line)].join("\n");
}
