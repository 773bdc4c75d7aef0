import { createExporter, type PresetSelection, PresetConfigurationError, setupTracing } from "@genai-otel/exporter-presets";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { context, trace } from "@opentelemetry/api";
import { describe, expect, it, vi } from "vitest";
import { useReceiver } from "./receiver-fixture";

const KEY = "fake-key-destination-42";
const fx = useReceiver({ secrets: [KEY], proxy: true });

let run = 0;
/** An HTTP server span with a chat child, sent to `presets`; returns what each path prefix received for this run. */
async function send(presets: readonly PresetSelection[], resourceAttributes?: Record<string, string>) {
  const serviceName = `dest-${process.pid}-${++run}`;
  const tracing = setupTracing({ serviceName, presets, registerGlobal: false, exportMode: "immediate", resourceAttributes });
  const tracer = tracing.tracerProvider.getTracer("dest");
  const http = tracer.startSpan("POST /chat", { attributes: { "http.request.method": "POST" } });
  tracer.startSpan("chat m", { attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "m" } }, trace.setSpan(context.active(), http)).end();
  http.end();
  await tracing.shutdown();
  const of = (prefix: string) =>
    fx.receiver.requests
      .filter((r) => r.headers["x-original-path"]?.startsWith(prefix))
      .flatMap((r) => r.spans)
      .filter((s) => s.resource["service.name"] === serviceName);
  return of;
}

describe("spans option", () => {
  it('"genai" keeps HTTP spans out of the LLM backend while the APM destination beside it gets everything', async () => {
    const of = await send([
      { name: "langfuse", options: { publicKey: "pk", secretKey: KEY, endpoint: `${fx.proxy.url}/llm/v1/traces`, spans: "genai" } },
      { name: "otlp", options: { endpoint: `${fx.proxy.url}/apm/v1/traces` } },
    ]);
    expect(of("/llm/").map((s) => s.name)).toEqual(["chat m"]);
    expect(of("/apm/").map((s) => s.name).sort()).toEqual(["POST /chat", "chat m"]);
  });

  it("takes a function; a function that throws keeps the span", async () => {
    const of = await send([
      { name: "otlp", options: { endpoint: `${fx.proxy.url}/fn/v1/traces`, spans: (span: ReadableSpan) => span.name.startsWith("POST") } },
      {
        name: "otlp",
        options: {
          endpoint: `${fx.proxy.url}/throws/v1/traces`,
          spans: () => {
            throw new Error("boom");
          },
        },
      },
    ]);
    expect(of("/fn/").map((s) => s.name)).toEqual(["POST /chat"]);
    expect(of("/throws/")).toHaveLength(2);
  });
});

describe("environment and release", () => {
  it("set deployment.environment.name and service.version on that destination only, over OTEL_RESOURCE_ATTRIBUTES", async () => {
    vi.stubEnv("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=dev,service.version=0.9.0,team=llm");
    const of = await send([
      { name: "otlp", options: { endpoint: `${fx.proxy.url}/prod/v1/traces`, environment: "production", release: "2.0.1" } },
      { name: "otlp", options: { endpoint: `${fx.proxy.url}/plain/v1/traces` } },
    ]);
    for (const span of of("/prod/")) {
      expect(span.resource).toMatchObject({ "deployment.environment.name": "production", "service.version": "2.0.1", team: "llm" });
    }
    for (const span of of("/plain/")) expect(span.resource).toMatchObject({ "deployment.environment.name": "dev", "service.version": "0.9.0" });
    expect(of("/prod/")).toHaveLength(2);
    expect(of("/plain/")).toHaveLength(2);
  });

  it("reject blank values and unknown span filters with a message naming the option", () => {
    const error = (options: object) => {
      try {
        setupTracing({ presets: [{ name: "otlp", options }], registerGlobal: false });
      } catch (e) {
        expect(e).toBeInstanceOf(PresetConfigurationError);
        return (e as Error).message;
      }
      return "no error";
    };
    expect(error({ environment: " " })).toBe('The "otlp" exporter preset got an invalid "environment" option: expected a non-empty string.');
    expect(error({ release: 3 })).toBe('The "otlp" exporter preset got an invalid "release" option: expected a non-empty string.');
    expect(error({ spans: "llm" })).toBe('The "otlp" exporter preset got an unknown "spans" option "llm"; expected "all", "genai" or a function.');
  });
});

describe("createExporter", () => {
  it("applies environment, release and spans to the exporter it returns", async () => {
    const exporter = createExporter("otlp", { endpoint: `${fx.proxy.url}/own/v1/traces`, spans: "genai", environment: "qa", release: "7" });
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": "dest-create" }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer("dest");
    const http = tracer.startSpan("GET /");
    tracer.startSpan("chat m", { attributes: { "gen_ai.operation.name": "chat" } }, trace.setSpan(context.active(), http)).end();
    http.end();
    await provider.shutdown();
    const spans = fx.receiver.requests.filter((r) => r.headers["x-original-path"]?.startsWith("/own/")).flatMap((r) => r.spans);
    expect(spans.map((s) => s.name)).toEqual(["chat m"]);
    expect(spans[0]?.resource).toMatchObject({ "service.name": "dest-create", "deployment.environment.name": "qa", "service.version": "7" });
  });
});
