#!/usr/bin/env node
// `npm run test:node24`: a subset of the suites on Node 24 (CI runs everything else on Node 20, the
// machine's one Node). The binary comes from the `node` npm package pinned in tools/node24, installed
// there with `npm ci` on first use (its install script fetches the build for this platform from the
// npm registry). Tests alias the packages' sources, so nothing is built; vitest's workers run on the
// same binary (it forks with process.execPath).
//   node scripts/node24.mjs            the subset below
//   node scripts/node24.mjs --all      every test file of core-semconv, langchain-otel, llamaindex-otel
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const toolDir = `${root}tools/node24`;
const bin = `${toolDir}/node_modules/node/bin/node`;
const vitest = `${root}node_modules/vitest/vitest.mjs`;

/**
 * Per package, the test files run (empty: all). Chosen for what differs between Node lines: async context, fetch and
 * streams, abort; they run core-semconv's sources too. About 45 s of tests (the whole three suites: about 4.5 minutes).
 */
const SUBSET = {
  "langchain-otel": ["test/chains.test.ts", "test/context-propagation.test.ts", "test/control-flow.test.ts", "test/streaming.test.ts", "test/trace-context.test.ts"],
};
const ALL = { "core-semconv": [], "langchain-otel": [], "llamaindex-otel": [] };

if (!existsSync(bin)) {
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: toolDir, stdio: "inherit" });
}
const version = execFileSync(bin, ["--version"], { encoding: "utf8" }).trim();
if (!version.startsWith("v24.")) {
  console.error(`tools/node24 gave Node ${version}, not 24.x: delete tools/node24/node_modules and run again`);
  process.exit(1);
}
console.log(`Node ${version} (tools/node24)`);

const suites = process.argv.includes("--all") ? ALL : SUBSET;
const env = { ...process.env, PATH: `${dirname(bin)}:${process.env.PATH}` };
for (const [pkg, files] of Object.entries(suites)) {
  const started = Date.now();
  const result = spawnSync(bin, [vitest, "run", ...files], { cwd: `${root}packages/${pkg}`, stdio: "inherit", env });
  console.log(`${pkg} on Node ${version}: ${result.status === 0 ? "pass" : "FAIL"}, ${Math.round((Date.now() - started) / 1000)} s`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
