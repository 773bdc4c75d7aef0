import { withTool, withWorkflow } from "@genai-otel/core-semconv";
import { OpenTelemetryCallbackHandler } from "@genai-otel/langchain-otel";
import { RunnableLambda } from "@langchain/core/runnables";
import { describe, expect, it } from "vitest";
import { chatModel, useStandIns } from "./setup";

const { server, tracing } = useStandIns();

describe("manual API and LangChain spans nest both ways", () => {
  it("a chain inside withWorkflow, and a withTool inside the chain's lambda", async () => {
    const handler = new OpenTelemetryCallbackHandler({ propagateContext: true });
    const model = chatModel(server());
    const chain = RunnableLambda.from(async (q: string, config) => {
      const enriched = await withTool("enrich", async (s: string) => `${s} (enriched)`, q);
      return (await model.invoke(enriched, config)).content;
    }).withConfig({ runName: "answer" });
    try {
      await withWorkflow("support-flow", () => chain.invoke("Hi?", { callbacks: [handler] }));
    } finally {
      handler.shutdown();
    }
    expect(tracing().shape()).toEqual([
      {
        name: "invoke_workflow support-flow",
        children: [{ name: "invoke_workflow answer", children: [{ name: "execute_tool enrich", children: [] }, { name: "chat gpt-4o-mini", children: [] }] }],
      },
    ]);
  });
});
