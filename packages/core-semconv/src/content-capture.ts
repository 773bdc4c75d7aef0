import { diag } from "@opentelemetry/api";

/**
 * Where message content (prompts, completions, tool arguments and results, retrieved documents)
 * is recorded. Mirrors the values of `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT` in the
 * latest experimental GenAI conventions.
 * - `NO_CONTENT`: nothing is recorded or even serialised (the default).
 * - `SPAN_ONLY`: content goes on span attributes (`gen_ai.input.messages`, ...).
 * - `EVENT_ONLY`: content goes on a span event only.
 * - `SPAN_AND_EVENT`: both.
 */
export type ContentCaptureMode = "NO_CONTENT" | "SPAN_ONLY" | "EVENT_ONLY" | "SPAN_AND_EVENT";

/** Env var that turns content capture on (`true`/`false` or a {@link ContentCaptureMode}). */
export const ENV_CAPTURE_MESSAGE_CONTENT = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT" as const;

const MODES: ReadonlySet<string> = new Set(["NO_CONTENT", "SPAN_ONLY", "EVENT_ONLY", "SPAN_AND_EVENT"]);

/**
 * Resolves the content-capture mode once, with precedence option > env > off.
 *
 * @param option - `true` (= `SPAN_ONLY`), `false` (= `NO_CONTENT`), a {@link ContentCaptureMode}, or
 *   `undefined` to read {@link ENV_CAPTURE_MESSAGE_CONTENT}
 * @param env - the environment to read (default `process.env`)
 * @returns the mode; an unrecognised env value is reported through `diag.warn` and treated as `NO_CONTENT`
 */
export function resolveContentCapture(
  option?: boolean | ContentCaptureMode,
  env: Record<string, string | undefined> = typeof process === "undefined" ? {} : process.env,
): ContentCaptureMode {
  if (option === true) return "SPAN_ONLY";
  if (option === false) return "NO_CONTENT";
  if (typeof option === "string") {
    const upper = option.toUpperCase();
    if (MODES.has(upper)) return upper as ContentCaptureMode;
    diag.warn(`genai-otel: unknown captureContent value "${option}"; expected true, false or ${[...MODES].join(", ")}. Content is not captured.`);
    return "NO_CONTENT";
  }
  const raw = env[ENV_CAPTURE_MESSAGE_CONTENT]?.trim();
  if (!raw) return "NO_CONTENT";
  const value = raw.toUpperCase();
  if (value === "TRUE" || value === "1") return "SPAN_ONLY";
  if (value === "FALSE" || value === "0") return "NO_CONTENT";
  if (MODES.has(value)) return value as ContentCaptureMode;
  diag.warn(`genai-otel: ${ENV_CAPTURE_MESSAGE_CONTENT}="${raw}" is not one of true, false, ${[...MODES].join(", ")}. Content is not captured.`);
  return "NO_CONTENT";
}

/**
 * True when the mode records content on span attributes.
 *
 * @internal
 */
export function capturesOnSpan(mode: ContentCaptureMode): boolean {
  return mode === "SPAN_ONLY" || mode === "SPAN_AND_EVENT";
}

/**
 * True when the mode records content anywhere (span attributes or events).
 *
 * @internal
 */
export function capturesContent(mode: ContentCaptureMode): boolean {
  return mode !== "NO_CONTENT";
}
