import type { Callbacks } from "@langchain/core/callbacks/manager";
import { BaseChatModel, type BaseChatModelCallOptions, type BindToolsInput } from "@langchain/core/language_models/chat_models";
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import { AIMessage, type AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import type { Runnable } from "@langchain/core/runnables";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { z } from "zod";
import type { LangChainWorkload } from "./langchain-chain";

interface FakeToolCallOptions extends BaseChatModelCallOptions {
  tools?: BindToolsInput[];
}

/**
 * A chat model for a ReAct loop without network: asks for the weather tool first, and answers once
 * the last message is the tool's result. Reports usage and a model name as a provider would.
 */
export class FakeToolCallingChatModel extends BaseChatModel<FakeToolCallOptions> {
  _llmType(): string {
    return "fake-tool-calling";
  }

  override invocationParams(options?: this["ParsedCallOptions"]) {
    return { model: "fake-tool-model", tools: options?.tools };
  }

  override bindTools(tools: BindToolsInput[]): Runnable<BaseLanguageModelInput, AIMessageChunk, FakeToolCallOptions> {
    return this.withConfig({ tools } as Partial<FakeToolCallOptions>);
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const last = messages.at(-1);
    const answered = last?._getType() === "tool";
    const message = answered
      ? new AIMessage({ content: "It is sunny in Paris.", response_metadata: { model_name: "fake-tool-model", finish_reason: "stop" } })
      : new AIMessage({
          content: "",
          tool_calls: [{ id: "call_1", name: "get_weather", args: { city: "Paris" }, type: "tool_call" }],
          response_metadata: { model_name: "fake-tool-model", finish_reason: "tool_calls" },
        });
    message.usage_metadata = { input_tokens: 20, output_tokens: 8, total_tokens: 28 };
    return { generations: [{ text: typeof message.content === "string" ? message.content : "", message }] };
  }
}

const getWeather = tool(async ({ city }: { city: string }) => `It is sunny in ${city}.`, {
  name: "get_weather",
  description: "Current weather in a city",
  schema: z.object({ city: z.string() }),
});

/** A LangGraph ReAct agent (createReactAgent) with one tool: model → tool → model, per invoke. */
export function reactWorkload(): LangChainWorkload {
  const agent = createReactAgent({ llm: new FakeToolCallingChatModel({}), tools: [getWeather], name: "weather_agent" });
  return {
    name: "LangGraph ReAct agent, 1 tool call",
    run: (callbacks: Callbacks | undefined) => agent.invoke({ messages: [{ role: "user", content: "Weather in Paris?" }] }, { callbacks }),
  };
}
