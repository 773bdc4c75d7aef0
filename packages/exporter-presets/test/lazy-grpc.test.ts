import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const entries = {
  src: fileURLToPath(new URL("../src/index.ts", import.meta.url)),
  esm: fileURLToPath(new URL("../dist/index.js", import.meta.url)),
  cjs: fileURLToPath(new URL("../dist/index.cjs", import.meta.url)),
};

/**
 * Counts gRPC modules in the CommonJS module cache after importing the package, after setting up
 * tracing and metrics and creating every preset's HTTP span and metric exporters, after creating a
 * gRPC span exporter, and after creating a gRPC metric exporter (the positive controls that the check
 * can see them). `@grpc/grpc-js` and the OTLP gRPC exporter packages are CommonJS-only, so they land
 * in that cache whether loaded by `require` or by `import`.
 */
const probe = (load: string) => `
const count = (pattern) => Object.keys(cache).filter((key) => pattern.test(key)).length;
const loaded = () => count(/exporter-trace-otlp-grpc|exporter-metrics-otlp-grpc|otlp-grpc-exporter-base|@grpc[\\\\/]grpc-js/);
const metricsGrpc = () => count(/exporter-metrics-otlp-grpc/);
(async () => {
  const mod = ${load};
  const out = { afterImport: loaded() };
  const tracing = mod.setupTracing({ presets: [{ name: "console", options: { write: () => {} } }, "otlp", "newrelic"], registerGlobal: false });
  const http = mod.createExporter("otlp", {});
  // Every preset, in its default (HTTP) protocol, loads no gRPC code either, for spans or metrics.
  const others = mod.PRESET_NAMES.filter((name) => name !== "console").map((name) => mod.createExporter(name, {}));
  const metricExporters = mod.METRICS_PRESET_NAMES.map((name) => mod.createMetricExporter(name, {}));
  out.afterHttp = loaded();
  out.metricsSetUp = tracing.meterProvider !== undefined;
  await Promise.all([...others, ...metricExporters].map((exporter) => exporter.shutdown()));
  await tracing.shutdown();
  const grpc = mod.createExporter("otlp", { protocol: "grpc" });
  await grpc.forceFlush();
  out.afterGrpc = loaded();
  out.metricsGrpcAfterGrpcSpans = metricsGrpc();
  const grpcMetrics = mod.createMetricExporter("otlp", { protocol: "grpc" });
  await grpcMetrics.forceFlush();
  out.metricsGrpcAfterGrpcMetrics = metricsGrpc();
  await Promise.all([http.shutdown(), grpc.shutdown(), grpcMetrics.shutdown()]);
  console.log(JSON.stringify(out));
})();
`;

/** Fake credentials so that every preset can be created. */
const CREDENTIALS = {
  TRACELOOP_API_KEY: "fake",
  WANDB_API_KEY: "fake",
  WANDB_ENTITY: "e",
  WANDB_PROJECT: "p",
  DD_API_KEY: "fake",
  DD_LLMOBS_ML_APP: "app",
  NEW_RELIC_LICENSE_KEY: "fake",
  GRAFANA_CLOUD_ZONE: "prod-eu-west-2",
  GRAFANA_CLOUD_INSTANCE_ID: "1",
  GRAFANA_CLOUD_API_KEY: "fake",
  HONEYCOMB_API_KEY: "fake",
  LANGFUSE_PUBLIC_KEY: "pk",
  LANGFUSE_SECRET_KEY: "sk",
  LMNR_PROJECT_API_KEY: "fake",
  GENAI_OTEL_FILE_PATH: "/tmp/genai-otel-lazy-grpc-probe.jsonl",
};

interface ProbeResult {
  afterImport: number;
  afterHttp: number;
  metricsSetUp: boolean;
  afterGrpc: number;
  metricsGrpcAfterGrpcSpans: number;
  metricsGrpcAfterGrpcMetrics: number;
}

async function check(args: string[]): Promise<ProbeResult> {
  const { stdout } = await run(process.execPath, args, { cwd: packageDir, env: { ...process.env, ...CREDENTIALS, OTEL_EXPORTER_OTLP_ENDPOINT: "" } });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

function expectLazy(result: ProbeResult) {
  expect(result).toMatchObject({ afterImport: 0, afterHttp: 0, metricsSetUp: true, metricsGrpcAfterGrpcSpans: 0 });
  expect(result.afterGrpc).toBeGreaterThan(0);
  expect(result.metricsGrpcAfterGrpcMetrics).toBeGreaterThan(0);
}

describe("gRPC is loaded only when a gRPC exporter is created", () => {
  it("from the sources (ESM, through tsx)", async () => {
    const script = `import { createRequire } from "node:module"; const cache = createRequire(import.meta.url).cache;${probe(`await import(${JSON.stringify(entries.src)})`)}`;
    expectLazy(await check(["--import", "tsx", "--input-type=module", "-e", script]));
  });

  it.skipIf(!existsSync(entries.esm))("from the ESM build", async () => {
    const script = `import { createRequire } from "node:module"; const cache = createRequire(import.meta.url).cache;${probe(`await import(${JSON.stringify(entries.esm)})`)}`;
    expectLazy(await check(["--input-type=module", "-e", script]));
  });

  it.skipIf(!existsSync(entries.cjs))("from the CJS build", async () => {
    const script = `const cache = require.cache;${probe(`require(${JSON.stringify(entries.cjs)})`)}`;
    expectLazy(await check(["-e", script]));
  });
});
