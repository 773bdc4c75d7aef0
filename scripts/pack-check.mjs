#!/usr/bin/env node
// Packs the four published packages, installs the tarballs (with their peers) into a fresh
// project outside the workspace, and checks each can be imported (ESM) and required (CJS) and
// exposes its main exports. Run after `turbo run build`.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const PACKAGES = {
  "core-semconv": ["ATTR_GEN_AI_OPERATION_NAME", "ContentPolicy", "safeJsonStringify", "spanName", "withWorkflow", "toOpenInference"],
  "langchain-otel": ["OpenTelemetryCallbackHandler"],
  "llamaindex-otel": ["instrumentLlamaIndex"],
  "exporter-presets": ["setupTracing", "createExporter"],
};
const PEERS = ["@opentelemetry/api@1.9.0", "@langchain/core@1.2.13", "llamaindex@0.12.1"];

const out = join(root, ".pack-check");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const tarballs = {};
for (const dir of Object.keys(PACKAGES)) {
  const cwd = join(root, "packages", dir);
  execFileSync("npx", ["--yes", "pnpm@10.34.9", "pack", "--pack-destination", out], { cwd, stdio: ["ignore", "ignore", "inherit"] });
}
for (const file of readdirSync(out)) {
  const dir = Object.keys(PACKAGES).find((d) => file.startsWith(`genai-otel-${d}-`));
  if (dir) tarballs[`@genai-otel/${dir}`] = join(out, file);
}

const app = mkdtempSync(join(tmpdir(), "genai-otel-pack-"));
try {
  const deps = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "pack-check", private: true, dependencies: deps, overrides: deps }, null, 2));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...PEERS], { cwd: app, stdio: "inherit" });
  for (const [dir, names] of Object.entries(PACKAGES)) {
    const pkg = `@genai-otel/${dir}`;
    const check = `const missing = ${JSON.stringify(names)}.filter((n) => !(n in m)); if (missing.length) { console.error("${pkg}: missing exports " + missing); process.exit(1); }`;
    execFileSync(process.execPath, ["--input-type=module", "-e", `const m = await import("${pkg}"); ${check}`], { cwd: app, stdio: "inherit" });
    execFileSync(process.execPath, ["-e", `const m = require("${pkg}"); ${check}`], { cwd: app, stdio: "inherit" });
    console.log(`pack-check: ${pkg} imports (ESM) and requires (CJS) from its tarball`);
  }
} finally {
  rmSync(app, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
