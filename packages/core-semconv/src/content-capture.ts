import { diag } from "@opentelemetry/api";
import { parseBoolean, readEnv } from "./settings/env";

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
 * Parses a value of {@link ENV_CAPTURE_MESSAGE_CONTENT}: a boolean in the shared syntax (`true`/`1`/`yes`
 * = `SPAN_ONLY`, `false`/`0`/`no` = `NO_CONTENT`, see `parseBoolean`) or a {@link ContentCaptureMode},
 * case-insensitive.
 * @returns the mode, or `undefined` when `raw` is neither
 */
export function parseContentCapture(raw: string): ContentCaptureMode | undefined {
  const flag = parseBoolean(raw);
  if (flag !== undefined) return flag ? "SPAN_ONLY" : "NO_CONTENT";
  const value = raw.trim().toUpperCase();
  return MODES.has(value) ? (value as ContentCaptureMode) : undefined;
}

/**
 * Resolves the content-capture mode once, with precedence option > env > off.
 *
 * @param option - `true` (= `SPAN_ONLY`), `false` (= `NO_CONTENT`), a {@link ContentCaptureMode}, or
 *   `undefined` to read {@link ENV_CAPTURE_MESSAGE_CONTENT}
 * @param env - the environment to read (default: the process environment through `readEnv`, which
 *   is empty on runtimes without `process`)
 * @returns the mode; an unrecognised value is reported through `diag.warn` and treated as `NO_CONTENT`
 */
export function resolveContentCapture(option?: boolean | ContentCaptureMode, env?: Record<string, string | undefined>): ContentCaptureMode {
  if (option === true) return "SPAN_ONLY";
  if (option === false) return "NO_CONTENT";
  if (typeof option === "string") {
    const upper = option.toUpperCase();
    if (MODES.has(upper)) return upper as ContentCaptureMode;
    diag.warn(`genai-otel: unknown captureContent value "${option}"; expected true, false or ${[...MODES].join(", ")}. Content is not captured.`);
    return "NO_CONTENT";
  }
  const raw = (env === undefined ? readEnv(ENV_CAPTURE_MESSAGE_CONTENT) : env[ENV_CAPTURE_MESSAGE_CONTENT])?.trim();
  if (!raw) return "NO_CONTENT";
  const mode = parseContentCapture(raw);
  if (mode !== undefined) return mode;
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
