import { ENV_CAPTURE_MESSAGE_CONTENT } from "../content-capture";
import { defineSettings } from "./settings";

/**
 * The content settings every adapter takes (`ContentOptions`): the settings table behind the
 * README's option table of core-semconv and the content rows of each adapter's table.
 */
export const CONTENT_SETTINGS = defineSettings({
  captureContent: {
    option: "captureContent",
    env: ENV_CAPTURE_MESSAGE_CONTENT,
    type: "string",
    default: "NO_CONTENT",
    defaultText: "off (`NO_CONTENT`): content is not even serialised",
    envValues: "`true`/`1`/`yes`, `false`/`0`/`no`, `SPAN_ONLY`, `EVENT_ONLY`, `SPAN_AND_EVENT`, `NO_CONTENT`",
    doc: "record messages, tool definitions, tool arguments/results, agent input/answer, the retrieval query and documents: on span attributes (`true` = `SPAN_ONLY`), on a `gen_ai.client.inference.operation.details` span event (`EVENT_ONLY`), or both",
  },
  maxContentLength: {
    option: "maxContentLength",
    type: "number",
    default: 100_000,
    defaultText: "100000",
    doc: "the budget of one content attribute, in characters: the whole value's JSON, and any one string or key in it (cut and marked; the JSON stays valid)",
  },
  maxBlobBytes: {
    option: "maxBlobBytes",
    type: "number",
    default: 0,
    defaultText: "0 bytes",
    doc: "largest inline media (a base64 image, audio) whose bytes go into a `blob` message part when capture is on; larger ones, and all at 0, keep only their `size`. Media given by URL are recorded as `uri` parts (the reference)",
  },
  redact: {
    option: "redact",
    type: "function",
    default: undefined,
    defaultText: "none",
    doc: "`(value, { attribute }) => replacement \\| undefined`, called for each content value before it is recorded",
  },
});
