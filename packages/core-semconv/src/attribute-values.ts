import type { Attributes, AttributeValue } from "@opentelemetry/api";

/**
 * Sets `key` to `value` unless there is nothing worth recording: `undefined` / `null`, a non-finite number, an
 * empty string or an empty array.
 */
export function putAttribute(attributes: Attributes, key: string, value: unknown): void {
  if (value === undefined || value === null || value === "") return;
  if (typeof value === "number" && !Number.isFinite(value)) return;
  if (Array.isArray(value) && value.length === 0) return;
  attributes[key] = value as AttributeValue;
}

/**
 * `value` when it is a non-empty string, else `undefined` (for reading optional fields of framework objects).
 *
 * @internal
 */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * `value` when it is a finite number, else `undefined` (for reading optional fields of framework objects).
 *
 * @internal
 */
export function finiteNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The attribute as a non-empty string, else `undefined`. */
export function stringAttribute(attributes: Attributes, key: string): string | undefined {
  return nonEmptyString(attributes[key]);
}

/** The attribute as a finite number, else `undefined`. */
export function numberAttribute(attributes: Attributes, key: string): number | undefined {
  return finiteNumber(attributes[key]);
}
