import { ContentPolicy, ENV_CAPTURE_MESSAGE_CONTENT, resolveContentCapture } from "@genai-otel/core-semconv";
import { describe, expect, it, vi } from "vitest";

describe("resolveContentCapture", () => {
  it("takes the option over the env var, and defaults to NO_CONTENT", () => {
    expect(resolveContentCapture(undefined, {})).toBe("NO_CONTENT");
    expect(resolveContentCapture(undefined, { [ENV_CAPTURE_MESSAGE_CONTENT]: "true" })).toBe("SPAN_ONLY");
    expect(resolveContentCapture(false, { [ENV_CAPTURE_MESSAGE_CONTENT]: "true" })).toBe("NO_CONTENT");
    expect(resolveContentCapture(true, { [ENV_CAPTURE_MESSAGE_CONTENT]: "false" })).toBe("SPAN_ONLY");
    expect(resolveContentCapture("SPAN_AND_EVENT", {})).toBe("SPAN_AND_EVENT");
  });

  it("accepts the boolean and the newer mode values, case-insensitively", () => {
    const cases: [string, string][] = [
      ["TRUE", "SPAN_ONLY"],
      ["1", "SPAN_ONLY"],
      ["false", "NO_CONTENT"],
      ["0", "NO_CONTENT"],
      ["no_content", "NO_CONTENT"],
      ["span_only", "SPAN_ONLY"],
      ["EVENT_ONLY", "EVENT_ONLY"],
      ["span_and_event", "SPAN_AND_EVENT"],
      ["yes please", "NO_CONTENT"],
    ];
    for (const [raw, mode] of cases) expect(resolveContentCapture(undefined, { [ENV_CAPTURE_MESSAGE_CONTENT]: raw }), raw).toBe(mode);
  });
});

describe("ContentPolicy", () => {
  it("never calls content thunks when capture is off", () => {
    const thunk = vi.fn(() => [{ role: "user", parts: [] }]);
    const policy = new ContentPolicy({ captureContent: false });
    expect(policy.inference({ inputMessages: thunk, outputMessages: thunk })).toEqual({});
    expect(policy.tool({ arguments: thunk, result: thunk })).toEqual({});
    expect(policy.retrieval({ query: () => "q", documents: thunk as never })).toEqual({});
    expect(policy.serialize({ a: 1 }, "x")).toBeUndefined();
    expect(thunk).not.toHaveBeenCalled();
  });

  it("serialises content as GenAI JSON when on, and respects masks", () => {
    const policy = new ContentPolicy({ captureContent: true });
    const attrs = policy.inference(
      {
        inputMessages: () => [{ role: "user", parts: [{ type: "text", content: "hi" }] }],
        outputMessages: () => [{ role: "assistant", parts: [{ type: "text", content: "hello" }], finish_reason: "stop" }],
        toolDefinitions: () => [],
      },
      { output: true },
    );
    expect(attrs).toEqual({ "gen_ai.input.messages": '[{"role":"user","parts":[{"type":"text","content":"hi"}]}]' });
    expect(policy.tool({ arguments: () => ({ city: "Paris" }), result: () => "sunny" }, { input: true })).toEqual({ "gen_ai.tool.call.result": "sunny" });
  });

  it("keeps each attribute within maxContentLength characters, cut inside the JSON, which stays valid", () => {
    const policy = new ContentPolicy({ captureContent: true, maxContentLength: 400 });
    const message = (text: string) => ({ role: "user", parts: [{ type: "text", content: text }] });
    const attrs = policy.inference({ inputMessages: () => [message("a".repeat(100)), message("b".repeat(300)), message("c")] });
    const json = String(attrs["gen_ai.input.messages"]);
    expect(json.length).toBeLessThanOrEqual(400);
    const parsed = JSON.parse(json);
    expect(parsed[0].parts[0].content).toBe("a".repeat(100));
    expect(parsed[1].parts[0].content).toMatch(/^b+…\[\d+ more chars\]$/); // cut to fit what was left
    expect(parsed[1].parts[0]["…"]).toBe("[truncated: 400-char budget spent]"); // the walk stopped there
    expect(parsed).toHaveLength(2);
    // A string on its own is cut like any other, to the same budget.
    const text = String(policy.tool({ result: () => "x".repeat(1000) })["gen_ai.tool.call.result"]);
    expect(text.length).toBeLessThanOrEqual(400);
    expect(text).toMatch(/^x{300,}…\[\d+ more chars\]$/);
  });

  it("passes each content value through the redaction hook, which can replace or drop it", () => {
    const seen: string[] = [];
    const policy = new ContentPolicy({
      captureContent: true,
      redact: (value, { attribute }) => {
        seen.push(attribute);
        if (attribute === "gen_ai.tool.call.result") return undefined;
        if (attribute === "gen_ai.tool.call.arguments") throw new Error("redactor bug");
        return String(value).replace(/\d{4}-\d{4}/, "[card]");
      },
    });
    expect(policy.retrieval({ query: () => "card 1234-5678" })).toEqual({ "gen_ai.retrieval.query.text": "card [card]" });
    expect(policy.tool({ arguments: () => ({ a: 1 }), result: () => "x" })).toEqual({});
    expect(seen).toEqual(["gen_ai.retrieval.query.text", "gen_ai.tool.call.arguments", "gen_ai.tool.call.result"]);
  });

  it("emits content on span attributes, an event, or both, by mode", () => {
    const calls: string[] = [];
    const span = {
      setAttributes: () => calls.push("attributes"),
      addEvent: (name: string) => calls.push(`event ${name}`),
    } as unknown as import("@opentelemetry/api").Span;
    for (const mode of ["SPAN_ONLY", "EVENT_ONLY", "SPAN_AND_EVENT", "NO_CONTENT"] as const) {
      calls.length = 0;
      const policy = new ContentPolicy({ captureContent: mode });
      policy.emit(span, policy.tool({ arguments: () => "a" }));
      policy.emit(span, {});
      expect([mode, ...calls]).toEqual(
        {
          SPAN_ONLY: [mode, "attributes"],
          EVENT_ONLY: [mode, "event gen_ai.client.inference.operation.details"],
          SPAN_AND_EVENT: [mode, "attributes", "event gen_ai.client.inference.operation.details"],
          NO_CONTENT: [mode],
        }[mode],
      );
    }
  });

  it("drops only the field whose content thunk throws", () => {
    const policy = new ContentPolicy({ captureContent: true });
    const attrs = policy.tool({
      arguments: () => {
        throw new Error("bad");
      },
      result: () => 42,
    });
    expect(attrs).toEqual({ "gen_ai.tool.call.result": "42" });
  });
});
