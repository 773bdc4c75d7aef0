import { setupTracing } from "@genai-otel/exporter-presets";
import { context, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { captureDiag, PRESET_ENV_VARS } from "./helpers";

let diagLog: ReturnType<typeof captureDiag>;
const stops: (() => Promise<void>)[] = [];

function setup(options: Parameters<typeof setupTracing>[0]) {
  const tracing = setupTracing({ registerGlobal: false, ...options });
  stops.push(() => tracing.shutdown());
  return tracing;
}

beforeEach(() => {
  for (const name of PRESET_ENV_VARS) vi.stubEnv(name, undefined);
  diagLog = captureDiag();
});

afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
  diagLog.stop();
  vi.unstubAllEnvs();
});

const quiet = { name: "console", options: { write: () => {} } } as const;

describe("preset selection", () => {
  it("uses the presets option first", () => {
    vi.stubEnv("GENAI_OTEL_PRESET", "otlp");
    expect(setup({ presets: [quiet] }).presets).toEqual(["console"]);
  });

  it("falls back to GENAI_OTEL_PRESET (comma-separated, case-insensitive, deduplicated)", () => {
    vi.stubEnv("GENAI_OTEL_PRESET", " OTLP, datadog ,otlp,");
    expect(setup({}).presets).toEqual(["otlp", "datadog"]);
  });

  it("treats GENAI_OTEL_PRESET=none as no exporter", () => {
    vi.stubEnv("GENAI_OTEL_PRESET", "none");
    expect(setup({}).presets).toEqual([]);
  });

  it("rejects an unknown name in GENAI_OTEL_PRESET, naming the variable", () => {
    vi.stubEnv("GENAI_OTEL_PRESET", "console,zipkin");
    expect(() => setupTracing({})).toThrow(
      'Unknown exporter preset "zipkin" (from GENAI_OTEL_PRESET). Known presets: console, otlp, traceloop, weave, datadog, newrelic.',
    );
  });

  it("then OTEL_TRACES_EXPORTER (otlp/console/none), ignoring others with a warning", () => {
    vi.stubEnv("OTEL_TRACES_EXPORTER", "zipkin,otlp");
    expect(setup({}).presets).toEqual(["otlp"]);
    expect(diagLog.text()).toContain('OTEL_TRACES_EXPORTER value "zipkin" has no preset');
    vi.stubEnv("OTEL_TRACES_EXPORTER", "none");
    expect(setup({}).presets).toEqual([]);
  });

  it("then otlp when an OTLP endpoint is configured, else console", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9");
    expect(setup({}).presets).toEqual(["otlp"]);
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", undefined);
    expect(setup({}).presets).toEqual(["console"]);
  });

  it("warns when one OTEL endpoint variable applies to several network presets", () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9");
    setup({ presets: ["otlp", "datadog"] });
    expect(diagLog.text()).toContain("OTEL_EXPORTER_OTLP_ENDPOINT is set and applies to each of the presets [otlp, datadog]");
  });

  it("throws a configuration error before registering anything", () => {
    expect(() => setupTracing({ presets: ["console", "newrelic"] })).toThrow(/NEW_RELIC_LICENSE_KEY/);
    expect(trace.getTracerProvider().getTracer("x").startSpan("s").isRecording()).toBe(false);
  });
});

describe("resource", () => {
  it("serviceName option > OTEL_SERVICE_NAME > OTEL_RESOURCE_ATTRIBUTES, which adds its other attributes", () => {
    vi.stubEnv("OTEL_RESOURCE_ATTRIBUTES", "service.name=from-attrs,deployment.environment.name=staging,team=a%20b");
    expect(setup({ presets: [] }).resource.attributes).toMatchObject({
      "service.name": "from-attrs",
      "deployment.environment.name": "staging",
      team: "a b",
      "telemetry.sdk.language": "nodejs",
    });
    vi.stubEnv("OTEL_SERVICE_NAME", "from-env");
    expect(setup({ presets: [] }).resource.attributes["service.name"]).toBe("from-env");
    const resource = setup({ presets: [], serviceName: "from-option", resourceAttributes: { "deployment.environment.name": "prod" } }).resource;
    expect(resource.attributes).toMatchObject({ "service.name": "from-option", "deployment.environment.name": "prod" });
  });

  it("defaults service.name to unknown_service:<process>", () => {
    expect(String(setup({ presets: [] }).resource.attributes["service.name"])).toMatch(/^unknown_service/);
  });
});

describe("tracer provider", () => {
  it("sends spans to every preset and to extra span processors", async () => {
    const printed: string[] = [];
    const memory = new InMemorySpanExporter();
    const tracing = setup({
      serviceName: "svc",
      presets: [{ name: "console", options: { write: (text) => printed.push(text), color: false } }],
      spanProcessors: [new SimpleSpanProcessor(memory)],
    });
    const tracer = tracing.tracerProvider.getTracer("test");
    // Not registered globally, so no context manager: pass the parent explicitly.
    const root = tracer.startSpan("invoke_agent a");
    tracer.startSpan("chat m", {}, trace.setSpan(context.active(), root)).end();
    root.end();
    await tracing.forceFlush();
    expect(memory.getFinishedSpans().map((span) => span.name)).toEqual(["chat m", "invoke_agent a"]);
    expect(memory.getFinishedSpans()[0]!.resource.attributes["service.name"]).toBe("svc");
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/└─ invoke_agent a {2}[\d.]+ ms\n {3}└─ chat m {2}[\d.]+ ms\n$/);
  });

  it("registers globally by default (with a context manager) and unregisters on shutdown", async () => {
    const memory = new InMemorySpanExporter();
    const tracing = setupTracing({ presets: [], spanProcessors: [new SimpleSpanProcessor(memory)] });
    const tracer = trace.getTracer("test");
    await tracer.startActiveSpan("parent", async (parent) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      tracer.startSpan("child").end(); // parent found across an await: AsyncLocalStorage
      parent.end();
    });
    const [child, parent] = memory.getFinishedSpans();
    expect(child!.parentSpanContext?.spanId).toBe(parent!.spanContext().spanId);

    await tracing.shutdown();
    await tracing.shutdown(); // idempotent
    expect(trace.getTracer("test").startSpan("after").isRecording()).toBe(false);
    // A second setup can register again.
    const again = setupTracing({ presets: [] });
    expect(trace.getTracer("test").startSpan("again").isRecording()).toBe(true);
    await again.shutdown();
  });

  it("installs a console diag logger when OTEL_LOG_LEVEL is set", () => {
    diagLog.stop();
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    vi.stubEnv("OTEL_LOG_LEVEL", "debug");
    try {
      setup({ presets: ["otlp"] });
      expect(debug.mock.calls.some((call) => String(call[0]).includes('preset "otlp" exports over http/protobuf'))).toBe(true);
    } finally {
      debug.mockRestore();
    }
  });
});
