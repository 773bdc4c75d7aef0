import type { Serialized } from "@langchain/core/load/serializable";


/** Roles of LangChain's chat message prompt templates, by class name. */
const ROLE_BY_TEMPLATE: Readonly<Record<string, string>> = {
  SystemMessagePromptTemplate: "system",
  HumanMessagePromptTemplate: "user",
  AIMessagePromptTemplate: "assistant",
};

/**
 * The serialized form of a nested value: `toJSON()` serialises one level, so nested prompt
 * templates may still be instances (their `toJSON()` is called; a prompt template holds no secrets).
 */
function serializedOf(value: unknown): unknown {
  if (value === null || typeof value !== "object" || "lc" in value) return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON !== "function") return value;
  try {
    return toJSON.call(value);
  } catch {
    return undefined;
  }
}

const lastId = (s: unknown): string | undefined => {
  const id = (serializedOf(s) as { id?: unknown } | null | undefined)?.id;
  return Array.isArray(id) && typeof id.at(-1) === "string" ? (id.at(-1) as string) : undefined;
};
const kwargsOf = (s: unknown): Record<string, unknown> | undefined => {
  const k = (serializedOf(s) as { kwargs?: unknown } | null | undefined)?.kwargs;
  return k !== null && typeof k === "object" ? (k as Record<string, unknown>) : undefined;
};

/** True for a prompt template run (`PromptTemplate`, `ChatPromptTemplate`, ...). */
export function isPromptTemplate(serialized: Serialized | undefined): boolean {
  const id = serialized?.id;
  return Array.isArray(id) && id.includes("prompts") && (lastId(serialized) ?? "").endsWith("PromptTemplate");
}

function textOf(prompt: unknown): string | undefined {
  const template = kwargsOf(prompt)?.template;
  if (typeof template === "string") return template;
  // A multimodal message template holds a list of prompt templates.
  if (Array.isArray(prompt)) {
    const parts = prompt.map(textOf).filter((t): t is string => t !== undefined);
    return parts.length > 0 ? parts.join("\n") : undefined;
  }
  return undefined;
}

/**
 * The template of a prompt template run, read from the run's serialized form (only its template
 * fields: nothing else of `serialized` is recorded): a `PromptTemplate`'s text; a
 * `ChatPromptTemplate` as a JSON array of `{ role, content }` (content the message's template text;
 * a `MessagesPlaceholder` as `{ role: "placeholder", content: "{variable}" }`). Called only when
 * content capture is on.
 */
export function templateOf(serialized: Serialized | undefined): string | undefined {
  const kwargs = kwargsOf(serialized);
  if (!kwargs) return undefined;
  if (typeof kwargs.template === "string") return kwargs.template;
  if (!Array.isArray(kwargs.messages)) return undefined;
  const messages: { role: string; content: string }[] = [];
  for (const raw of kwargs.messages) {
    const message = serializedOf(raw);
    const kind = lastId(message) ?? "";
    const k = kwargsOf(message);
    if (kind === "MessagesPlaceholder") {
      messages.push({ role: "placeholder", content: `{${String(k?.variable_name ?? "")}}` });
      continue;
    }
    const content = textOf(k?.prompt);
    if (content === undefined) continue;
    const role = ROLE_BY_TEMPLATE[kind] ?? (typeof k?.role === "string" ? k.role : "user");
    messages.push({ role, content });
  }
  return messages.length > 0 ? JSON.stringify(messages) : undefined;
}
