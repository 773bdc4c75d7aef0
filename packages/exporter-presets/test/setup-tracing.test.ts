import { PRESET_NAMES, setupTracing } from "@genai-otel/exporter-presets";
import { context, DiagConsoleLogger, DiagLogLevel, diag, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it, vi } from "vitest";
import { useCleanEnv } from "./helpers";

const { log, setup } = useCleanEnv();

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
    expect(() => setupTracing({})).toThrow(`Unknown exporter preset "zipkin" (from GENAI_OTEL_PRESET). Known presets: ${PRESET_NAMES.join(", ")}.`);
  });

  it("then OTEL_TRACES_EXPORTER (otlp/console/none), ignoring others with a warning", () => {
    vi.stubEnv("OTEL_TRACES_EXPORTER", "zipkin,otlp");
    expect(setup({}).presets).toEqual(["otlp"]);
    expect(log().text()).toContain('OTEL_TRACES_EXPORTER value "zipkin" has no preset');
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
    expect(log().text()).toContain("OTEL_EXPORTER_OTLP_ENDPOINT is set and applies to each of the presets [otlp, datadog]");
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
    log().stop();
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

describe("export mode, sampler, stats and debug output", () => {
  it("exports each span as it ends in immediate mode (GENAI_OTEL_EXPORT_MODE)", async () => {
    const { startOtlpReceiver } = await import("@genai-otel-internal/otlp-receiver");
    const receiver = await startOtlpReceiver();
    try {
      vi.stubEnv("GENAI_OTEL_EXPORT_MODE", "immediate");
      const tracing = setup({ presets: [{ name: "otlp", options: { endpoint: `${receiver.httpUrl}/v1/traces` } }] });
      tracing.tracerProvider.getTracer("t").startSpan("now").end();
      expect((await receiver.waitForSpans(1, 2000)).map((span) => span.name)).toEqual(["now"]); // no flush needed
      await tracing.forceFlush(); // waits for the exporter to read the answer
      expect(tracing.stats()).toEqual([expect.objectContaining({ preset: "otlp", exportMode: "immediate", exportedSpans: 1 })]);
      await tracing.shutdown();
    } finally {
      await receiver.close();
    }
  });

  it("batches by default; stats() has one entry per destination", () => {
    const tracing = setup({ presets: [quiet, "otlp"] });
    expect(tracing.stats().map((s) => [s.preset, s.exportMode])).toEqual([
      ["console", "immediate"],
      ["otlp", "batched"],
    ]);
  });

  it("takes the sampler from OTEL_TRACES_SAMPLER", () => {
    vi.stubEnv("OTEL_TRACES_SAMPLER", "always_off");
    const off = setup({ presets: [] });
    expect(off.tracerProvider.getTracer("t").startSpan("s").isRecording()).toBe(false);
    expect(log().text()).toContain("sampler always_off (OTEL_TRACES_SAMPLER)");
    vi.stubEnv("OTEL_TRACES_SAMPLER", "traceidratio");
    vi.stubEnv("OTEL_TRACES_SAMPLER_ARG", "0");
    expect(setup({ presets: [] }).tracerProvider.getTracer("t").startSpan("s").isRecording()).toBe(false);
    vi.stubEnv("OTEL_TRACES_SAMPLER", undefined);
    expect(setup({ presets: [] }).tracerProvider.getTracer("t").startSpan("s").isRecording()).toBe(true);
  });

  it("OTEL_LOG_LEVEL=debug explains each destination (endpoint, protocol, header names) and never prints a secret", () => {
    log().stop();
    const secret = "sk-lf-fake-debug-secret";
    const lines: string[] = [];
    const spies = (["debug", "info", "warn", "error", "log"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(" "));
      }),
    );
    vi.stubEnv("OTEL_LOG_LEVEL", "debug");
    vi.stubEnv("LANGFUSE_PUBLIC_KEY", "pk-lf-fake");
    vi.stubEnv("LANGFUSE_SECRET_KEY", secret);
    vi.stubEnv("OTEL_EXPORTER_OTLP_HEADERS", `x-extra-token=${secret}`);
    try {
      setup({ presets: ["langfuse", { name: "phoenix", options: { apiKey: secret, projectName: "p" } }], serviceName: "debug-svc" });
      const text = lines.join("\n");
      expect(text).toContain(
        'preset "langfuse" exports over http/protobuf to https://cloud.langfuse.com/api/public/otel/v1/traces (endpoint from "langfuse" preset default); headers: authorization, x-extra-token, x-langfuse-ingestion-version;',
      );
      expect(text).toContain('preset "phoenix" exports over http/protobuf to http://localhost:6006/v1/traces');
      expect(text).toContain('tracing set up for service "debug-svc" with presets [langfuse, phoenix] from the "presets" option; export mode batched; sampler parentbased_always_on (default)');
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(`pk-lf-fake:${secret}`).toString("base64"));
    } finally {
      diag.disable();
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe("secrets in failure reports", () => {
  it("nor by the OpenTelemetry exporter's own log line, when the app installed its own DiagConsoleLogger", async () => {
    const { createServer } = await import("node:http");
    const key = "fake-key-echoed-in-status-456";
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(401, `unauthorized: api-key ${req.headers["api-key"]} is not valid`).end());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    log().stop();
    const lines: string[] = [];
    const spies = (["debug", "info", "warn", "error", "log", "trace"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(" "));
      }),
    );
    // The app's own logger, at every level; no OTEL_LOG_LEVEL, so ours is not installed.
    diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.ALL);
    try {
      const tracing = setup({ presets: [{ name: "newrelic", options: { licenseKey: key, endpoint: `http://127.0.0.1:${port}/v1/traces` } }] });
      tracing.tracerProvider.getTracer("t").startSpan("s").end();
      await tracing.shutdown();
      const text = lines.join("\n");
      // The exporter's own line (otlp-exporter-base's retrying transport), with the status text as the server sent it, redacted.
      expect(text).toContain("Export failed with non-retryable error: OTLPExporterError: unauthorized: api-key [REDACTED] is not valid");
      expect(text).not.toContain(key);
      expect(tracing.stats()[0]).toMatchObject({ failedSpans: 1, lastError: "unauthorized: api-key [REDACTED] is not valid (401)" });
    } finally {
      for (const spy of spies) spy.mockRestore();
      diag.disable();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a server that quotes the key back in its error never gets it printed, at any log level", async () => {
    const { createServer } = await import("node:http");
    const key = "fake-key-echoed-by-server-123";
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(400, `invalid api-key ${req.headers["api-key"]}`).end());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    log().stop();
    const lines: string[] = [];
    const spies = (["debug", "info", "warn", "error", "log", "trace"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(" "));
      }),
    );
    vi.stubEnv("OTEL_LOG_LEVEL", "all");
    try {
      const tracing = setup({ presets: [{ name: "newrelic", options: { licenseKey: key, endpoint: `http://127.0.0.1:${port}/v1/traces` } }] });
      tracing.tracerProvider.getTracer("t").startSpan("s").end();
      await tracing.shutdown();
      expect(tracing.stats()[0]).toMatchObject({ failedSpans: 1, lastError: "invalid api-key [REDACTED] (400)" });
      expect(lines.join("\n")).toContain("invalid api-key [REDACTED]");
      expect(lines.join("\n")).not.toContain(key);
    } finally {
      for (const spy of spies) spy.mockRestore();
      diag.disable();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("trace attributes", () => {
  it("stamps the withTraceAttributes scope on spans of any instrumentation, unless traceAttributes is false", async () => {
    const { withTraceAttributes } = await import("@genai-otel/core-semconv");
    for (const traceAttributes of [undefined, false]) {
      const exporter = new InMemorySpanExporter();
      const tracing = setup({ presets: [], registerGlobal: true, traceAttributes, spanProcessors: [new SimpleSpanProcessor(exporter)] });
      withTraceAttributes({ conversationId: "c-1", userId: "u-1" }, () => trace.getTracer("http").startSpan("GET /").end());
      const attributes = exporter.getFinishedSpans()[0]?.attributes;
      if (traceAttributes === false) expect(attributes).toEqual({});
      else expect(attributes).toEqual({ "gen_ai.conversation.id": "c-1", "user.id": "u-1" });
      await tracing.shutdown();
    }
  });
});
