import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { ChatOpenAI } from "@langchain/openai";

/** A small LangChain chain (prompt → chat model → parser), named `edge-qa`. */
export function makeChain(apiKey: string, baseURL: string) {
  const prompt = ChatPromptTemplate.fromMessages([
    ["system", "Answer in one short sentence."],
    ["human", "{question}"],
  ]);
  const model = new ChatOpenAI({ model: "gpt-4o-mini", apiKey, configuration: { baseURL }, maxRetries: 0 });
  return prompt.pipe(model).pipe(new StringOutputParser()).withConfig({ runName: "edge-qa" });
}
