import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "tsup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import tsupConfig from "../tsup.config";
import { type OpenAIServer, startOpenAIServer } from "./fixtures";
import { type PrintedSpan, printedSpans, SCENARIO_SPANS } from "./module-formats/scenario-spans";

// A user's `npm i llamaindex@0.12.1 @llamaindex/openai@0.4.23 @llamaindex/workflow@1.1.25` gives
// two copies of @llamaindex/core: 0.6.23 at the top (openai, workflow and this package see it) and
// 0.6.22 under llamaindex (its engines, retrievers, synthesizers and Settings). The fixture is
// installed by npm, as users do (pnpm's workspace layout would hide the problem), and this
// package's build is placed in its node_modules, where a user's install puts it.
const execFileAsync = promisify(execFile);
const fixture = fileURLToPath(new URL("../../../compat/llamaindex-two-cores/", import.meta.url));
const coreSemconv = fileURLToPath(new URL("../../core-semconv/", import.meta.url));
const scenario = fileURLToPath(new URL("./module-formats/scenario.cjs", import.meta.url));
const installed = `${fixture}node_modules/`;
const adapterDir = `${installed}@genai-otel/llamaindex-otel/`;
let server: OpenAIServer;


function versionAt(dir: string): string {
  return JSON.parse(readFileSync(`${dir}package.json`, "utf8")).version;
}

/** `npm install` in the fixture unless its node_modules matches its package.json already. */
async function installFixture(): Promise<void> {
  const wanted = readFileSync(`${fixture}package.json`, "utf8");
  const stamp = `${installed}.genai-otel-installed-from`;
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return;
  await execFileAsync("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"], { cwd: fixture, timeout: 240_000 });
  writeFileSync(stamp, wanted);
}

/** This package's build in the fixture's node_modules, beside a link to core-semconv (built by `^build`). */
async function placeBuild(): Promise<void> {
  rmSync(adapterDir, { recursive: true, force: true });
  const config = Array.isArray(tsupConfig) ? tsupConfig[0] : tsupConfig;
  await build({ ...config, outDir: `${adapterDir}dist`, dts: false, sourcemap: false, silent: true, config: false });
  const exports = { ".": { import: "./dist/index.js", require: "./dist/index.cjs" } };
  writeFileSync(`${adapterDir}package.json`, JSON.stringify({ name: "@genai-otel/llamaindex-otel", type: "module", exports }));
  const link = `${installed}@genai-otel/core-semconv`;
  rmSync(link, { recursive: true, force: true });
  mkdirSync(`${installed}@genai-otel`, { recursive: true });
  symlinkSync(coreSemconv, link, "dir");
}

async function runApp(app: string, entry: string): Promise<{ spans: PrintedSpan[]; stderr: string }> {
  const { stdout, stderr } = await execFileAsync(process.execPath, [`${fixture}${app}`, `${adapterDir}dist/${entry}`, scenario], {
    cwd: fixture,
    env: { ...process.env, STAND_IN_URL: server.url },
    timeout: 60_000,
  });
  return { spans: printedSpans(stdout), stderr };
}

beforeAll(async () => {
  server = await startOpenAIServer();
  await installFixture();
  await placeBuild();
}, 300_000);
afterAll(() => server.close());

describe("an npm install with two copies of @llamaindex/core", () => {
  it("has them: 0.6.23 at the top, 0.6.22 under llamaindex", () => {
    expect(versionAt(`${installed}@llamaindex/core/`)).toBe("0.6.23");
    expect(versionAt(`${installed}llamaindex/node_modules/@llamaindex/core/`)).toBe("0.6.22");
  });

  it.each([
    ["plain-Node ESM", "esm-app.mjs", "index.js"],
    ["plain-Node CommonJS", "cjs-app.cjs", "index.cjs"],
  ])("%s: query, retrieval, synthesis, embeddings and chat are traced, and diag says there are two copies", async (_, app, entry) => {
    const { spans, stderr } = await runApp(app, entry);
    expect(spans).toEqual(SCENARIO_SPANS);
    expect(stderr).toContain("two copies of @llamaindex/core");
  }, 120_000); // a child process on a loaded machine
});
