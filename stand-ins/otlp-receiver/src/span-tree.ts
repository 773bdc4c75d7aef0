/**
 * A readable span tree for test failure messages.
 * @module
 */
import type { ReceivedSpan } from "./types";

const KIND_NAMES = ["unspecified", "internal", "server", "client", "producer", "consumer"];

/**
 * Renders spans as an indented tree (children under their parent, by start time), one line per span:
 * `name [kind] status`; spans whose parent is missing are shown as roots.
 */
export function formatSpanTree(spans: readonly ReceivedSpan[]): string {
  const ids = new Set(spans.map((span) => span.spanId));
  const children = new Map<string | undefined, ReceivedSpan[]>();
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) =>
      a.startTimeUnixNano < b.startTimeUnixNano ? -1 : a.startTimeUnixNano > b.startTimeUnixNano ? 1 : 0,
    );
    for (const span of list) {
      const status = span.status.code === 2 ? ` ERROR${span.status.message ? `: ${span.status.message}` : ""}` : "";
      lines.push(`${"  ".repeat(depth)}${span.name} [${KIND_NAMES[span.kind] ?? span.kind}]${status}`);
      walk(span.spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join("\n");
}
