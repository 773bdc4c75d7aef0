/**
 * The release check (run by .ci/run after `npm test`, which builds the packages): packs the four
 * packages, checks what each tarball carries (LICENSE, README, CHANGELOG when there is one),
 * publishes them to a local Verdaccio on 127.0.0.1, then does what a user does: in a scratch app
 * that already has LangChain.js and LlamaIndex.TS, runs the README's `npm install` lines in order,
 * checks `npm ls --all` is clean, runs the README's Usage snippets against the local stand-ins and
 * checks the spans that arrive over OTLP (with each adapter's package version as the scope version),
 * and that a gRPC preset without the optional gRPC exporters says which package to install.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startOpenAIServer } from "@genai-otel-internal/openai-server";
import { startOtlpReceiver } from "@genai-otel-internal/otlp-receiver";
import { HARNESS, installCommands, usageProgram } from "./release-check/readme-app";
import { startRegistry } from "./release-check/verdaccio";

const root = fileURLToPath(new URL("..", import.meta.url));
const PACKAGES = ["core-semconv", "langchain-otel", "llamaindex-otel", "exporter-presets"] as const;
/**
 * What the user's app has before adding genai-otel: the versions the workspace tests, except
 * `@llamaindex/openai` 0.4.22: 0.4.23 wants `@llamaindex/core` 0.6.23 while llamaindex 0.12.1's
 * `@llamaindex/workflow` 1.1.24 wants 0.6.22, which npm refuses (ERESOLVE) once a package peers on
 * `@llamaindex/workflow` (as llamaindex-otel does, optionally). zod 3, as the examples use.
 */
const APP_DEPENDENCIES = ["@langchain/core@1.4.0", "@langchain/openai@1.6.0", "llamaindex@0.12.1", "@llamaindex/openai@0.4.22", "zod@3.25.76"];

const started = Date.now();
const phases: string[] = [];
let last = started;
function phase(name: string): void {
  const now = Date.now();
  phases.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
  console.log(`release-check: ${name} (${((now - last) / 1000).toFixed(1)} s)`);
  last = now;
}
function fail(message: string): never {
  throw new Error(`release-check: ${message}`);
}

/** Packs each package with pnpm (which rewrites `workspace:` ranges) and checks the tarball's files. */
function pack(out: string): Map<string, string> {
  const license = readFileSync(join(root, "LICENSE"), "utf8");
  const tarballs = new Map<string, string>();
  for (const dir of PACKAGES) {
    const cwd = join(root, "packages", dir);
    execFileSync("npx", ["--yes", "pnpm@10.34.9", "pack", "--pack-destination", out], { cwd, stdio: ["ignore", "ignore", "inherit"] });
    const file = readdirSync(out).find((name) => name.startsWith(`genai-otel-${dir}-`) && name.endsWith(".tgz"));
    if (file === undefined) fail(`pnpm pack wrote no tarball for ${dir}`);
    const tarball = join(out, file);
    const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).split("\n");
    const wanted = ["package/LICENSE", "package/README.md", "package/package.json", "package/dist/index.js", "package/dist/index.cjs"];
    if (existsSync(join(cwd, "CHANGELOG.md"))) wanted.push("package/CHANGELOG.md");
    const missing = wanted.filter((name) => !files.includes(name));
    if (missing.length > 0) fail(`${file} lacks ${missing.join(", ")}`);
    if (execFileSync("tar", ["xzf", tarball, "-O", "package/LICENSE"], { encoding: "utf8" }) !== license) fail(`${file}: LICENSE differs from the root LICENSE`);
    const map = JSON.parse(execFileSync("tar", ["xzf", tarball, "-O", "package/dist/index.js.map"], { encoding: "utf8" }));
    if ("sourcesContent" in map) fail(`${file}: source maps carry sourcesContent`);
    tarballs.set(dir, tarball);
  }
  return tarballs;
}

/**
 * Runs `node <args>` without blocking this process's event loop: the stand-ins the program talks to
 * run here. Killed after `timeoutMs`.
 */
function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs / 1000} s)`;
      child.kill();
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const result = spawnSync("npm", [...args, "--loglevel=error"], { cwd, env, encoding: "utf8" });
  if (result.status !== 0) fail(`npm ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const work = mkdtempSync(join(tmpdir(), "genai-otel-release-check-"));
const registry = await startRegistry(root, work);
const openai = await startOpenAIServer();
const receiver = await startOtlpReceiver();
try {
  const env = { ...process.env, npm_config_userconfig: registry.npmrc, npm_config_registry: registry.url, NODE_PATH: "" };
  phase(`Verdaccio up on ${registry.url}`);

  mkdirSync(join(work, "tarballs"));
  const tarballs = pack(join(work, "tarballs"));
  for (const tarball of tarballs.values()) npm(["publish", tarball, "--access", "public", "--provenance=false"], work, env);
  phase("packed, tarballs checked, published");

  const app = join(work, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "release-check-app", private: true, type: "module" }, null, 2));
  npm(["install", ...APP_DEPENDENCIES], app, env);
  phase("scratch app with LangChain.js and LlamaIndex.TS");
  const commands = installCommands(root);
  if (commands.length === 0) fail("README Install section has no npm install line");
  for (const args of commands) npm(args, app, env);
  phase(`README install lines (${commands.length})`);

  const ls = spawnSync("npm", ["ls", "--all"], { cwd: app, env, encoding: "utf8" });
  // npm ls exits non-zero for missing, invalid and extraneous packages; unmet optional peers are fine.
  if (ls.status !== 0 || /\binvalid\b|UNMET DEPENDENCY|\bextraneous\b/.test(ls.stdout)) fail(`npm ls --all is not clean:\n${ls.stdout}\n${ls.stderr}`);
  if (existsSync(join(app, "node_modules/@grpc/grpc-js"))) fail("an HTTP-only install pulled @grpc/grpc-js");

  writeFileSync(join(app, "harness.mjs"), HARNESS);
  writeFileSync(join(app, "readme.mjs"), usageProgram(root));
  const run = await runNode(
    ["readme.mjs"],
    app,
    {
      ...env,
      OPENAI_BASE_URL: openai.url,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
      GENAI_OTEL_PRESET: "",
      OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: "",
    },
    300_000,
  );
  if (run.status !== 0) fail(`the README Usage snippets failed (${run.status}):\n${run.output}`);
  const spans = receiver.spans().filter((span) => span.resource["service.name"] === "my-app");
  for (const dir of ["langchain-otel", "llamaindex-otel"]) {
    const scope = `@genai-otel/${dir}`;
    const { version } = JSON.parse(readFileSync(join(app, "node_modules", scope, "package.json"), "utf8"));
    const versions = new Set(spans.filter((span) => span.scope.name === scope).map((span) => span.scope.version));
    if (versions.size === 0) fail(`no spans from ${scope} arrived; got: ${spans.map((span) => span.name).join(", ")}`);
    if (versions.size !== 1 || !versions.has(version)) fail(`${scope} spans carry scope version(s) ${[...versions].join(", ")}, not ${version}`);
  }
  const workflow = spans.find((span) => span.name.includes("support-flow"));
  if (workflow === undefined || !spans.some((span) => span.parentSpanId === workflow.spanId && span.scope.name === "@genai-otel/langchain-otel")) {
    fail("withWorkflow did not parent the LangChain spans");
  }
  for (const prefix of ["chat ", "query"]) if (!spans.some((span) => span.name.startsWith(prefix))) fail(`no "${prefix}" span arrived`);
  phase(`README Usage snippets ran: ${spans.length} spans over OTLP, scope versions match package.json`);

  const grpc = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      'import { createExporter } from "@genai-otel/exporter-presets"; try { createExporter("otlp", { protocol: "grpc" }); } catch (e) { console.log(e.name + ": " + e.message); }',
    ],
    { cwd: app, env, encoding: "utf8" },
  );
  if (!/^PresetConfigurationError: .*npm install @opentelemetry\/exporter-trace-otlp-grpc/.test(grpc.stdout)) {
    fail(`a gRPC preset without the gRPC exporters should say which package to install; got:\n${grpc.stdout}${grpc.stderr}`);
  }
  phase("gRPC without its optional peers says what to install");
  console.log(`release-check: passed in ${((Date.now() - started) / 1000).toFixed(1)} s (${phases.join("; ")})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  const closed = Promise.allSettled([registry.close(), openai.close(), receiver.close()]);
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  rmSync(work, { recursive: true, force: true });
}
process.exit();
