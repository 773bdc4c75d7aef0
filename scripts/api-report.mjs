#!/usr/bin/env node
// API reports: one `api/<name>.api.md` per public entry point of each published package, written by
// API Extractor (@microsoft/api-extractor) from the built declarations (`dist/*.d.ts`, so build first).
// A change to a package's public surface therefore shows up in review as a change to its report.
//
//   node scripts/api-report.mjs [--update] [packages/<pkg> ...]
//
// Without --update it checks: it fails when a report is missing or differs from the built surface
// (each package's `lint` runs it, so `npm test` does). With --update it rewrites the reports
// (`npm run api:update` builds the packages, then runs this). Default: the four published packages.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const update = args.includes("--update");
const dirs = args.filter((a) => !a.startsWith("--")).map((d) => resolve(d));
const packages = dirs.length
  ? dirs
  : ["core-semconv", "langchain-otel", "llamaindex-otel", "exporter-presets"].map((p) => join(root, "packages", p));

/** Every subpath of the package's `exports` map with ESM declarations: `.` → `<name>`, `./x` → `<name>-x`. */
function entryPoints(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const unscoped = pkg.name.replace(/^@[^/]+\//, "");
  return Object.entries(pkg.exports ?? {}).flatMap(([subpath, target]) => {
    const types = target?.import?.types;
    if (typeof types !== "string") return [];
    const report = subpath === "." ? unscoped : `${unscoped}-${subpath.slice(2).replaceAll("/", "-")}`;
    return [{ pkg, report, dts: join(dir, types) }];
  });
}

let failed = 0;
for (const dir of packages) {
  const reportFolder = join(dir, "api");
  mkdirSync(reportFolder, { recursive: true });
  for (const { pkg, report, dts } of entryPoints(dir)) {
    if (!existsSync(dts)) {
      console.error(`api-report: ${dts} is missing; build ${pkg.name} first (npx pnpm@10.34.9 turbo run build).`);
      failed++;
      continue;
    }
    const config = ExtractorConfig.prepare({
      packageJsonFullPath: join(dir, "package.json"),
      configObjectFullPath: undefined,
      configObject: {
        projectFolder: dir,
        mainEntryPointFilePath: dts,
        newlineKind: "lf",
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: "ES2022",
              lib: ["ES2023"],
              module: "ESNext",
              moduleResolution: "Bundler",
              types: ["node"],
              strict: true,
              skipLibCheck: true,
            },
            files: [dts],
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: report,
          reportFolder,
          reportTempFolder: join(dir, "node_modules", ".api-report"),
          includeForgottenExports: true,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: "warning" } },
          extractorMessageReporting: {
            default: { logLevel: "warning", addToApiReportFile: true },
            // Release tags (@public/@beta) are not used: what is exported from an entry is public,
            // and `./internal` entries say so in their TSDoc.
            "ae-missing-release-tag": { logLevel: "none" },
            "ae-internal-missing-underscore": { logLevel: "none" },
            // Reported with line numbers of the built .d.ts, which would churn on every change: TSDoc coverage is
            // reviewed in the sources instead; tsup places the @packageDocumentation comment after the imports.
            "ae-undocumented": { logLevel: "none" },
            "ae-misplaced-package-tag": { logLevel: "none" },
          },
          tsdocMessageReporting: { default: { logLevel: "none" } },
        },
      },
    });
    const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false, messageCallback: quiet });
    const file = `packages/${dir.split("/").pop()}/api/${report}.api.md`;
    if (update) {
      console.log(`api-report: ${file} ${result.apiReportChanged ? "updated" : "unchanged"}`);
    } else if (!result.succeeded || result.apiReportChanged) {
      console.error(
        `api-report: the public API of ${pkg.name} (${file}) differs from its report. If the change is intended, run ` +
          "`npm run api:update` and commit the report (see DEVELOPERS.md, API reports).",
      );
      failed++;
    }
  }
}
process.exit(failed ? 1 : 0);

/** Keeps API Extractor's routine chatter ("Analysis will use the bundled TypeScript version ...") off the output. */
function quiet(message) {
  if (message.logLevel === "info" || message.logLevel === "verbose") message.handled = true;
}
