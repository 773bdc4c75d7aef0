import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OtlpReceiver, startOtlpReceiver } from "@genai-otel-internal/otlp-receiver";
import { setupTracing } from "@genai-otel/exporter-presets";
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useCleanEnv } from "./helpers";

let receiver: OtlpReceiver;
let dir: string;

// A receiver per test: a late export of an earlier test (a retry, a timed-out request) never reaches this one.
beforeEach(async () => {
  receiver = await startOtlpReceiver();
});
afterEach(() => receiver.close());
// After the receiver's hooks: tracing set up in a test shuts down (and flushes) before its receiver closes.
const { log } = useCleanEnv();
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "genai-otel-file-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function record(path?: string) {
  const tracing = setupTracing({
    serviceName: "file-test",
    presets: [path === undefined ? "file" : { name: "file", options: { path } }],
    registerGlobal: false,
  });
  const tracer = tracing.tracerProvider.getTracer("file", "1.2.3");
  const root = tracer.startSpan("invoke_agent a", { attributes: { "gen_ai.operation.name": "invoke_agent" } });
  const chat = tracer.startSpan(
    "chat m",
    {
      kind: SpanKind.CLIENT,
      attributes: { "gen_ai.usage.input_tokens": 7, "gen_ai.request.temperature": 0.5, "gen_ai.request.stream": true, "gen_ai.response.finish_reasons": ["stop"] },
    },
    trace.setSpan(context.active(), root),
  );
  chat.addEvent("gen_ai.content.chunk", { index: 1 });
  chat.setStatus({ code: SpanStatusCode.ERROR, message: "rate limited" });
  chat.end();
  root.end();
  await tracing.shutdown();
  return { tracing, rootId: root.spanContext().spanId, chatId: chat.spanContext().spanId };
}

describe("file preset", () => {
  it("appends OTLP/JSON lines that an OTLP receiver decodes", async () => {
    const path = join(dir, "traces.jsonl");
    const { tracing, rootId, chatId } = await record(path);
    expect(tracing.stats()[0]).toMatchObject({ preset: "file", exportedSpans: 2, failedSpans: 0 });

    const lines = readFileSync(path, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const response = await fetch(`${receiver.httpUrl}/v1/traces`, { method: "POST", headers: { "content-type": "application/json" }, body: lines[0] });
    expect(response.status).toBe(200);
    const spans = receiver.spans();
    const chat = spans.find((span) => span.spanId === chatId);
    expect(chat).toMatchObject({
      name: "chat m",
      kind: 3,
      parentSpanId: rootId,
      attributes: { "gen_ai.usage.input_tokens": 7, "gen_ai.request.temperature": 0.5, "gen_ai.request.stream": true, "gen_ai.response.finish_reasons": ["stop"] },
      status: { code: 2, message: "rate limited" },
      events: [{ name: "gen_ai.content.chunk", attributes: { index: 1 } }],
      resource: { "service.name": "file-test" },
      scope: { name: "file", version: "1.2.3" },
    });
    expect(chat!.durationMs).toBeGreaterThanOrEqual(0);
    expect(spans.find((span) => span.spanId === rootId)?.parentSpanId).toBeUndefined();
  });

  it("takes the path from GENAI_OTEL_FILE_PATH and appends across runs", async () => {
    const path = join(dir, "env.jsonl");
    vi.stubEnv("GENAI_OTEL_FILE_PATH", path);
    await record();
    await record();
    expect(readFileSync(path, "utf8").trimEnd().split("\n")).toHaveLength(2);
    expect(log().text()).toContain(`preset "file" appends OTLP/JSON lines to ${path} (path from GENAI_OTEL_FILE_PATH)`);
  });

  it("counts and reports a write failure without throwing", async () => {
    const sub = join(dir, "gone");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(sub);
    const tracing = setupTracing({ presets: [{ name: "file", options: { path: join(sub, "t.jsonl") } }], registerGlobal: false });
    rmSync(sub, { recursive: true });
    tracing.tracerProvider.getTracer("x").startSpan("lost").end();
    await tracing.shutdown();
    expect(tracing.stats()[0]).toMatchObject({ exportedSpans: 0, failedSpans: 1 });
    expect(log().text()).toContain('preset "file" could not export 1 span(s)');
  });
});
