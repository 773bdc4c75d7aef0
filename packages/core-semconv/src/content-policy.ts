import { type Attributes, type Span, diag } from "@opentelemetry/api";
import * as A from "./attributes";
import { type ContentCaptureMode, capturesContent, capturesOnSpan, resolveContentCapture } from "./content-capture";
import type { InferenceContent, RetrievalContent, ToolContent } from "./description";
import { type SerializeLimits, safeJsonStringify } from "./serialize";
import { CONTENT_SETTINGS } from "./settings/content-settings";
import { resolveSetting } from "./settings/settings";

/** Options that decide whether and how content is recorded. Shared by every adapter. */
export interface ContentOptions {
  /**
   * Record message content, tool arguments/results and retrieved documents.
   * `true` = `SPAN_ONLY`, `false` = `NO_CONTENT`.
   * Env: `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT` (`true`/`false` or a mode), read when
   * this option is not given.
   * @defaultValue `"NO_CONTENT"` (content is never serialised)
   */
  captureContent?: boolean | ContentCaptureMode;
  /**
   * Budget of one content attribute, in characters: the longest text kept for any string or key
   * inside it, and the most characters of the whole attribute value (its JSON). A longer string is
   * cut and marked (`"abc…[12 more chars]"`); a value whose JSON would go over stops where the
   * budget ran out, marked `"[truncated: 100000-char budget spent]"`, and stays valid JSON. A value
   * also stops after 20,000 values visited (`"[truncated: 20000-value budget spent]"`), so no
   * value, however large or shared, costs the app more than a bounded time. No env var.
   * @defaultValue 100000
   */
  maxContentLength?: number;
  /**
   * Largest inline blob (image, audio, video, file bytes in a message) whose bytes are recorded, in
   * bytes, when content capture is on. Larger blobs, and every blob at 0, are recorded as a `blob`
   * part without `content`, with their `size`. Media given by URL are recorded by reference. The base64
   * text still counts against `maxContentLength` (a blob cut there is marked like any cut string).
   * @defaultValue 0 (blob bytes are never recorded)
   */
  maxBlobBytes?: number;
  /**
   * Sees each content value before it is recorded, with the attribute it is going to, and returns
   * what to record instead (any JSON-able value), or `undefined` to record nothing for it. Use it to
   * mask PII or drop a kind of content. A throw drops that value. Not called when capture is off.
   * @defaultValue none
   */
  redact?: ContentRedactor;
}

/**
 * A redaction hook: `value` is the structured content (messages, tool arguments, documents, ...)
 * bound for `where.attribute` (e.g. `gen_ai.input.messages`).
 */
export type ContentRedactor = (value: unknown, where: { attribute: string }) => unknown;

/** Name of the span event that carries content in the `EVENT_ONLY` / `SPAN_AND_EVENT` modes. */
export const EVENT_GEN_AI_CONTENT = "gen_ai.client.inference.operation.details" as const;

/** Per-operation masking, e.g. from LangChain run metadata `mask_input` / `mask_output`. */
export interface ContentMask {
  /** Drop input content (messages, tool arguments, retrieval query). */
  input?: boolean;
  /** Drop output content (completions, tool results, documents). */
  output?: boolean;
}

/**
 * The resolved content policy: decides once whether content is captured, and turns lazily described
 * content into attributes. When capture is off, the content thunks are never called, so nothing is
 * serialised on the hot path.
 */
export class ContentPolicy {
  /** The resolved mode (option > env > `NO_CONTENT`). */
  readonly mode: ContentCaptureMode;
  /** True when content is captured at all (the content methods then return attributes). */
  readonly enabled: boolean;
  /** True when content goes on span attributes. */
  readonly onSpan: boolean;
  /** True when content goes on a span event ({@link EVENT_GEN_AI_CONTENT}). */
  readonly onEvent: boolean;
  private readonly limits: SerializeLimits;
  /** Largest blob whose bytes go into a message part, in bytes (see {@link ContentOptions.maxBlobBytes}). */
  readonly maxBlobBytes: number;
  private readonly redact?: ContentRedactor;

  constructor(options: ContentOptions = {}) {
    this.mode = resolveContentCapture(options.captureContent);
    this.enabled = capturesContent(this.mode);
    this.onSpan = capturesOnSpan(this.mode);
    this.onEvent = this.mode === "EVENT_ONLY" || this.mode === "SPAN_AND_EVENT";
    const max = resolveSetting(CONTENT_SETTINGS.maxContentLength, options.maxContentLength);
    this.limits = { maxStringLength: max, maxLength: max };
    const blob = options.maxBlobBytes;
    this.maxBlobBytes = typeof blob === "number" && Number.isFinite(blob) && blob > 0 ? Math.floor(blob) : 0;
    this.redact = options.redact;
  }

  /**
   * Records content attributes (from {@link inference}, {@link tool}, {@link retrieval}) where the
   * mode says: as span attributes, as a {@link EVENT_GEN_AI_CONTENT} span event, or both. Never throws.
   */
  emit(span: Span, content: Attributes): void {
    try {
      let empty = true;
      for (const _ in content) {
        empty = false;
        break;
      }
      if (empty) return;
      if (this.onSpan) span.setAttributes(content);
      if (this.onEvent) span.addEvent(EVENT_GEN_AI_CONTENT, content);
    } catch (err) {
      diag.warn("genai-otel: could not record content", err);
    }
  }

  /** Content attributes (computed only when capture is on; pass them to {@link emit}) of an inference (input/output messages, system instructions, tool definitions). */
  inference(content: InferenceContent, mask?: ContentMask): Attributes {
    const a: Attributes = {};
    if (!this.enabled) return a;
    if (!mask?.input) {
      this.json(a, A.ATTR_GEN_AI_INPUT_MESSAGES, content.inputMessages);
      this.json(a, A.ATTR_GEN_AI_SYSTEM_INSTRUCTIONS, content.systemInstructions);
      this.json(a, A.ATTR_GEN_AI_TOOL_DEFINITIONS, content.toolDefinitions);
    }
    if (!mask?.output) this.json(a, A.ATTR_GEN_AI_OUTPUT_MESSAGES, content.outputMessages);
    return a;
  }

  /** Content attributes of a tool call (arguments, result). */
  tool(content: ToolContent, mask?: ContentMask): Attributes {
    const a: Attributes = {};
    if (!this.enabled) return a;
    if (!mask?.input) this.json(a, A.ATTR_GEN_AI_TOOL_CALL_ARGUMENTS, content.arguments);
    if (!mask?.output) this.json(a, A.ATTR_GEN_AI_TOOL_CALL_RESULT, content.result);
    return a;
  }

  /** Content attributes of a retrieval (query text, documents). */
  retrieval(content: RetrievalContent, mask?: ContentMask): Attributes {
    const a: Attributes = {};
    if (!this.enabled) return a;
    if (!mask?.input) this.json(a, A.ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT, content.query);
    if (!mask?.output) this.json(a, A.ATTR_GEN_AI_RETRIEVAL_DOCUMENTS, content.documents);
    return a;
  }

  /**
   * Serialises any value for a content attribute (never throws), after the redaction hook. For
   * adapter-specific content such as a chain's inputs or an agent action's input.
   *
   * @param attribute - where the value goes (passed to the redaction hook)
   * @returns the JSON string, or `undefined` when capture is off or the value was redacted away
   */
  serialize(value: unknown, attribute: string): string | undefined {
    if (!this.enabled || value === undefined) return undefined;
    const a: Attributes = {};
    this.json(a, attribute, () => value);
    return a[attribute] as string | undefined;
  }

  /**
   * Serialises content for an adapter's own span event (an agent step, for instance): only in the modes that put
   * content on events (`EVENT_ONLY`, `SPAN_AND_EVENT`), never when `masked`, after the redaction hook. Never throws.
   *
   * @param attribute - the event attribute the value goes to (passed to the redaction hook)
   * @param masked - true when the run's mask (`mask_input` / `mask_output`) covers this value
   * @returns the JSON string, or `undefined` when the mode keeps content off events, it is masked, or redacted away
   */
  forEvent(value: unknown, attribute: string, masked?: boolean): string | undefined {
    return this.onEvent && !masked ? this.serialize(value, attribute) : undefined;
  }

  private json(a: Attributes, key: string, thunk: (() => unknown) | undefined): void {
    if (!thunk) return;
    try {
      let value = thunk();
      if (this.redact && value !== undefined && value !== null) value = this.redact(value, { attribute: key });
      if (value === undefined || value === null) return;
      if (Array.isArray(value) && value.length === 0) return;
      a[key] = safeJsonStringify(value, this.limits);
    } catch (err) {
      diag.warn(`genai-otel: could not describe ${key}`, err);
    }
  }
}
