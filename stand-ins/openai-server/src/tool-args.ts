/**
 * Deterministic tool-call arguments from a JSON schema.
 *
 * Rule per property schema: `const`, else the first `enum` value, else `default`, else by type:
 * string → the last word of the user message (letters/digits only, `"test"` if none), number/integer →
 * `minimum` or 1, boolean → true, array → one item, object → its properties (recursively), null → null.
 * `anyOf`/`oneOf` use their first non-null option. Only `required` properties are filled, or all
 * properties when the schema has no `required` list.
 * @module
 */

/** The subset of JSON Schema the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** The word used for string arguments: the last alphanumeric word of `text`, or `"test"`. */
export function argumentWord(text: string): string {
  const found = text.match(/[\p{L}\p{N}_-]+/gu);
  return found?.[found.length - 1] ?? "test";
}

function schemaType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== "null") ?? schema.type[0];
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  return undefined;
}

/** A deterministic value for one schema. */
export function valueForSchema(schema: JsonSchema | undefined, word: string): unknown {
  if (!schema || typeof schema !== "object") return word;
  if ("const" in schema) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if ("default" in schema) return schema.default;
  const options = schema.anyOf ?? schema.oneOf;
  if (options && options.length > 0) {
    return valueForSchema(options.find((option) => option.type !== "null") ?? options[0], word);
  }
  switch (schemaType(schema)) {
    case "number":
    case "integer":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "null":
      return null;
    case "array":
      return [valueForSchema(schema.items, word)];
    case "object":
      return objectForSchema(schema, word);
    default:
      return word;
  }
}

/** The arguments object for a tool's `parameters` schema. */
export function objectForSchema(schema: JsonSchema | undefined, word: string): Record<string, unknown> {
  const properties = schema?.properties ?? {};
  const names = schema?.required ?? Object.keys(properties);
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = valueForSchema(properties[name], word);
  return out;
}
