/**
 * A local npm registry for the release check: Verdaccio 6.8.0 (pinned in tools/verdaccio, installed
 * there with `npm ci` on first use) on 127.0.0.1, proxying everything but `@genai-otel/*` to the
 * real npm registry. Its cache of third-party packages persists under node_modules/.cache so that
 * later runs do not download them again; our packages are removed before each start.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export interface Registry {
  /** e.g. `http://127.0.0.1:4873/` */
  readonly url: string;
  /** An npm user config file with the registry and a token for it. */
  readonly npmrc: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Installs the pinned Verdaccio (with its lockfile) unless it is there; returns its bin script. */
export function ensureVerdaccio(root: string): string {
  const dir = join(root, "tools/verdaccio");
  const bin = join(dir, "node_modules/verdaccio/bin/verdaccio");
  if (!existsSync(bin)) {
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
  }
  return bin;
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited with code ${child.exitCode}:\n${output()}`);
    const up = await fetch(`${url}-/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Verdaccio did not answer on ${url} within 30 s:\n${output()}`);
}

/** Starts Verdaccio with its storage and config under `cacheDir` and `workDir`, adds a user, writes an npmrc. */
export async function startRegistry(root: string, workDir: string): Promise<Registry> {
  const bin = ensureVerdaccio(root);
  const cacheDir = join(root, "node_modules/.cache/genai-otel-release-check");
  const storage = join(cacheDir, "storage");
  rmSync(join(storage, "@genai-otel"), { recursive: true, force: true });
  mkdirSync(storage, { recursive: true });
  const config = join(workDir, "verdaccio.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(storage)}`,
      "auth:",
      `  htpasswd: { file: ${JSON.stringify(join(workDir, "htpasswd"))}, max_users: 10 }`,
      "uplinks:",
      "  npmjs: { url: https://registry.npmjs.org/, timeout: 60s }",
      "packages:",
      "  '@genai-otel/*': { access: $all, publish: $authenticated }",
      "  '**': { access: $all, publish: $authenticated, proxy: npmjs }",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [bin, "--config", config, "--listen", `127.0.0.1:${port}`], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill();
    });
  try {
    await waitUntilUp(url, child, () => output);
    const response = await fetch(`${url}-/user/org.couchdb.user:release-check`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "release-check", password: "release-check-fake-password" }),
    });
    const { token } = (await response.json()) as { token?: string };
    if (!response.ok || !token) throw new Error(`could not add a Verdaccio user (HTTP ${response.status})`);
    const npmrc = join(workDir, "npmrc");
    writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\nfund=false\naudit=false\nupdate-notifier=false\n`);
    return { url, npmrc, close };
  } catch (error) {
    await close();
    throw error;
  }
}
