import { type Attributes, type Link, SpanKind, diag } from "@opentelemetry/api";
import {
  ATTR_GEN_AI_TOOL_CALL_ARGUMENTS,
  ATTR_GEN_AI_TOOL_CALL_ID,
  ATTR_GEN_AI_TOOL_NAME,
  ATTR_GENAI_OTEL_CACHED,
  ATTR_GENAI_OTEL_EVENT_DATA,
  ATTR_GENAI_OTEL_FRAMEWORK,
  ATTR_GENAI_OTEL_OUTPUT,
  ATTR_GENAI_OTEL_RESUMED,
  ATTR_GENAI_OTEL_RUN_TYPE,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_LANGGRAPH_NODE,
  ATTR_LANGGRAPH_STEP,
  EVENT_GENAI_OTEL_AGENT_ACTION,
  EVENT_GENAI_OTEL_AGENT_FINISH,
  type ChatMessage,
  inferenceRequestAttributes,
  inferenceResultAttributes,
  retrievalAttributes,
  spanKindFor,
  spanName,
  toolAttributes,
  workflowAttributes,
} from "@genai-otel/core-semconv";
import { resolveSetting } from "@genai-otel/core-semconv/internal";
import type { AgentAction, AgentFinish } from "@langchain/core/agents";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import type { DocumentInterface } from "@langchain/core/documents";
import type { Serialized } from "@langchain/core/load/serializable";
import type { BaseMessage } from "@langchain/core/messages";
import type { LLMResult } from "@langchain/core/outputs";
import type { ChainValues } from "@langchain/core/utils/types";
import { inferenceResult, outputMessages, requestModel, requestParams, toolDefinitions } from "./llm-mapping";
import { toChatMessage } from "./messages";
import type { LangChainInstrumentationOptions } from "./options";
import { providerFromLangChain, serverOfClient } from "./provider";
import { currentSpanSlot, enableContextPropagation, hasContextManager } from "./context-propagation";
import { AGENT_RUN_NAMES, HIDDEN_TAG, agentSpan, isCreateAgent, isGraph } from "./run-kinds";
import { markAgent, nearestGraph, noteInference } from "./agents";
import { parseMaybeJson, reportFailure, serializedName, toolCallFromInput } from "./callback-args";
import { controlFlowOf, isResumeInput } from "./control-flow";
import type { RunEntry } from "./run-registry";
import { LANGCHAIN_SETTINGS } from "./settings";
import { RunTracker, attachTracker } from "./tracker";
import { isPromptTemplate, templateOf } from "./prompt-template";
import { rootContent } from "./root-io";

const FRAMEWORK = "langchain";
/**
 * A LangChain.js callback handler that records runs as OpenTelemetry spans named and attributed by
 * the GenAI semantic conventions: chains (by run name), chat models and LLMs (`chat {model}` /
 * `text_completion {model}`, CLIENT), tools (`execute_tool {name}`), retrievers (`retrieval {source}`).
 * Spans nest by run id / parent run id, else under the context active when the run starts.
 *
 * It runs inline (`awaitHandlers = true`), not on LangChain's background callback queue, so each
 * span's parent is right even under concurrency. No callback ever throws into LangChain: failures
 * are reported through `diag`.
 *
 * @example
 * ```ts
 * const handler = new OpenTelemetryCallbackHandler();
 * await chain.invoke(input, { callbacks: [handler] });
 * ```
 */
export class OpenTelemetryCallbackHandler extends BaseCallbackHandler {
  name = "OpenTelemetryCallbackHandler";
  /** State shared by every copy LangChain makes of this handler. */
  private readonly tracker: RunTracker;
  private undoPropagation?: () => void;

  /**
   * @param options - see {@link LangChainInstrumentationOptions}; content capture defaults to off
   *   (env `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`).
   */
  constructor(options: LangChainInstrumentationOptions = {}) {
    super();
    this.awaitHandlers = true;
    const copyOf = options instanceof OpenTelemetryCallbackHandler ? options : undefined;
    this.tracker = copyOf ? copyOf.tracker : new RunTracker(options);
    attachTracker(this, this.tracker);
    const propagate = resolveSetting(LANGCHAIN_SETTINGS.propagateContext, options.propagateContext);
    if (!copyOf) this.tracker.propagate = propagate;
    if (!copyOf && propagate) {
      this.undoPropagation = enableContextPropagation();
      if (!hasContextManager()) {
        diag.warn(
          "genai-otel/langchain: propagateContext is on but no OpenTelemetry context manager is registered (yet), so spans made inside runs " +
            "do not nest under them. Register one first (setupTracing or NodeSDK on Node, Bun, Deno); Workers without nodejs_compat and " +
            "Vercel Edge have no AsyncLocalStorage, so it is unavailable there (runs still nest by LangChain's run ids).",
        );
      }
    }
  }

  /** Number of runs currently open (spans started and not yet ended). */
  get openRuns(): number {
    return this.tracker.registry.size;
  }

  /**
   * Ends every open span (marked `genai_otel.incomplete`) and stops tracing: runs that start later
   * (through this handler or any copy of it) get no span. Call before shutting the tracer provider down.
   */
  shutdown(): void {
    try {
      this.tracker.closed = true;
      this.tracker.registry.endAll();
      this.undoPropagation?.();
    } catch (err) {
      reportFailure("shutdown", err);
    }
  }

  /**
   * Ends a run that needs nothing read at its end (a chain's end, any error) but, for a root run
   * with capture on, its input and output (`outputs`, absent on error); never throws. LangGraph
   * control flow (interrupt, hand-off to the parent) and cancellation end without an error.
   */
  private endRun(method: string, runId: string, err?: Error, outputs?: unknown): void {
    try {
      const flow = err === undefined ? undefined : controlFlowOf(err);
      if (flow) this.tracker.endFlow(runId, flow);
      else this.tracker.end(runId, this.tracker.policy.enabled ? (entry) => this.recordRootIO(entry, outputs) : undefined, err);
    } catch (failure) {
      reportFailure(method, failure);
    }
  }

  private recordRootIO(entry: RunEntry, outputs: unknown): undefined {
    if (entry.rootInput) {
      const input = entry.rootInput.value;
      this.tracker.emitContent(entry, (policy, mask) => rootContent(policy, mask, entry.agent !== undefined, input, outputs));
    }
    return undefined;
  }

  // handleChainStart is called as (chain, inputs, runId, parentRunId, tags, metadata, runType, runName, extra)
  // by @langchain/core's CallbackManager, though BaseCallbackHandler's .d.ts declares
  // (chain, inputs, runId, runType, tags, metadata, runName, parentRunId, extra). Both shapes type-check here.
  override handleChainStart(
    chain: Serialized,
    inputs: ChainValues,
    runId: string,
    arg4?: string,
    tags?: string[],
    metadata?: Record<string, unknown>,
    arg7?: string,
    arg8?: string,
  ): void {
    try {
      // If arg4 is not a known run but arg8 is, the caller used the declared order.
      const declaredOrder = arg8 !== undefined && !this.tracker.registry.has(arg4 ?? "") && this.tracker.registry.has(arg8);
      const parentRunId = declaredOrder ? arg8 : arg4;
      const runName = declaredOrder ? arg7 : arg8;
      const name = runName ?? serializedName(chain) ?? "chain";
      const graphRun = isGraph(chain);
      const attributes: Attributes = { [ATTR_GENAI_OTEL_FRAMEWORK]: FRAMEWORK };
      let spanTitle = name;
      let agent = false;
      if ((graphRun && isCreateAgent(metadata)) || (!graphRun && AGENT_RUN_NAMES.has(name))) {
        // The framework says it is an agent: createAgent's graph, a legacy AgentExecutor.
        agent = true;
        const a = agentSpan(name);
        spanTitle = a.name;
        Object.assign(attributes, a.attributes);
      } else if (graphRun) {
        // Other graphs are decided at their end: an agent once a model inside is offered tools, else a workflow.
      } else if (parentRunId === undefined) {
        spanTitle = spanName("invoke_workflow", name);
        Object.assign(attributes, workflowAttributes(name));
      } else {
        attributes[ATTR_GENAI_OTEL_RUN_TYPE] = "chain";
        // A node's own run (a subgraph's graph run below it inherits the metadata: not a node)
        if (metadata !== undefined && metadata.langgraph_node === name) {
          attributes[ATTR_LANGGRAPH_NODE] = name;
          if (typeof metadata.langgraph_step === "number") attributes[ATTR_LANGGRAPH_STEP] = metadata.langgraph_step;
        }
      }
      let threadId: string | undefined;
      let links: Link[] | undefined;
      if (parentRunId === undefined && metadata !== undefined) {
        const thread = metadata.thread_id;
        threadId = typeof thread === "string" && thread ? thread : undefined;
        const resumed = isResumeInput(inputs) ? this.tracker.takeInterrupted(threadId) : undefined;
        if (resumed) {
          links = [{ context: resumed, attributes: { [ATTR_GENAI_OTEL_RESUMED]: true } }];
          attributes[ATTR_GENAI_OTEL_RESUMED] = true;
        }
      }
      const entry = this.tracker.start(runId, parentRunId, {
        name: spanTitle,
        kind: SpanKind.INTERNAL,
        attributes,
        metadata,
        tags,
        hidden: tags?.includes(HIDDEN_TAG),
        graphName: graphRun ? name : undefined,
        agent,
        threadId,
        links,
      });
      if (entry && this.tracker.policy.enabled) {
        if (entry.root === undefined) entry.rootInput = { value: inputs };
        if (isPromptTemplate(chain)) this.tracker.notePrompt(entry, parentRunId, { template: templateOf(chain), variables: inputs });
      }
    } catch (err) {
      reportFailure("handleChainStart", err);
    }
  }

  override handleChainEnd(outputs: ChainValues, runId: string): void {
    this.endRun("handleChainEnd", runId, undefined, outputs);
  }

  override handleChainError(err: Error, runId: string): void {
    this.endRun("handleChainError", runId, err);
  }

  override handleChatModelStart(
    _llm: Serialized,
    messages: BaseMessage[][],
    runId: string,
    parentRunId?: string,
    extraParams?: Record<string, unknown>,
    tags?: string[],
    metadata?: Record<string, unknown>,
  ): void {
    try {
      this.startInference("chat", _llm, runId, parentRunId, extraParams, tags, metadata, messages);
    } catch (err) {
      reportFailure("handleChatModelStart", err);
    }
  }

  override handleLLMStart(
    _llm: Serialized,
    prompts: string[],
    runId: string,
    parentRunId?: string,
    extraParams?: Record<string, unknown>,
    tags?: string[],
    metadata?: Record<string, unknown>,
  ): void {
    try {
      this.startInference("text_completion", _llm, runId, parentRunId, extraParams, tags, metadata, prompts);
    } catch (err) {
      reportFailure("handleLLMStart", err);
    }
  }

  private startInference(
    operation: "chat" | "text_completion",
    llm: Serialized,
    runId: string,
    parentRunId: string | undefined,
    extraParams: Record<string, unknown> | undefined,
    tags: string[] | undefined,
    metadata: Record<string, unknown> | undefined,
    input: BaseMessage[][] | string[],
  ): void {
    const invocation = extraParams?.invocation_params as Record<string, unknown> | undefined;
    const model = requestModel(invocation, metadata);
    const provider = providerFromLangChain(metadata?.ls_provider);
    const server = serverOfClient(llm, provider);
    const attributes = inferenceRequestAttributes({
      operation,
      provider,
      model,
      serverAddress: server?.address,
      serverPort: server?.port,
      params: requestParams(invocation, metadata),
    });
    attributes[ATTR_GENAI_OTEL_FRAMEWORK] = FRAMEWORK;
    const entry = this.tracker.start(runId, parentRunId, {
      name: spanName(operation, model),
      kind: spanKindFor(operation),
      attributes,
      metadata,
      tags,
      recordMetrics: true,
    });
    const tools = toolDefinitions(invocation);
    this.tracker.noteToolDescriptions(entry, tools);
    // A model offered tools to choose from (not forced to one, as structured output does) runs an agent loop.
    if (entry && tools?.length && (invocation?.tool_choice === undefined || typeof invocation.tool_choice === "string")) markAgent(nearestGraph(entry.parent));
    if (this.tracker.policy.enabled) {
      const inputMessages = () => (operation === "chat" ? (input as BaseMessage[][]).flat().map((m) => toChatMessage(m, this.tracker.policy.maxBlobBytes)) : (input as string[]).map(promptMessage));
      this.tracker.emitContent(entry, (policy, mask) => {
        const content = policy.inference({ inputMessages, toolDefinitions: () => tools }, mask);
        const prompt = this.tracker.promptContent(entry, parentRunId, mask);
        return prompt ? Object.assign(content, prompt) : content;
      });
    }
    const slot = this.tracker.propagate ? currentSpanSlot() : undefined;
    if (slot && !slot.span && entry?.span) slot.span = entry.span;
  }

  override handleLLMNewToken(_token: string, _idx: unknown, runId: string): void {
    const entry = this.tracker.registry.get(runId);
    if (entry && entry.firstChunkAt === undefined) firstChunk(entry);
  }

  /**
   * Chat model stream events (`streamEvents` v3, LangGraph `messages` streaming with v3, any handler
   * with `lc_prefer_chat_model_stream_events`): they replace `handleLLMNewToken` on that path. Records
   * time to first chunk and streaming, and keeps the provider's own finish reason (LangChain's
   * normalised one, e.g. `tool_use`, is what reaches `handleLLMEnd`).
   */
  override handleChatModelStreamEvent(event: { event?: string; reason?: unknown; responseMetadata?: Record<string, unknown> }, runId: string): void {
    try {
      const entry = this.tracker.registry.get(runId);
      if (!entry) return;
      if (entry.firstChunkAt === undefined && event.event !== "message-start") firstChunk(entry);
      if (event.event === "message-finish") {
        const raw = event.responseMetadata?.finish_reason ?? event.reason;
        if (typeof raw === "string" && raw) entry.streamFinishReason = raw;
      }
    } catch (err) {
      reportFailure("handleChatModelStreamEvent", err);
    }
  }

  override handleLLMEnd(output: LLMResult, runId: string, _parentRunId?: string, _tags?: string[], extraParams?: Record<string, unknown>): void {
    try {
      this.tracker.end(runId, (entry) => {
        const result = inferenceResult(output);
        if (entry.streamFinishReason !== undefined) result.finishReasons = [entry.streamFinishReason];
        if (entry.firstChunkAt !== undefined) result.timeToFirstChunk = (entry.firstChunkAt - entry.startedAt) / 1000;
        const attrs = inferenceResultAttributes(result);
        const start = entry.startAttributes;
        noteInference(entry, start?.[ATTR_GEN_AI_PROVIDER_NAME] as string | undefined, start?.[ATTR_GEN_AI_REQUEST_MODEL] as string | undefined, result.usage);
        if (extraParams?.cached === true) attrs[ATTR_GENAI_OTEL_CACHED] = true;
        if (this.tracker.policy.enabled) {
          this.tracker.emitContent(entry, (policy, mask) => policy.inference({ outputMessages: () => outputMessages(output, this.tracker.policy.maxBlobBytes) }, mask));
        }
        return attrs;
      });
    } catch (err) {
      reportFailure("handleLLMEnd", err);
    }
  }

  override handleLLMError(err: Error, runId: string): void {
    this.endRun("handleLLMError", runId, err);
  }

  override handleToolStart(
    tool: Serialized,
    input: string,
    runId: string,
    parentRunId?: string,
    tags?: string[],
    metadata?: Record<string, unknown>,
    runName?: string,
    toolCallId?: string,
  ): void {
    try {
      const name = runName ?? serializedName(tool) ?? "tool";
      const description = this.tracker.toolDescription(parentRunId, name);
      // @langchain/core 1.0 passes no call id, and the whole tool call as the input.
      const call = toolCallId === undefined ? toolCallFromInput(input) : undefined;
      const attributes = toolAttributes({ name, callId: toolCallId ?? call?.id, description });
      attributes[ATTR_GENAI_OTEL_FRAMEWORK] = FRAMEWORK;
      const entry = this.tracker.start(runId, parentRunId, { name: spanName("execute_tool", name), kind: spanKindFor("execute_tool"), attributes, metadata, tags });
      this.tracker.emitContent(entry, (policy, mask) => policy.tool({ arguments: () => (call ? call.args : parseMaybeJson(input)) }, mask));
    } catch (err) {
      reportFailure("handleToolStart", err);
    }
  }

  override handleToolEnd(output: unknown, runId: string): void {
    try {
      this.tracker.end(runId, (entry) => {
        const isToolMessage = output !== null && typeof output === "object" && "tool_call_id" in output;
        const result = () => (isToolMessage ? (output as unknown as { content: unknown }).content : output);
        this.tracker.emitContent(entry, (policy, mask) => policy.tool({ result }, mask));
        // The tool message names the model's call: the call id where handleToolStart had none (@langchain/core 1.0).
        const callId = isToolMessage ? (output as { tool_call_id?: unknown }).tool_call_id : undefined;
        return typeof callId === "string" && callId ? { [ATTR_GEN_AI_TOOL_CALL_ID]: callId } : undefined;
      });
    } catch (err) {
      reportFailure("handleToolEnd", err);
    }
  }

  override handleToolError(err: Error, runId: string): void {
    this.endRun("handleToolError", runId, err);
  }

  override handleRetrieverStart(
    retriever: Serialized,
    query: string,
    runId: string,
    parentRunId?: string,
    tags?: string[],
    metadata?: Record<string, unknown>,
    name?: string,
  ): void {
    try {
      const source = name ?? serializedName(retriever);
      const attributes = retrievalAttributes({ dataSourceId: source });
      attributes[ATTR_GENAI_OTEL_FRAMEWORK] = FRAMEWORK;
      const entry = this.tracker.start(runId, parentRunId, { name: spanName("retrieval", source), kind: spanKindFor("retrieval"), attributes, metadata, tags });
      this.tracker.emitContent(entry, (policy, mask) => policy.retrieval({ query: () => query }, mask));
    } catch (err) {
      reportFailure("handleRetrieverStart", err);
    }
  }

  override handleRetrieverEnd(documents: DocumentInterface[], runId: string): void {
    try {
      this.tracker.end(runId, (entry) => {
        const docs = () => documents.map((d) => ({ id: d.id, content: d.pageContent, metadata: d.metadata }));
        this.tracker.emitContent(entry, (policy, mask) => policy.retrieval({ documents: docs }, mask));
        return retrievalAttributes({ documentCount: documents.length });
      });
    } catch (err) {
      reportFailure("handleRetrieverEnd", err);
    }
  }

  override handleRetrieverError(err: Error, runId: string): void {
    this.endRun("handleRetrieverError", runId, err);
  }

  // Agent steps: own event names; their content goes on the event only in the modes that put content on events,
  // and as the run's mask says (the tool call itself is an execute_tool span with its own content).
  override handleAgentAction(action: AgentAction, runId: string): void {
    try {
      const attrs: Attributes = { [ATTR_GEN_AI_TOOL_NAME]: action.tool };
      const mask = this.tracker.registry.get(runId)?.mask;
      const input = this.tracker.policy.forEvent(action.toolInput, ATTR_GEN_AI_TOOL_CALL_ARGUMENTS, mask?.input);
      if (input !== undefined) attrs[ATTR_GEN_AI_TOOL_CALL_ARGUMENTS] = input;
      this.tracker.event(runId, EVENT_GENAI_OTEL_AGENT_ACTION, attrs);
    } catch (err) {
      reportFailure("handleAgentAction", err);
    }
  }

  override handleAgentEnd(finish: AgentFinish, runId: string): void {
    try {
      const mask = this.tracker.registry.get(runId)?.mask;
      const output = this.tracker.policy.forEvent(finish.returnValues, ATTR_GENAI_OTEL_OUTPUT, mask?.output);
      this.tracker.event(runId, EVENT_GENAI_OTEL_AGENT_FINISH, output === undefined ? undefined : { [ATTR_GENAI_OTEL_OUTPUT]: output });
    } catch (err) {
      reportFailure("handleAgentEnd", err);
    }
  }

  override handleCustomEvent(eventName: string, data: unknown, runId: string): void {
    try {
      // The user named and dispatched this event: its data goes on it whenever capture is on.
      const payload = this.tracker.policy.serialize(data, ATTR_GENAI_OTEL_EVENT_DATA);
      this.tracker.event(runId, eventName, payload === undefined ? undefined : { [ATTR_GENAI_OTEL_EVENT_DATA]: payload });
    } catch (err) {
      reportFailure("handleCustomEvent", err);
    }
  }
}

/** Notes a run's first streamed chunk: its time, and that the response is streamed (LangChain may not say so in invocation params). */
function firstChunk(entry: RunEntry): void {
  entry.firstChunkAt = performance.now();
  entry.span?.setAttribute(ATTR_GEN_AI_REQUEST_STREAM, true);
}

/** A text-completion prompt as an input message. */
function promptMessage(prompt: string): ChatMessage {
  return { role: "user", parts: [{ type: "text", content: prompt }] };
}
