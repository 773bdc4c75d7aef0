/**
 * Structural shortening of JSON attribute values for backends with a value size limit (New Relic
 * keeps 4,095 characters; a message list cut mid-JSON no longer renders). Lists lose whole items
 * and the result stays valid JSON; only when one item alone is over the limit are its longest
 * strings shortened (ending in `…`). Runs only on values over the limit.
 */

/** Attributes whose list keeps its last items (the latest turns of a conversation); others keep their first. */
const KEEP_LAST: ReadonlySet<string> = new Set(["gen_ai.input.messages"]);

const ELLIPSIS = "…";
const MAX_PASSES = 32;

function parse(text: string): unknown {
  const c = text.trimStart()[0];
  if (c !== "[" && c !== "{") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whole items, dropped from the start (`keepLast`) or the end, until the list fits; `undefined` if not one fits. */
function dropItems(items: unknown[], limit: number, keepLast: boolean): string | undefined {
  const texts = items.map((item) => JSON.stringify(item) ?? "null");
  let size = 2 + texts.reduce((sum, t) => sum + t.length, 0) + Math.max(0, texts.length - 1);
  let start = 0;
  let end = texts.length;
  while (size > limit && end > start) {
    const dropped = keepLast ? texts[start++] : texts[--end];
    size -= (dropped as string).length + (end > start ? 1 : 0);
  }
  if (end === start) return undefined;
  return `[${texts.slice(start, end).join(",")}]`;
}

/** The path to the longest string in `value` and its length. */
function longest(value: unknown): { holder: Record<string, unknown> | unknown[]; key: string | number; length: number } | undefined {
  let best: { holder: Record<string, unknown> | unknown[]; key: string | number; length: number } | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        if (typeof child === "string") {
          if (!best || child.length > best.length) best = { holder: node, key: i, length: child.length };
        } else visit(child);
      });
    } else if (typeof node === "object" && node !== null) {
      for (const [k, child] of Object.entries(node)) {
        if (typeof child === "string") {
          if (!best || child.length > best.length) best = { holder: node as Record<string, unknown>, key: k, length: child.length };
        } else visit(child);
      }
    }
  };
  visit(value);
  return best;
}

/** Shortens the longest strings of `value` (in place) until its JSON fits; `undefined` if it cannot. */
function shrinkStrings(value: unknown, limit: number): string | undefined {
  let text = JSON.stringify(value);
  for (let pass = 0; pass < MAX_PASSES && text.length > limit; pass++) {
    const target = longest(value);
    if (!target || target.length <= 1) return undefined;
    const s = (target.holder as Record<string | number, string>)[target.key] as string;
    const over = text.length - limit;
    // JSON escapes can make a string longer than its characters: cut at least half when unsure.
    const keep = Math.max(0, Math.min(s.length - over - ELLIPSIS.length, Math.floor(s.length / 2)));
    (target.holder as Record<string | number, string>)[target.key] = s.slice(0, keep) + ELLIPSIS;
    text = JSON.stringify(value);
  }
  return text.length <= limit ? text : undefined;
}

/**
 * `text` shortened to at most `limit` UTF-16 units as valid JSON, or `undefined` when it is not a
 * JSON array or object (the caller cuts it as text then).
 * @param key - the attribute's name: `gen_ai.input.messages` keeps its latest messages, other lists their first items.
 */
export function shortenJson(text: string, limit: number, key: string): string | undefined {
  if (text.length <= limit) return text;
  const value = parse(text);
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    const fitted = dropItems(value, limit, KEEP_LAST.has(key));
    if (fitted !== undefined) return fitted;
    const kept = KEEP_LAST.has(key) ? value[value.length - 1] : value[0];
    return shrinkStrings([kept], limit) ?? (limit >= 2 ? "[]" : undefined);
  }
  return shrinkStrings(value, limit);
}
