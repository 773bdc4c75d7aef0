import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { explainMissing } from "../src/otlp/grpc-loader";
import { GRPC_PACKAGES, grpcPackageInstalled } from "../src/otlp/grpc-packages";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const built = existsSync(join(packageDir, "dist/index.js")) && existsSync(join(packageDir, "dist/index.cjs"));
const TRACE = GRPC_PACKAGES.traces.name;
const METRIC = GRPC_PACKAGES.metrics.name;

describe("the gRPC exporters are optional peer dependencies", () => {
  it("package.json declares them as optional peers (and devDependencies), not dependencies, with the ranges the error names", () => {
    for (const { name, range } of Object.values(GRPC_PACKAGES)) {
      expect(manifest.dependencies[name]).toBeUndefined();
      expect(manifest.peerDependencies[name]).toBe(range);
      expect(manifest.peerDependenciesMeta[name]).toEqual({ optional: true });
      expect(manifest.devDependencies[name]).toBeDefined();
    }
    expect(Object.keys(manifest.dependencies).filter((name) => /grpc/.test(name))).toEqual([]);
  });

  it("tells a missing package only when a hard dependency resolves (else it cannot tell: bundled, or no resolver)", () => {
    const missing = (specifiers: string[]) => (specifier: string) => {
      if (specifiers.includes(specifier)) throw Object.assign(new Error(`Cannot find package '${specifier}'`), { code: "ERR_MODULE_NOT_FOUND" });
      return `file:///x/${specifier}`;
    };
    expect(grpcPackageInstalled("traces", missing([]))).toBe(true);
    expect(grpcPackageInstalled("traces", missing([TRACE]))).toBe(false);
    expect(grpcPackageInstalled("metrics", missing([TRACE]))).toBe(true);
    expect(grpcPackageInstalled("metrics", missing([METRIC]))).toBe(false);
    expect(grpcPackageInstalled("traces", missing([TRACE, "@opentelemetry/exporter-trace-otlp-proto"]))).toBeUndefined();
    expect(grpcPackageInstalled("traces", null)).toBeUndefined();
    const broken = () => {
      throw new Error("resolver broke");
    };
    expect(grpcPackageInstalled("traces", broken)).toBeUndefined();
  });

  it("a load that fails because the package is missing says what to install; other load failures pass through", async () => {
    const empty = mkdtempSync(join(tmpdir(), "genai-otel-nogrpc-"));
    try {
      writeFileSync(join(empty, "metric.mjs"), `import "${METRIC}";`);
      writeFileSync(join(empty, "own.mjs"), `import "./absent.mjs";`);
      // Real load errors, from a directory with no node_modules (NODE_PATH cleared: pnpm's shims set it).
      const found: Record<string, { code: string; message: string }> = JSON.parse(
        (
          await run(
            process.execPath,
            [
              "--input-type=module",
              "-e",
              `import { createRequire } from "node:module";
               const fail = (p) => p.then(() => ({}), (e) => ({ code: e.code, message: e.message }));
               const out = { cjs: await fail(Promise.resolve().then(() => createRequire(import.meta.url)(${JSON.stringify(TRACE)}))) };
               out.metric = await fail(import("./metric.mjs"));
               out.own = await fail(import("./own.mjs"));
               console.log(JSON.stringify(out));`,
            ],
            { cwd: empty, env: { ...process.env, NODE_PATH: "" } },
          )
        ).stdout,
      );
      const errors = Object.fromEntries(
        Object.entries(found).map(([key, { code, message }]) => [key, Object.assign(new Error(message), { code })]),
      ) as Record<"cjs" | "metric" | "own", Error & { code: string }>;
      expect(errors.cjs.code).toBe("MODULE_NOT_FOUND");
      expect(explainMissing(errors.cjs, "jaeger", "traces").message).toMatch(
        new RegExp(`"jaeger" exporter preset sends traces over OTLP/gRPC.*needs the optional peer dependency ${TRACE}: install it`),
      );
      expect(errors.metric.code).toBe("ERR_MODULE_NOT_FOUND");
      expect(explainMissing(errors.metric, "otlp", "metrics").message).toContain(`npm install ${METRIC}@"${GRPC_PACKAGES.metrics.range}"`);
      // The module that failed is not the gRPC exporter (a file of the app's own): the error is kept.
      expect(explainMissing(errors.own, "otlp", "traces").message).toBe(errors.own.message);
      expect(explainMissing("boom", "otlp", "traces").message).toBe("boom");
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

/**
 * An install of the built package without the gRPC exporters: a scratch `node_modules` with a
 * copy of the package and links to its real dependencies, except the hidden ones.
 */
function installWithout(hidden: string[]): string {
  const app = mkdtempSync(join(tmpdir(), "genai-otel-nogrpc-"));
  const own = join(app, "node_modules/@genai-otel/exporter-presets");
  mkdirSync(own, { recursive: true });
  cpSync(join(packageDir, "dist"), join(own, "dist"), { recursive: true });
  cpSync(join(packageDir, "package.json"), join(own, "package.json"));
  for (const scope of ["@opentelemetry", "@genai-otel"]) {
    for (const name of readdirSync(join(packageDir, "node_modules", scope))) {
      const full = `${scope}/${name}`;
      if (hidden.includes(full) || existsSync(join(app, "node_modules", full))) continue;
      mkdirSync(join(app, "node_modules", scope), { recursive: true });
      symlinkSync(realpathSync(join(packageDir, "node_modules", full)), join(app, "node_modules", full), "dir");
    }
  }
  return app;
}

const script = (load: string) => `
(async () => {
  const mod = ${load};
  const out = {};
  const created = [];
  const attempt = (key, fn) => { try { created.push(fn()); out[key] = "ok"; } catch (error) { out[key] = error.name + ": " + error.message; } };
  attempt("httpExporter", () => mod.createExporter("otlp", {}));
  attempt("grpcExporter", () => mod.createExporter("jaeger", { protocol: "grpc" }));
  attempt("grpcMetricExporter", () => mod.createMetricExporter("otlp", { protocol: "grpc" }));
  attempt("grpcSetup", () => mod.setupTracing({ presets: [{ name: "otlp", options: { protocol: "grpc" } }], registerGlobal: false }));
  attempt("grpcSetupNoMetrics", () => mod.setupTracing({ presets: [{ name: "otlp", options: { protocol: "grpc" } }], metrics: false, registerGlobal: false }));
  await Promise.all(created.map((made) => made.shutdown()));
  console.log(JSON.stringify(out));
})();
`;

async function probe(app: string, format: "esm" | "cjs"): Promise<Record<string, string>> {
  const args =
    format === "esm"
      ? ["--input-type=module", "-e", script(`await import("@genai-otel/exporter-presets")`)]
      : ["-e", script(`require("@genai-otel/exporter-presets")`)];
  const env = { ...process.env, NODE_PATH: "", OTEL_EXPORTER_OTLP_ENDPOINT: "", OTEL_EXPORTER_OTLP_PROTOCOL: "", GENAI_OTEL_PRESET: "" };
  const { stdout } = await run(process.execPath, args, { cwd: app, env });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

describe.skipIf(!built)("the built package installed without gRPC", () => {
  const apps: string[] = [];
  afterAll(() => {
    for (const app of apps) rmSync(app, { recursive: true, force: true });
  });

  for (const format of ["esm", "cjs"] as const) {
    it(`(${format}) exports over HTTP, and a gRPC preset throws a PresetConfigurationError naming the package to install`, async () => {
      const app = installWithout([TRACE, METRIC]);
      apps.push(app);
      const out = await probe(app, format);
      expect(out.httpExporter).toBe("ok");
      expect(out.grpcExporter).toBe(
        `PresetConfigurationError: The "jaeger" exporter preset sends traces over OTLP/gRPC, which needs the optional peer dependency ${TRACE}: ` +
          `install it (npm install ${TRACE}@"${GRPC_PACKAGES.traces.range}") or use protocol "http/protobuf" (the "protocol" option, or OTEL_EXPORTER_OTLP_PROTOCOL).`,
      );
      expect(out.grpcMetricExporter).toMatch(new RegExp(`^PresetConfigurationError: .*sends metrics over OTLP/gRPC.*${METRIC}`));
      expect(out.grpcSetup).toMatch(new RegExp(`^PresetConfigurationError: .*${TRACE}`));
    });

    it(`(${format}) with only the trace exporter installed, gRPC metrics say what to install or how to send spans only`, async () => {
      const app = installWithout([METRIC]);
      apps.push(app);
      const out = await probe(app, format);
      expect(out.grpcExporter).toBe("ok");
      expect(out.grpcSetup).toMatch(new RegExp(`^PresetConfigurationError: .*${METRIC}.*set the "metrics" option to false`));
      expect(out.grpcSetupNoMetrics).toBe("ok");
    });
  }
});
