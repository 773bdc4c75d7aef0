/**
 * Simulated failures.
 *
 * Two sources, checked in this order for every request:
 * 1. a request body whose `model` is `error-<status>` (e.g. `"error-500"`, `"error-429"`) always fails with
 *    that status;
 * 2. queued failures from `failNext` (option or method): each consumes one request, first queued first.
 * Failures answer with OpenAI's error shape, `retry-after-ms: 0` (so the `openai` client's own retries do
 * not wait) and, for 429, `retry-after: 0`; a `dropStream` failure answers 200 and breaks the connection.
 * @module
 */
import type { FailureSpec } from "./types";

/** A failure resolved to the exact response to send. */
export interface ResolvedFailure {
  status: number;
  body: { error: { message: string; type: string; param: null; code: string | null } };
  headers: Record<string, string>;
  /** Break the connection after the response headers instead of answering with the error body. */
  dropStream: boolean;
}

const MODEL_ERROR = /^error-(\d{3})$/;

function defaultMessage(status: number): string {
  if (status === 429) return "Rate limit reached for requests (simulated by the stand-in server).";
  if (status >= 500) return "The server had an error while processing your request. Sorry about that! (simulated)";
  return `Simulated error with status ${status}.`;
}

function defaultType(status: number): string {
  if (status === 429) return "requests";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}

/** Turns a spec into the response to send. */
export function resolveFailure(spec: FailureSpec = {}): ResolvedFailure {
  const status = spec.status ?? 500;
  const headers: Record<string, string> = { "retry-after-ms": "0" };
  if (status === 429) headers["retry-after"] = "0";
  if (spec.retryable !== undefined) headers["x-should-retry"] = String(spec.retryable);
  return {
    status,
    headers,
    dropStream: spec.dropStream === true,
    body: {
      error: {
        message: spec.message ?? defaultMessage(status),
        type: spec.type ?? defaultType(status),
        param: null,
        code: spec.code !== undefined ? spec.code : status === 429 ? "rate_limit_exceeded" : null,
      },
    },
  };
}

/** Normalises the `failNext` argument. */
export function toFailureSpec(failure: number | FailureSpec | undefined): FailureSpec {
  if (failure === undefined) return {};
  return typeof failure === "number" ? { count: failure } : failure;
}

/** The queue of pending failures plus the `error-<status>` model rule. */
export class FailureQueue {
  private readonly pending: FailureSpec[] = [];

  /** Queues `count` (default 1) failures of this spec. */
  add(failure: number | FailureSpec | undefined): void {
    const spec = toFailureSpec(failure);
    const count = spec.count ?? 1;
    for (let i = 0; i < count; i++) this.pending.push(spec);
  }

  /** Drops all pending failures. */
  clear(): void {
    this.pending.length = 0;
  }

  /** The failure for a request with this body, if any (consumes a queued one). */
  take(body: unknown): ResolvedFailure | undefined {
    const model = typeof body === "object" && body !== null ? (body as { model?: unknown }).model : undefined;
    const match = typeof model === "string" ? MODEL_ERROR.exec(model) : null;
    if (match) return resolveFailure({ status: Number(match[1]) });
    const next = this.pending.shift();
    return next ? resolveFailure(next) : undefined;
  }
}
