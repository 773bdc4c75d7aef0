#!/usr/bin/env node
// Runs the pinned pnpm (from package.json "packageManager") through npx, so a machine with only
// Node and npm can install the workspace and run its scripts:
//   node scripts/pnpm.mjs install-and run <script>   install (frozen lockfile), then `pnpm run <script>`
//   node scripts/pnpm.mjs <any pnpm args>            pass through
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const root = new URL("..", import.meta.url);
const { packageManager } = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", NPM_CONFIG_UPDATE_NOTIFIER: "false" };

function pnpm(args) {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const result = spawnSync(npx, ["--yes", packageManager, ...args], { stdio: "inherit", cwd: root, env });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const args = process.argv.slice(2);
if (args[0] === "install-and") {
  pnpm(["install", "--frozen-lockfile", "--reporter=append-only"]);
  pnpm(args.slice(1));
} else {
  pnpm(args);
}
