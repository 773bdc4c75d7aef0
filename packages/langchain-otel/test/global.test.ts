import { registerOpenTelemetryHandler } from "@genai-otel/langchain-otel";
import { RunnableLambda } from "@langchain/core/runnables";
import { describe, expect, it } from "vitest";
import { chatModel, useStandIns } from "./setup";

const { server, tracing } = useStandIns();

describe("registerOpenTelemetryHandler", () => {
  it("traces runs with no callbacks option, until unregistered", async () => {
    const registration = registerOpenTelemetryHandler();
    const model = chatModel(server());
    const chain = RunnableLambda.from(async (q: string, config) => (await model.invoke(q, config)).content).withConfig({ runName: "ask" });
    await chain.invoke("Global?");
    expect(tracing().shape()).toEqual([{ name: "invoke_workflow ask", children: [{ name: "chat gpt-4o-mini", children: [] }] }]);

    registration.unregister();
    tracing().reset();
    await chain.invoke("Not traced?");
    expect(tracing().spans()).toHaveLength(0);
    expect(registration.handler.openRuns).toBe(0);
  });
});
