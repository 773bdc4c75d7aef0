/**
 * Public types of the OpenAI-compatible stand-in server.
 * @module
 */

/** One HTTP request the server received, recorded before it was answered. */
export interface RecordedRequest {
  /** HTTP method, upper case (`"POST"`, `"GET"`). */
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Request headers with lower-case names; repeated headers are joined with `", "`. */
  headers: Record<string, string>;
  /** The parsed JSON body; `undefined` when the body was empty, the raw text when it was not JSON. */
  body: any;
  /** HTTP status the server answered with (set once the answer is decided). */
  status?: number;
}

/**
 * A simulated failure, answered with an OpenAI-style error body
 * `{ error: { message, type, param: null, code } }`.
 */
export interface FailureSpec {
  /** HTTP status. @defaultValue 500 */
  status?: number;
  /** How many of the next requests fail. @defaultValue 1 */
  count?: number;
  /** `error.message`. @defaultValue a message modelled on OpenAI's for the status */
  message?: string;
  /** `error.type`. @defaultValue `"server_error"` for 5xx, `"requests"` for 429, else `"invalid_request_error"` */
  type?: string;
  /** `error.code`. @defaultValue `"rate_limit_exceeded"` for 429, else `null` */
  code?: string | null;
  /**
   * Sends `x-should-retry: true|false`, which the official `openai` client obeys over its own
   * status-based retry decision. @defaultValue unset (the client decides from the status)
   */
  retryable?: boolean;
  /**
   * Instead of an error response: answer 200 with the event-stream headers and one SSE comment, then
   * destroy the connection. The client's request succeeds and reading its body fails (a stream that
   * breaks after it started; `status`, `message`, `type`, `code` and `retryable` are then unused).
   * @defaultValue false
   */
  dropStream?: boolean;
}

/** Options of {@link startOpenAIServer}. */
export interface OpenAIServerOptions {
  /** Port to listen on (127.0.0.1 only). @defaultValue 0 (an ephemeral port) */
  port?: number;
  /** Make the first requests fail: a count of HTTP 500 failures, or a full spec. @defaultValue no failures */
  failNext?: number | FailureSpec;
  /** Embedding size when the request has no `dimensions`. @defaultValue 16 */
  embeddingDimensions?: number;
}

/** A running stand-in server. */
export interface OpenAIServer {
  /** The base URL clients use, e.g. `http://127.0.0.1:PORT/v1`. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** Every request received, in arrival order (failed ones included). */
  requests: RecordedRequest[];
  /** Make the next requests fail (adds to failures still pending). */
  failNext(failure?: number | FailureSpec): void;
  /** Forget recorded requests and pending failures. */
  reset(): void;
  /** Stop listening and drop open connections. */
  close(): Promise<void>;
}
