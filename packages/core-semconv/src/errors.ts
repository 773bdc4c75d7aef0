import { type Span, SpanStatusCode } from "@opentelemetry/api";
import { ATTR_ERROR_TYPE } from "./attributes";

/**
 * The `error.type` value for an error: its class name (`TypeError`, `APIError`, ...), else its
 * `name` property, else `_OTHER` as the conventions ask.
 */
export function errorType(error: unknown): string {
  if (error && typeof error === "object") {
    const name = (error as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof name === "string" && name && name !== "Object") return name;
    const n = (error as { name?: unknown }).name;
    if (typeof n === "string" && n) return n;
  }
  return "_OTHER";
}

/**
 * Records an error on a span the way the conventions ask: an `exception` event (`exception.type` =
 * the same class name as `error.type`, never a Node `code` such as `ECONNRESET`), status ERROR with
 * the message, and `error.type`. Never throws.
 */
export function recordSpanError(span: Span, error: unknown): void {
  try {
    const err = error instanceof Error ? error : new Error(typeof error === "string" ? error : "Unknown error");
    const type = errorType(error);
    // exception.type = the class name, as error.type (the SDK would take `code` or `name` first).
    span.recordException({ name: type, message: err.message, stack: err.stack });
    span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
    span.setAttribute(ATTR_ERROR_TYPE, type);
  } catch {
    // telemetry must never reach the host
  }
}
