/**
 * Reads the JSON content attributes genai-otel writes (`gen_ai.input.messages`,
 * `gen_ai.output.messages`, `gen_ai.system_instructions`, `gen_ai.tool.definitions`,
 * `gen_ai.retrieval.documents`) back into flat, bounded shapes the translators index. Never throws:
 * an absent or malformed attribute reads as an empty list.
 */
import type { Attributes } from "@opentelemetry/api";
import { safeJsonStringify } from "../serialize";

/** A tool call of a flat message. `arguments` is a JSON string (or the model's raw text). */
export interface FlatToolCall {
  id?: string;
  name: string;
  arguments?: string;
}

/**
 * One message as the indexed conventions see it: text, tool calls, or one tool result. A source
 * message holding several `tool_call_response` parts becomes one flat message per result.
 */
export interface FlatMessage {
  role: string;
  name?: string;
  content?: string;
  toolCalls: FlatToolCall[];
  /** Set on a tool result: the id of the call it answers. */
  toolCallId?: string;
  finishReason?: string;
}

/** A tool offered to the model. */
export interface FlatTool {
  name: string;
  description?: string;
  parameters?: unknown;
}

/** A retrieved document. */
export interface FlatDocument {
  id?: string;
  content?: string;
  score?: number;
  metadata?: unknown;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Parses a JSON attribute into an array; anything else (absent, invalid, not an array) is `[]`. */
export function jsonArray(attributes: Attributes, key: string): unknown[] {
  const raw = attributes[key];
  if (typeof raw !== "string" || raw === "") return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** Text as it reads in a trace: strings as they are, anything else as JSON. */
export function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : safeJsonStringify(value);
}

function optString(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function textOf(parts: unknown[]): string | undefined {
  const texts: string[] = [];
  for (const p of parts) {
    if (isObj(p) && p.type === "text" && typeof p.content === "string") texts.push(p.content);
  }
  return texts.length ? texts.join("\n") : undefined;
}

/**
 * Flattens GenAI messages (`[{role, parts, name?, finish_reason?}]`) into at most `max` messages,
 * each with at most `max` tool calls.
 */
export function flattenMessages(items: unknown[], max: number): FlatMessage[] {
  const out: FlatMessage[] = [];
  for (const item of items) {
    if (out.length >= max) break;
    if (!isObj(item)) continue;
    const role = optString(item.role) ?? "user";
    const name = optString(item.name);
    const parts = Array.isArray(item.parts) ? item.parts : [];
    const toolCalls: FlatToolCall[] = [];
    const results: FlatMessage[] = [];
    for (const p of parts) {
      if (!isObj(p)) continue;
      if (p.type === "tool_call" && typeof p.name === "string") {
        if (toolCalls.length < max) toolCalls.push({ id: optString(p.id), name: p.name, arguments: asText(p.arguments) });
      } else if (p.type === "tool_call_response") {
        results.push({ role, name, content: asText(p.response), toolCalls: [], toolCallId: optString(p.id) });
      }
    }
    const content = textOf(parts);
    const finishReason = optString(item.finish_reason);
    if (content !== undefined || toolCalls.length > 0 || results.length === 0) {
      out.push({ role, name, content, toolCalls, finishReason });
    }
    for (const r of results) if (out.length < max) out.push(r);
  }
  return out;
}

/** The system instructions (`[{type:"text",content}]`) as one `system` message, if there is text. */
export function systemMessage(parts: unknown[]): FlatMessage | undefined {
  const content = textOf(parts);
  return content === undefined ? undefined : { role: "system", content, toolCalls: [] };
}

/** Tool definitions (`[{type,name,description,parameters}]`), at most `max`. */
export function readTools(items: unknown[], max: number): FlatTool[] {
  const out: FlatTool[] = [];
  for (const t of items) {
    if (out.length >= max) break;
    if (isObj(t) && typeof t.name === "string") out.push({ name: t.name, description: optString(t.description), parameters: t.parameters });
  }
  return out;
}

/** Retrieved documents (`[{id,content,score,metadata}]`), at most `max`. */
export function readDocuments(items: unknown[], max: number): FlatDocument[] {
  const out: FlatDocument[] = [];
  for (const d of items) {
    if (out.length >= max) break;
    if (!isObj(d)) continue;
    out.push({
      id: d.id === undefined || d.id === null ? undefined : String(d.id),
      content: asText(d.content),
      score: typeof d.score === "number" && Number.isFinite(d.score) ? d.score : undefined,
      metadata: d.metadata,
    });
  }
  return out;
}

/** Input messages with the system instructions first, as both target conventions list them. */
export function inputMessages(attributes: Attributes, systemKey: string, inputKey: string, max: number): FlatMessage[] {
  const system = systemMessage(jsonArray(attributes, systemKey));
  const rest = flattenMessages(jsonArray(attributes, inputKey), max);
  return system ? [system, ...rest].slice(0, max) : rest;
}

/** The mime type of a value: JSON when it parses as an object or array, else plain text. */
export function mimeOf(value: string): "application/json" | "text/plain" {
  const c = value.trimStart()[0];
  if (c !== "{" && c !== "[") return "text/plain";
  try {
    JSON.parse(value);
    return "application/json";
  } catch {
    return "text/plain";
  }
}
