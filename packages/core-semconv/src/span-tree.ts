import { ATTR_GEN_AI_RETRIEVAL_DOCUMENTS_COUNT, ATTR_GEN_AI_USAGE_INPUT_TOKENS, ATTR_GEN_AI_USAGE_OUTPUT_TOKENS } from "./attributes";

/**
 * One span as {@link formatSpanTree} needs it: a framework- and SDK-neutral shape, so the same
 * printer serves the console exporter (from SDK `ReadableSpan`s), the demo (from spans decoded by
 * an OTLP receiver) and test failure messages.
 */
export interface SpanTreeNode {
  /** Span id (hex). */
  spanId: string;
  /** Parent span id (hex); absent, empty or not in the set → the span is printed as a root. */
  parentSpanId?: string;
  /** Trace id (hex); spans are grouped into one tree per trace. */
  traceId: string;
  /** Span name, e.g. `chat gpt-4o-mini`. */
  name: string;
  /** Duration in milliseconds. */
  durationMs: number;
  /** Start time in milliseconds (any epoch, only compared); orders siblings. Absent → input order. */
  startTimeMs?: number;
  /**
   * Span attributes; `gen_ai.usage.input_tokens` / `gen_ai.usage.output_tokens` are shown as tokens,
   * `gen_ai.retrieval.documents.count` as documents.
   */
  attributes: Record<string, unknown>;
  /** True when the span status is ERROR; printed as `[ERROR]`. */
  error?: boolean;
}

/** Options of {@link formatSpanTree}. */
export interface FormatSpanTreeOptions {
  /** Colour the output with ANSI escapes (for a terminal). @defaultValue false */
  color?: boolean;
  /** Extra attribute keys to print as `key=value` after the tokens, when present. @defaultValue [] */
  attributes?: readonly string[];
}

const MAX_VALUE_CHARS = 120;
/** Indentation stops growing below this depth, so output stays linear in the number of spans. */
const MAX_INDENT_DEPTH = 48;
const ANSI = { reset: "\u001b[0m", bold: "\u001b[1m", dim: "\u001b[2m", red: "\u001b[31m", cyan: "\u001b[36m" };

/**
 * Renders spans as one indented tree per trace, for humans:
 *
 * ```text
 * trace 4bf92f3577b34da6a3ce929d0e0e4736
 * └─ invoke_agent weather  130.2 ms  in=30 out=42 tokens
 *    ├─ chat gpt-4o-mini  12.3 ms  in=10 out=20 tokens
 *    └─ execute_tool get_weather  1.0 ms  [ERROR]
 * ```
 *
 * Roots are the spans whose parent is absent from `nodes` (so a partial trace still prints);
 * siblings are sorted by `startTimeMs`; traces are printed in order of their earliest span. Span
 * names and values are reduced to one line (control characters escaped), values are cut at 120
 * characters. A malformed parent cycle is printed rather than lost; deep trees do not recurse, and
 * indentation stops growing at depth 48 (deeper lines are marked `[depth N]`).
 *
 * @param nodes - the spans to print, of one or more traces, in any order.
 * @param options - colour and extra attribute keys, see {@link FormatSpanTreeOptions}.
 * @returns the text, lines separated by `\n`, without a trailing newline; `""` for no spans.
 *   Never throws: on an unexpected input it falls back to one line per span.
 */
export function formatSpanTree(nodes: readonly SpanTreeNode[], options: FormatSpanTreeOptions = {}): string {
  try {
    return formatTraces(nodes, options);
  } catch {
    try {
      return nodes.map((node) => `- ${oneLine(String(node?.name))}`).join("\n");
    } catch {
      return "";
    }
  }
}

function formatTraces(nodes: readonly SpanTreeNode[], options: FormatSpanTreeOptions): string {
  const traces = new Map<string, SpanTreeNode[]>();
  for (const node of nodes) {
    if (node === null || typeof node !== "object") continue;
    const traceId = String(node.traceId);
    let spans = traces.get(traceId);
    if (spans === undefined) {
      spans = [];
      traces.set(traceId, spans);
    }
    spans.push(node);
  }
  const ordered = [...traces.entries()].sort((a, b) => compareStart(earliest(a[1]), earliest(b[1])));
  return ordered.map(([traceId, spans]) => formatTrace(traceId, spans, options)).join("\n");
}

function formatTrace(traceId: string, spans: readonly SpanTreeNode[], options: FormatSpanTreeOptions): string {
  const color = options.color === true;
  const ids = new Set(spans.map((span) => span.spanId));
  const children = new Map<string, SpanTreeNode[]>();
  const roots: SpanTreeNode[] = [];
  for (const span of spans) {
    const parent = span.parentSpanId;
    if (parent && parent !== span.spanId && ids.has(parent)) {
      const siblings = children.get(parent);
      if (siblings === undefined) children.set(parent, [span]);
      else siblings.push(span);
    } else {
      roots.push(span);
    }
  }
  const lines = [paint(`trace ${oneLine(traceId)}`, ANSI.dim, color)];
  const visited = new Set<SpanTreeNode>();
  walk(sortByStart(roots), "", lines, children, visited, options);
  // Spans caught in a parent cycle are unreachable from a root: print them, never lose them.
  for (const span of sortByStart(spans)) if (!visited.has(span)) walk([span], "", lines, children, visited, options);
  return lines.join("\n");
}

/**
 * Depth-first, iterative (an explicit stack), so a 10,000-deep chain cannot overflow the call stack;
 * indentation stops growing at {@link MAX_INDENT_DEPTH} (deeper lines show their depth instead).
 */
function walk(
  level: readonly SpanTreeNode[],
  indent: string,
  lines: string[],
  children: ReadonlyMap<string, SpanTreeNode[]>,
  visited: Set<SpanTreeNode>,
  options: FormatSpanTreeOptions,
): void {
  const stack: { node: SpanTreeNode; indent: string; last: boolean; depth: number }[] = [];
  const pushLevel = (nodes: readonly SpanTreeNode[], prefix: string, depth: number) => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i]!, indent: prefix, last: i === nodes.length - 1, depth });
  };
  pushLevel(level, indent, 0);
  while (stack.length > 0) {
    const { node, indent: prefix, last, depth } = stack.pop()!;
    if (visited.has(node)) continue;
    visited.add(node);
    const branch = (last ? "└─ " : "├─ ") + (depth > MAX_INDENT_DEPTH ? `[depth ${depth}] ` : "");
    lines.push(paint(prefix + branch, ANSI.dim, options.color === true) + describe(node, options));
    const kids = children.get(node.spanId);
    if (kids === undefined) continue;
    const childIndent = depth < MAX_INDENT_DEPTH ? prefix + (last ? "   " : "│  ") : prefix;
    pushLevel(sortByStart(kids.filter((kid) => !visited.has(kid))), childIndent, depth + 1);
  }
}

function describe(node: SpanTreeNode, options: FormatSpanTreeOptions): string {
  const color = options.color === true;
  try {
    const parts = [paint(oneLine(String(node.name)), ANSI.bold, color), paint(formatDuration(node.durationMs), ANSI.dim, color)];
    const attributes = node.attributes ?? {};
    const tokens = formatTokens(attributes[ATTR_GEN_AI_USAGE_INPUT_TOKENS], attributes[ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]);
    if (tokens !== undefined) parts.push(paint(tokens, ANSI.cyan, color));
    const docs = attributes[ATTR_GEN_AI_RETRIEVAL_DOCUMENTS_COUNT];
    if (isCount(docs)) parts.push(paint(`${docs} ${docs === 1 ? "document" : "documents"}`, ANSI.cyan, color));
    for (const key of options.attributes ?? []) {
      const value = attributes[key];
      if (value !== undefined && value !== null) parts.push(`${oneLine(key)}=${formatValue(value)}`);
    }
    if (node.error === true) parts.push(paint("[ERROR]", ANSI.red, color));
    return parts.join("  ");
  } catch {
    return "(unprintable span)";
  }
}

function formatDuration(ms: unknown): string {
  return typeof ms === "number" && Number.isFinite(ms) && ms >= 0 ? `${ms.toFixed(1)} ms` : "? ms";
}

function formatTokens(input: unknown, output: unknown): string | undefined {
  const parts: string[] = [];
  if (isCount(input)) parts.push(`in=${input}`);
  if (isCount(output)) parts.push(`out=${output}`);
  return parts.length > 0 ? `${parts.join(" ")} tokens` : undefined;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function formatValue(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  const line = oneLine(text);
  return line.length > MAX_VALUE_CHARS ? `${line.slice(0, MAX_VALUE_CHARS)}…` : line;
}

/** Escapes C0/C1 control characters (newlines, ANSI escapes from span data) so one span stays one line. */
function oneLine(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      out += char === "\n" ? "\\n" : char === "\t" ? "\\t" : char === "\r" ? "\\r" : `\\x${code.toString(16).padStart(2, "0")}`;
    } else {
      out += char;
    }
  }
  return out;
}

function paint(text: string, code: string, color: boolean): string {
  return color ? `${code}${text}${ANSI.reset}` : text;
}

function earliest(spans: readonly SpanTreeNode[]): number | undefined {
  let min: number | undefined;
  for (const span of spans) {
    const start = span.startTimeMs;
    if (typeof start === "number" && Number.isFinite(start) && (min === undefined || start < min)) min = start;
  }
  return min;
}

/** Orders by start time; spans without one go after those with one (a consistent comparator). */
function compareStart(a: number | undefined, b: number | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return a - b;
}

function sortByStart(spans: readonly SpanTreeNode[]): SpanTreeNode[] {
  const start = (span: SpanTreeNode) => (typeof span.startTimeMs === "number" && Number.isFinite(span.startTimeMs) ? span.startTimeMs : undefined);
  // Array.prototype.sort is stable: spans without a start time keep their input order.
  return [...spans].sort((a, b) => compareStart(start(a), start(b)));
}
