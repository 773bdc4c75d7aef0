import { agent, task, tool, withTraceAttributes, workflow } from "@genai-otel/core-semconv";
import { createTestTracing } from "@genai-otel/core-semconv/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const tracing = createTestTracing();
afterEach(() => tracing.reset());
afterAll(() => tracing.shutdown());

describe("decorators", () => {
  class Pipeline {
    constructor(private readonly factor: number) {}
    @workflow()
    async run(x: number): Promise<number> {
      return this.scale(x) + (await this.search("q")).length;
    }
    @task("scale-step")
    scale(x: number): number {
      return x * this.factor;
    }
    @tool({ description: "searches" })
    async search(q: string): Promise<string[]> {
      return [q, q];
    }
    @agent("helper")
    help(): string {
      return "ok";
    }
  }

  it("stamp the withTraceAttributes scope on every span they start", async () => {
    await withTraceAttributes({ conversationId: "c-dec", userId: "u-dec" }, () => new Pipeline(2).run(1));
    expect(tracing.spans()).toHaveLength(3);
    for (const s of tracing.spans()) expect([s.attributes["gen_ai.conversation.id"], s.attributes["user.id"]]).toEqual(["c-dec", "u-dec"]);
  });

  it("wrap methods, keeping `this`, arguments and results", async () => {
    const p = new Pipeline(3);
    expect(await p.run(2)).toBe(8);
    expect(p.help()).toBe("ok");
    expect(tracing.shape().map((r) => [r.name, r.children.map((c) => c.name)])).toEqual([
      ["invoke_workflow run", ["scale-step", "execute_tool search"]],
      ["invoke_agent helper", []],
    ]);
    expect(tracing.spans().find((s) => s.name === "execute_tool search")!.attributes["gen_ai.tool.description"]).toBe("searches");
  });
});
