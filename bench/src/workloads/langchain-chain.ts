import type { Callbacks } from "@langchain/core/callbacks/manager";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { FakeListChatModel } from "@langchain/core/utils/testing";

/** A LangChain workload: one invocation with the given callbacks. */
export interface LangChainWorkload {
  name: string;
  run(callbacks: Callbacks | undefined): Promise<unknown>;
}

/**
 * prompt | chat model | parser, with LangChain's FakeListChatModel (no network, no delay): the
 * smallest realistic chain. One invoke is 4 runs: the sequence, the prompt, the chat model, the parser.
 */
export function chainWorkload(): LangChainWorkload {
  const prompt = ChatPromptTemplate.fromMessages([
    ["system", "You are a terse assistant. Answer in one sentence."],
    ["human", "What is the capital of {country}?"],
  ]);
  const model = new FakeListChatModel({ responses: ["The capital of France is Paris."] });
  const chain = prompt.pipe(model).pipe(new StringOutputParser());
  return {
    name: "prompt | chat | parser",
    run: (callbacks) => chain.invoke({ country: "France" }, { callbacks }),
  };
}
