import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "tsup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import tsupConfig from "../tsup.config";
import { type OpenAIServer, startOpenAIServer } from "./fixtures";
import { type PrintedSpan, printedSpans, SCENARIO_SPANS } from "./module-formats/scenario-spans";

// Apps run in child processes: how the app loads LlamaIndex (ESM, CommonJS, tsx) decides which
// module instances exist, which no in-process test can show.
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const appsDir = fileURLToPath(new URL("./module-formats/", import.meta.url));
// Under node_modules so the build resolves the package's dependencies like dist/ does.
const buildDir = fileURLToPath(new URL("../node_modules/.cache/llamaindex-otel-module-formats/", import.meta.url));
let server: OpenAIServer;


async function runApp(args: string[]): Promise<{ spans: PrintedSpan[]; stderr: string }> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
    cwd: packageDir,
    env: { ...process.env, STAND_IN_URL: server.url },
    timeout: 60_000,
  });
  return { spans: printedSpans(stdout), stderr };
}

beforeAll(async () => {
  server = await startOpenAIServer();
  // The real build configuration, written elsewhere so a concurrent `tsup` in the package is not disturbed.
  const config = Array.isArray(tsupConfig) ? tsupConfig[0] : tsupConfig;
  await build({ ...config, outDir: buildDir, dts: false, sourcemap: false, silent: true, config: false });
  writeFileSync(`${buildDir}package.json`, JSON.stringify({ type: "module" }));
}, 60_000);
afterAll(() => server.close());

describe("an app run", () => {
  it("under tsx (node --import tsx app.ts) gets chat spans, and LlamaIndex loaded once", async () => {
    const { spans, stderr } = await runApp(["--import", "tsx", `${appsDir}tsx-app.ts`]);
    expect(spans).toEqual(SCENARIO_SPANS);
    expect(stderr).not.toContain("already imported");
  }, 120_000); // a child process on a loaded machine

  it("as plain-Node ESM with the ESM build", async () => {
    const { spans, stderr } = await runApp([`${appsDir}esm-app.mjs`, `${buildDir}index.js`]);
    expect(spans).toEqual(SCENARIO_SPANS);
    expect(stderr).not.toContain("already imported");
  }, 120_000); // a child process on a loaded machine

  it("as plain-Node CommonJS with the CommonJS build", async () => {
    const { spans, stderr } = await runApp([`${appsDir}cjs-app.cjs`, `${buildDir}index.cjs`]);
    expect(spans).toEqual(SCENARIO_SPANS);
    expect(stderr).not.toContain("already imported");
  }, 120_000); // a child process on a loaded machine
});
