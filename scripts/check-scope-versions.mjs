#!/usr/bin/env node
// Checks that the built adapters report their package.json version as the instrumentation scope
// version. The version is inlined at build time (`import { version } from "../package.json"`), so a
// build made before `changeset version` would publish the old one (0.1.0 went out as "0.0.0").
// Run by `npm run release:publish` between the build and `changeset publish`, and usable on any
// directory of built packages: node scripts/check-scope-versions.mjs [packagesDir]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const packagesDir = resolve(process.argv[2] ?? fileURLToPath(new URL("../packages", import.meta.url)));
const versionOf = (dir) => JSON.parse(readFileSync(join(packagesDir, dir, "package.json"), "utf8")).version;
const load = (dir) => import(pathToFileURL(join(packagesDir, dir, "dist/index.js")).href);

/** A TracerProvider that records the (name, version) each getTracer call asks for and hands out the API's no-op tracer. */
function recordingProvider(api, seen) {
  return {
    getTracer(name, version) {
      seen.set(name, version);
      return api.trace.getTracerProvider().getTracer(name, version);
    },
  };
}

async function langchainScope() {
  const api = createRequire(join(packagesDir, "langchain-otel/package.json"))("@opentelemetry/api");
  const { OpenTelemetryCallbackHandler } = await load("langchain-otel");
  const seen = new Map();
  const handler = new OpenTelemetryCallbackHandler({ tracerProvider: recordingProvider(api, seen) });
  // The callback interface LangChain calls; the span it starts asks the provider for the tracer.
  await handler.handleChainStart({ lc: 1, type: "not_implemented", id: ["scope-check"] }, { question: "?" }, "scope-check-run");
  await handler.handleChainEnd({}, "scope-check-run");
  return seen.get("@genai-otel/langchain-otel");
}

async function llamaindexScope() {
  const { LlamaIndexInstrumentation } = await load("llamaindex-otel");
  return new LlamaIndexInstrumentation({ enabled: false }).instrumentationVersion;
}

const checks = [
  ["langchain-otel", langchainScope],
  ["llamaindex-otel", llamaindexScope],
];
let failed = false;
for (const [dir, scopeVersion] of checks) {
  const expected = versionOf(dir);
  const actual = await scopeVersion();
  if (actual === expected) console.log(`scope version: @genai-otel/${dir} reports ${actual}, as in its package.json`);
  else {
    console.error(`scope version: @genai-otel/${dir} reports ${actual} but its package.json says ${expected}: rebuild after \`changeset version\``);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
