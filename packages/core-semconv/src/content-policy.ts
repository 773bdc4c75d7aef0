import { type Attributes, diag } from "@opentelemetry/api";
import * as A from "./attributes";
import { type ContentCaptureMode, capturesOnSpan, resolveContentCapture } from "./content-capture";
import type { InferenceContent, RetrievalContent, ToolContent } from "./description";
import { safeJsonStringify } from "./serialize";

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
   * Longest text kept for any single string inside a content attribute, in characters. Longer
   * strings are cut inside the JSON (which stays valid) and marked with `…`.
   * @defaultValue 100000
   */
  maxContentLength?: number;
}

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
  /** True when content goes on span attributes. */
  readonly onSpan: boolean;
  private readonly maxStringLength: number;

  constructor(options: ContentOptions = {}) {
    this.mode = resolveContentCapture(options.captureContent);
    this.onSpan = capturesOnSpan(this.mode);
    this.maxStringLength = options.maxContentLength ?? 100_000;
  }

  /** Content attributes of an inference (input/output messages, system instructions, tool definitions). */
  inference(content: InferenceContent, mask?: ContentMask): Attributes {
    const a: Attributes = {};
    if (!this.onSpan) return a;
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
    if (!this.onSpan) return a;
    if (!mask?.input) this.json(a, A.ATTR_GEN_AI_TOOL_CALL_ARGUMENTS, content.arguments);
    if (!mask?.output) this.json(a, A.ATTR_GEN_AI_TOOL_CALL_RESULT, content.result);
    return a;
  }

  /** Content attributes of a retrieval (query text, documents). */
  retrieval(content: RetrievalContent, mask?: ContentMask): Attributes {
    const a: Attributes = {};
    if (!this.onSpan) return a;
    if (!mask?.input) this.json(a, A.ATTR_GEN_AI_RETRIEVAL_QUERY_TEXT, content.query);
    if (!mask?.output) this.json(a, A.ATTR_GEN_AI_RETRIEVAL_DOCUMENTS, content.documents);
    return a;
  }

  /**
   * Serialises any value for a content attribute (never throws). Exposed for adapter-specific
   * content such as a chain's inputs; returns `undefined` when capture is off.
   */
  serialize(value: unknown): string | undefined {
    if (!this.onSpan || value === undefined) return undefined;
    return safeJsonStringify(value, { maxStringLength: this.maxStringLength });
  }

  private json(a: Attributes, key: string, thunk: (() => unknown) | undefined): void {
    if (!thunk) return;
    try {
      const value = thunk();
      if (value === undefined || value === null) return;
      if (Array.isArray(value) && value.length === 0) return;
      a[key] = safeJsonStringify(value, { maxStringLength: this.maxStringLength });
    } catch (err) {
      diag.debug(`genai-otel: could not describe ${key}`, err);
    }
  }
}
