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
 * Counts gRPC modules in the CommonJS module cache after importing the package, after creating an
 * HTTP exporter, and after creating a gRPC one (the positive control that the check can see them).
 * `@grpc/grpc-js` and the OTLP gRPC exporter packages are CommonJS-only, so they land in that
 * cache whether loaded by `require` or by `import`.
 */
const probe = (load: string) => `
const pattern = /exporter-trace-otlp-grpc|otlp-grpc-exporter-base|@grpc[\\\\/]grpc-js/;
const loaded = () => Object.keys(cache).filter((key) => pattern.test(key)).length;
(async () => {
  const mod = ${load};
  const out = { afterImport: loaded() };
  mod.setupTracing({ presets: [{ name: "console", options: { write: () => {} } }], registerGlobal: false });
  const http = mod.createExporter("otlp", {});
  // Every preset, in its default (HTTP) protocol, loads no gRPC code either.
  const others = mod.PRESET_NAMES.filter((name) => name !== "console").map((name) => mod.createExporter(name, {}));
  out.afterHttp = loaded();
  await Promise.all(others.map((exporter) => exporter.shutdown()));
  const grpc = mod.createExporter("otlp", { protocol: "grpc" });
  await grpc.forceFlush();
  out.afterGrpc = loaded();
  await Promise.all([http.shutdown(), grpc.shutdown()]);
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

async function check(args: string[]): Promise<{ afterImport: number; afterHttp: number; afterGrpc: number }> {
  const { stdout } = await run(process.execPath, args, { cwd: packageDir, env: { ...process.env, ...CREDENTIALS, OTEL_EXPORTER_OTLP_ENDPOINT: "" } });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

describe("gRPC is loaded only when a gRPC exporter is created", () => {
  it("from the sources (ESM, through tsx)", async () => {
    const script = `import { createRequire } from "node:module"; const cache = createRequire(import.meta.url).cache;${probe(`await import(${JSON.stringify(entries.src)})`)}`;
    const result = await check(["--import", "tsx", "--input-type=module", "-e", script]);
    expect(result).toEqual({ afterImport: 0, afterHttp: 0, afterGrpc: expect.any(Number) });
    expect(result.afterGrpc).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(entries.esm))("from the ESM build", async () => {
    const script = `import { createRequire } from "node:module"; const cache = createRequire(import.meta.url).cache;${probe(`await import(${JSON.stringify(entries.esm)})`)}`;
    const result = await check(["--input-type=module", "-e", script]);
    expect(result.afterImport).toBe(0);
    expect(result.afterHttp).toBe(0);
    expect(result.afterGrpc).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(entries.cjs))("from the CJS build", async () => {
    const script = `const cache = require.cache;${probe(`require(${JSON.stringify(entries.cjs)})`)}`;
    const result = await check(["-e", script]);
    expect(result.afterImport).toBe(0);
    expect(result.afterHttp).toBe(0);
    expect(result.afterGrpc).toBeGreaterThan(0);
  });
});
