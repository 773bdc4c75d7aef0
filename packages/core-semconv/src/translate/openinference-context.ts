import type { Attributes } from "@opentelemetry/api";
import { safeJsonStringify } from "../serialize";
import { readTraceContext } from "./context";
import { mimeOf } from "./messages";
import { OI } from "./names";
import { putAttribute } from "../attribute-values";

/** The LangGraph node attribute genai-otel's LangChain handler records (from the run's `langgraph_node`). */
const LANGGRAPH_NODE = "langgraph.node";

/**
 * Adds OpenInference's trace-context attributes: `tag.tags`, `metadata` (one JSON object),
 * `llm.prompt_template.{template,variables,version}`, a root's (or chain's) `input.value` /
 * `output.value` from `genai_otel.input` / `output` where the span has none yet, and
 * `graph.node.{id,name}` for LangGraph nodes. `session.id` and `user.id` are set elsewhere / read as recorded.
 */
export function putOpenInferenceContext(out: Attributes, a: Attributes): void {
  const ctx = readTraceContext(a);
  if (ctx.tags) out[OI.TAG_TAGS] = ctx.tags;
  if (ctx.metadata) out[OI.METADATA] = safeJsonStringify(ctx.metadata);
  putAttribute(out, OI.PROMPT_TEMPLATE, ctx.promptTemplate);
  putAttribute(out, OI.PROMPT_TEMPLATE_VARIABLES, ctx.promptVariables);
  putAttribute(out, OI.PROMPT_TEMPLATE_VERSION, ctx.promptVersion);
  if (ctx.input !== undefined && out[OI.INPUT_VALUE] === undefined) {
    out[OI.INPUT_VALUE] = ctx.input;
    out[OI.INPUT_MIME_TYPE] = mimeOf(ctx.input);
  }
  if (ctx.output !== undefined && out[OI.OUTPUT_VALUE] === undefined) {
    out[OI.OUTPUT_VALUE] = ctx.output;
    out[OI.OUTPUT_MIME_TYPE] = mimeOf(ctx.output);
  }
  const node = a[LANGGRAPH_NODE];
  if (typeof node === "string" && node !== "") {
    out[OI.GRAPH_NODE_ID] = node;
    out[OI.GRAPH_NODE_NAME] = node;
  }
}
