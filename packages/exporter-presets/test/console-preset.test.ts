import { createExporter, type ConsolePresetOptions } from "@genai-otel/exporter-presets";
import { type Context, context, SpanStatusCode, trace, TraceFlags } from "@opentelemetry/api";
import { ExportResultCode } from "@opentelemetry/core";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it, vi } from "vitest";
import { useCleanEnv } from "./helpers";

const { log } = useCleanEnv();

function consoleTracer(options: ConsolePresetOptions = {}) {
  const printed: string[] = [];
  const exporter = createExporter("console", { color: false, write: (text) => printed.push(text), ...options });
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer("test");
  const child = (parent: Parameters<typeof trace.setSpan>[1], name: string) => tracer.startSpan(name, {}, trace.setSpan(context.active(), parent));
  return { printed, exporter, provider, tracer, child };
}


describe("console preset", () => {
  it("prints the whole tree once, when the root span ends", () => {
    const { printed, tracer, child } = consoleTracer();
    const root = tracer.startSpan("invoke_agent weather");
    const chat = child(root, "chat gpt-4o-mini");
    chat.setAttributes({ "gen_ai.usage.input_tokens": 10, "gen_ai.usage.output_tokens": 20 });
    chat.end();
    const tool = child(root, "execute_tool get_weather");
    tool.setStatus({ code: SpanStatusCode.ERROR });
    tool.end();
    expect(printed).toEqual([]);
    root.end();
    expect(printed).toHaveLength(1);
    const lines = printed[0]!.trimEnd().split("\n");
    expect(lines[0]).toBe(`trace ${root.spanContext().traceId}`);
    expect(lines[1]).toMatch(/^└─ invoke_agent weather {2}[\d.]+ ms$/);
    expect(lines[2]).toMatch(/^ {3}├─ chat gpt-4o-mini {2}[\d.]+ ms {2}in=10 out=20 tokens$/);
    expect(lines[3]).toMatch(/^ {3}└─ execute_tool get_weather {2}[\d.]+ ms {2}\[ERROR\]$/);
  });

  it("treats a span with a remote parent as the local root", () => {
    const { printed, tracer } = consoleTracer();
    const remote: Context = trace.setSpanContext(context.active(), {
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
    tracer.startSpan("server", {}, remote).end();
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain("trace 0af7651916cd43dd8448eb211c80319c\n└─ server");
  });

  it("prints what is still buffered, marked incomplete, on forceFlush", async () => {
    const { printed, tracer, child, exporter } = consoleTracer();
    const root = tracer.startSpan("root");
    child(root, "done child").end();
    await exporter.forceFlush!();
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain("└─ done child");
    expect(printed[0]).toContain("(incomplete: its root span has not ended)");
    root.end(); // the root now prints alone
    expect(printed).toHaveLength(2);
    expect(printed[1]).toContain("└─ root");
  });

  it("bounds memory: evicts the oldest waiting trace and counts spans past the per-trace cap", () => {
    const { printed, tracer, child } = consoleTracer({ maxTraces: 2, maxSpansPerTrace: 2 });
    const roots = [tracer.startSpan("r1"), tracer.startSpan("r2"), tracer.startSpan("r3")];
    for (const root of roots) child(root, `child of ${root.spanContext().spanId}`).end();
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(`child of ${roots[0]!.spanContext().spanId}`);
    expect(printed[0]).toContain("(incomplete: evicted, too many traces waiting for their root span)");

    for (let i = 0; i < 4; i++) child(roots[2]!, `c${i}`).end();
    roots[2]!.end();
    expect(printed[1]!.match(/ c\d /g)).toHaveLength(1);
    expect(printed[1]).toContain("… 3 more span(s) not kept (maxSpansPerTrace=2)");
  });

  it("never throws into the app when writing fails", () => {
    const { tracer } = consoleTracer({
      write: () => {
        throw new Error("EPIPE");
      },
    });
    expect(() => tracer.startSpan("root").end()).not.toThrow();
    expect(log().text()).toContain("console preset could not write a trace EPIPE");
  });

  it("fails exports after shutdown", async () => {
    const { exporter } = consoleTracer();
    await exporter.shutdown();
    const result = await new Promise<{ code: ExportResultCode }>((resolve) => exporter.export([], resolve));
    expect(result.code).toBe(ExportResultCode.FAILED);
  });

  it("colours per FORCE_COLOR / NO_COLOR unless the option says otherwise", () => {
    vi.stubEnv("FORCE_COLOR", "1");
    const forced = consoleTracer({ color: undefined });
    forced.tracer.startSpan("x").end();
    expect(forced.printed[0]).toContain("\u001b[");
    vi.stubEnv("NO_COLOR", "1");
    const plain = consoleTracer({ color: undefined });
    plain.tracer.startSpan("x").end();
    expect(plain.printed[0]).not.toContain("\u001b[");
  });

  it("shows extra attributes on request", () => {
    const { printed, tracer } = consoleTracer({ attributes: ["gen_ai.provider.name"] });
    tracer.startSpan("chat m", { attributes: { "gen_ai.provider.name": "openai" } }).end();
    expect(printed[0]).toContain("gen_ai.provider.name=openai");
  });
});
