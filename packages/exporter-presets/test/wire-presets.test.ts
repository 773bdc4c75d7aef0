import type { ReceivedRequest } from "@genai-otel-internal/otlp-receiver";
import { type PresetSelection, setupTracing } from "@genai-otel/exporter-presets";
import { context, SpanKind, trace } from "@opentelemetry/api";
import { describe, expect, it, vi } from "vitest";
import { basicAuth, type ExpectedRequest, expectRequest, PROTOBUF, selectionOf, useReceiver } from "./receiver-fixture";

const KEY = "fake-key-0123456789";
const SECRET = "fake-secret-9876543210";
const GRPC_PATH = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

const fx = useReceiver({ secrets: [KEY, SECRET], proxy: true });

interface WireCase extends ExpectedRequest {
  /** Expected resource attributes besides service.name. */
  resource?: Record<string, unknown>;
  /** The conventions the backend reads (default: OpenTelemetry GenAI as recorded). */
  conventions?: "openinference" | "traceloop" | "weave";
}

const INPUT = JSON.stringify([{ role: "user", parts: [{ type: "text", content: "Weather in Paris?" }] }]);
const OUTPUT = JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "Sunny." }], finish_reason: "stop" }]);

/** What each convention's backend reads on the chat and agent spans. */
const TRANSLATED = {
  openinference: {
    chat: {
      "openinference.span.kind": "LLM",
      "llm.model_name": "gpt-4o-mini",
      "llm.provider": "openai",
      "llm.token_count.prompt": 10,
      "llm.token_count.completion": 20,
      "llm.input_messages.0.message.role": "user",
      "llm.input_messages.0.message.content": "Weather in Paris?",
      "llm.output_messages.0.message.content": "Sunny.",
      "input.value": INPUT,
      "output.value": OUTPUT,
    },
    agent: { "openinference.span.kind": "AGENT", "agent.name": "weather" },
  },
  traceloop: {
    chat: {
      "llm.request.type": "chat",
      "gen_ai.prompt.0.role": "user",
      "gen_ai.prompt.0.content": "Weather in Paris?",
      "gen_ai.completion.0.content": "Sunny.",
      "gen_ai.usage.prompt_tokens": 10,
      "gen_ai.usage.completion_tokens": 20,
    },
    agent: { "traceloop.span.kind": "agent", "traceloop.workflow.name": "weather" },
  },
  weave: {
    chat: { "weave.span.kind": "llm", "llm.provider": "openai", "gen_ai.input.messages": INPUT },
    agent: { "weave.span.kind": "agent", "wandb.display_name": "weather" },
  },
} as const;

const cases: Record<string, WireCase> = {
  "otlp http/protobuf": {
    selection: (u) => ({ name: "otlp", options: { endpoint: `${u.http}/v1/traces` } }),
    transport: "http",
    path: "/v1/traces",
    contentType: PROTOBUF,
    headers: {},
  },
  "otlp http/json, configured by OTEL_EXPORTER_OTLP_* alone": {
    selection: () => "otlp",
    env: (u) => ({
      OTEL_EXPORTER_OTLP_ENDPOINT: u.http,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_EXPORTER_OTLP_HEADERS: `x-api-key=${KEY}`,
      OTEL_EXPORTER_OTLP_COMPRESSION: "gzip",
    }),
    transport: "http",
    path: "/v1/traces",
    contentType: "application/json",
    contentEncoding: "gzip",
    headers: { "x-api-key": KEY },
  },
  "otlp grpc": {
    selection: (u) => ({ name: "otlp", options: { protocol: "grpc", endpoint: u.grpc } }),
    transport: "grpc",
    path: GRPC_PATH,
    contentType: "application/grpc",
    headers: {},
  },
  "jaeger http (endpoint from OTEL_EXPORTER_OTLP_ENDPOINT)": {
    selection: () => "jaeger",
    env: (u) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: u.http }),
    transport: "http",
    path: "/v1/traces",
    contentType: PROTOBUF,
    headers: {},
  },
  "jaeger grpc": {
    selection: (u) => ({ name: "jaeger", options: { protocol: "grpc", endpoint: u.grpc } }),
    transport: "grpc",
    path: GRPC_PATH,
    contentType: "application/grpc",
    headers: {},
  },
  "traceloop http": {
    selection: () => "traceloop",
    env: (u) => ({ TRACELOOP_API_KEY: KEY, TRACELOOP_BASE_URL: u.http }),
    transport: "http",
    path: "/v1/traces",
    contentType: PROTOBUF,
    headers: { authorization: `Bearer ${KEY}` },
    conventions: "traceloop",
  },
  "traceloop grpc (base URL without scheme)": {
    selection: (u) => ({ name: "traceloop", options: { apiKey: KEY, baseUrl: u.grpcHostPort } }),
    transport: "grpc",
    path: GRPC_PATH,
    contentType: "application/grpc",
    headers: { authorization: `Bearer ${KEY}` },
    conventions: "traceloop",
  },
  weave: {
    selection: (u) => ({ name: "weave", options: { baseUrl: u.http } }),
    env: () => ({ WANDB_API_KEY: KEY, WANDB_ENTITY: "my-team", WANDB_PROJECT: "my-project" }),
    transport: "http",
    path: "/traces/otel/v1/traces",
    contentType: PROTOBUF,
    headers: { "wandb-api-key": KEY, project_id: "my-team/my-project" },
    resource: { "wandb.entity": "my-team", "wandb.project": "my-project" },
    conventions: "weave",
  },
  "datadog agent http": {
    selection: () => "datadog",
    env: (u) => ({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${u.http}/v1/traces` }),
    transport: "http",
    path: "/v1/traces",
    contentType: PROTOBUF,
    headers: {},
  },
  "datadog agent grpc": {
    selection: (u) => ({ name: "datadog", options: { protocol: "grpc", endpoint: u.grpc } }),
    transport: "grpc",
    path: GRPC_PATH,
    contentType: "application/grpc",
    headers: {},
  },
  "datadog-llmobs": {
    selection: (u) => ({ name: "datadog-llmobs", options: { endpoint: `${u.http}/v1/traces` } }),
    env: () => ({ DD_API_KEY: KEY, DD_SITE: "datadoghq.eu", DD_LLMOBS_ML_APP: "support-bot" }),
    transport: "http",
    path: "/v1/traces",
    contentType: PROTOBUF,
    headers: { "dd-api-key": KEY, "dd-otlp-source": "llmobs", "dd-ml-app": "support-bot" },
  },
  newrelic: {
    selection: (u) => ({ name: "newrelic", options: { licenseKey: KEY, endpoint: `${u.http}/v1/traces` } }),
    transport: "http",
    path: "/v1/traces",
    contentType: PROTOBUF,
    contentEncoding: "gzip",
    headers: { "api-key": KEY },
    resource: { aiEnabledApp: "true" },
  },
  "newrelic grpc": {
    selection: (u) => ({ name: "newrelic", options: { licenseKey: KEY, protocol: "grpc", endpoint: u.grpc } }),
    transport: "grpc",
    path: GRPC_PATH,
    contentType: "application/grpc",
    contentEncoding: "gzip",
    headers: { "api-key": KEY },
    resource: { aiEnabledApp: "true" },
  },
  grafana: {
    selection: () => "grafana",
    env: (u) => ({ GRAFANA_CLOUD_OTLP_ENDPOINT: `${u.http}/otlp`, GRAFANA_CLOUD_INSTANCE_ID: "123456", GRAFANA_CLOUD_API_KEY: SECRET }),
    transport: "http",
    path: "/otlp/v1/traces",
    contentType: PROTOBUF,
    headers: { authorization: basicAuth("123456", SECRET) },
  },
  "honeycomb http (HONEYCOMB_API_ENDPOINT), classic dataset": {
    selection: () => "honeycomb",
    env: (u) => ({ HONEYCOMB_API_KEY: KEY, HONEYCOMB_API_ENDPOINT: u.http, HONEYCOMB_DATASET: "llm-app" }),
    transport: "http",
    path: "/v1/traces",
    contentType: PROTOBUF,
    headers: { "x-honeycomb-team": KEY, "x-honeycomb-dataset": "llm-app" },
  },
  "honeycomb grpc": {
    selection: (u) => ({ name: "honeycomb", options: { apiKey: KEY, protocol: "grpc", baseUrl: u.grpc } }),
    transport: "grpc",
    path: GRPC_PATH,
    contentType: "application/grpc",
    headers: { "x-honeycomb-team": KEY },
  },
  "langfuse self-hosted": {
    selection: () => "langfuse",
    env: (u) => ({ LANGFUSE_PUBLIC_KEY: "pk-lf-fake", LANGFUSE_SECRET_KEY: SECRET, LANGFUSE_BASE_URL: u.http }),
    transport: "http",
    path: "/api/public/otel/v1/traces",
    contentType: PROTOBUF,
    headers: { authorization: basicAuth("pk-lf-fake", SECRET), "x-langfuse-ingestion-version": "4" },
  },
  "langfuse http/json": {
    selection: (u) => ({ name: "langfuse", options: { publicKey: "pk-lf-fake", secretKey: SECRET, baseUrl: u.http, protocol: "http/json" } }),
    transport: "http",
    path: "/api/public/otel/v1/traces",
    contentType: "application/json",
    headers: { authorization: basicAuth("pk-lf-fake", SECRET) },
  },
  "phoenix local (PHOENIX_COLLECTOR_ENDPOINT, project, client headers)": {
    selection: () => "phoenix",
    env: (u) => ({ PHOENIX_COLLECTOR_ENDPOINT: u.http, PHOENIX_PROJECT_NAME: "rag-app", PHOENIX_CLIENT_HEADERS: "x-team=llm%20ops" }),
    transport: "http",
    path: "/v1/traces",
    contentType: PROTOBUF,
    headers: { "x-team": "llm ops" },
    resource: { "openinference.project.name": "rag-app" },
    conventions: "openinference",
  },
  "phoenix cloud-style space URL with API key": {
    selection: (u) => ({ name: "phoenix", options: { baseUrl: `${u.http}/s/my-space`, apiKey: KEY } }),
    transport: "http",
    path: "/s/my-space/v1/traces",
    contentType: PROTOBUF,
    headers: { authorization: `Bearer ${KEY}` },
    conventions: "openinference",
  },
  "phoenix grpc (PHOENIX_GRPC_PORT)": {
    selection: () => ({ name: "phoenix", options: { protocol: "grpc", baseUrl: "http://127.0.0.1:6006" } }),
    env: (u) => ({ PHOENIX_GRPC_PORT: new URL(u.grpc).port }),
    transport: "grpc",
    path: GRPC_PATH,
    contentType: "application/grpc",
    headers: {},
    conventions: "openinference",
  },
  "laminar http": {
    selection: () => "laminar",
    env: (u) => ({ LMNR_PROJECT_API_KEY: KEY, LMNR_BASE_URL: u.http }),
    transport: "http",
    path: "/v1/traces",
    contentType: PROTOBUF,
    headers: { authorization: `Bearer ${KEY}` },
  },
  "laminar grpc": {
    selection: (u) => ({ name: "laminar", options: { apiKey: KEY, protocol: "grpc", baseUrl: u.grpc } }),
    transport: "grpc",
    path: GRPC_PATH,
    contentType: "application/grpc",
    headers: { authorization: `Bearer ${KEY}` },
  },
};

/** Records an agent span with a chat child (GenAI attributes), flushes and shuts down. */
async function exportChat(selection: PresetSelection) {
  const tracing = setupTracing({ serviceName: "wire-test", presets: [selection], registerGlobal: false, resourceAttributes: { "test.run": "wire" } });
  const tracer = tracing.tracerProvider.getTracer("wire");
  const agent = tracer.startSpan("invoke_agent weather", { attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "weather" } });
  const chat = tracer.startSpan(
    "chat gpt-4o-mini",
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.usage.input_tokens": 10,
        "gen_ai.usage.output_tokens": 20,
        "gen_ai.input.messages": INPUT,
        "gen_ai.output.messages": OUTPUT,
      },
    },
    trace.setSpan(context.active(), agent),
  );
  chat.end();
  agent.end();
  await tracing.shutdown();
  return { tracing, agentId: agent.spanContext().spanId, chatId: chat.spanContext().spanId, traceId: agent.spanContext().traceId };
}

describe("every preset on the wire", () => {
  it.each(Object.entries(cases))("%s", async (_label, c) => {
    const { tracing, agentId, chatId, traceId } = await exportChat(selectionOf(c, fx.urls()));

    // Only this test's trace: a late export of an earlier test must not be mistaken for this one.
    const own = (span: { traceId: string }) => span.traceId === traceId;
    const spans = (await fx.receiver.waitForSpans(own)).filter(own);
    expect(spans).toHaveLength(2);
    expectRequest(fx.receiver.requests.find((r) => r.spans.some(own)) as ReceivedRequest, c);

    const agent = spans.find((span) => span.spanId === agentId);
    const chat = spans.find((span) => span.spanId === chatId);
    expect(agent).toMatchObject({ name: "invoke_agent weather", attributes: { "gen_ai.agent.name": "weather" } });
    expect(agent?.parentSpanId).toBeUndefined();
    expect(chat).toMatchObject({
      name: "chat gpt-4o-mini",
      kind: 3,
      parentSpanId: agentId,
      attributes: { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.usage.input_tokens": 10 },
    });
    expect(chat?.resource).toMatchObject({ "service.name": "wire-test", "test.run": "wire", ...c.resource });
    if (c.conventions === undefined) {
      // Sent as recorded: OpenTelemetry GenAI only.
      expect(chat?.attributes).toMatchObject({ "gen_ai.input.messages": INPUT, "gen_ai.output.messages": OUTPUT });
      expect(Object.keys(chat?.attributes ?? {}).filter((key) => !key.startsWith("gen_ai."))).toEqual([]);
    } else {
      expect(chat?.attributes).toMatchObject(TRANSLATED[c.conventions].chat);
      expect(agent?.attributes).toMatchObject(TRANSLATED[c.conventions].agent);
    }
    expect(tracing.stats()[0]).toMatchObject({ exportedSpans: 2, failedSpans: 0, droppedSpans: 0 });
  });
});

describe("fan-out", () => {
  it("each destination gets its own conventions and limits; the spans themselves are untouched", async () => {
    vi.stubEnv("TRACELOOP_API_KEY", KEY);
    const long = "x".repeat(5000);
    const tracing = setupTracing({
      presets: [
        { name: "phoenix", options: { baseUrl: `${fx.proxy.url}/phoenix` } },
        { name: "traceloop", options: { baseUrl: `${fx.proxy.url}/traceloop` } },
        { name: "newrelic", options: { licenseKey: KEY, endpoint: `${fx.proxy.url}/newrelic/v1/traces` } },
      ],
      registerGlobal: false,
    });
    const span = tracing.tracerProvider.getTracer("fan-out").startSpan("chat m", {
      attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "m", "gen_ai.input.messages": INPUT, "test.long": long },
    });
    span.end();
    await tracing.shutdown();
    await fx.receiver.waitForSpans(3);
    const byPath = (prefix: string) =>
      fx.receiver.requests.filter((r) => r.headers["x-original-path"]?.startsWith(prefix)).flatMap((r) => r.spans)[0]?.attributes;
    expect(byPath("/phoenix")).toMatchObject({ "openinference.span.kind": "LLM", "llm.model_name": "m", "test.long": long });
    expect(byPath("/phoenix")?.["gen_ai.prompt.0.content"]).toBeUndefined();
    expect(byPath("/traceloop")).toMatchObject({ "gen_ai.prompt.0.content": "Weather in Paris?", "test.long": long });
    expect(byPath("/traceloop")?.["openinference.span.kind"]).toBeUndefined();
    const nr = byPath("/newrelic");
    expect(nr?.["test.long"]).toBe("x".repeat(4095));
    expect(nr?.["openinference.span.kind"]).toBeUndefined();
    expect(nr?.["gen_ai.prompt.0.content"]).toBeUndefined();
    expect(Object.keys((span as unknown as { attributes: object }).attributes)).toEqual([
      "gen_ai.operation.name",
      "gen_ai.request.model",
      "gen_ai.input.messages",
      "test.long",
    ]);
  });
});
