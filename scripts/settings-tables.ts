/**
 * Writes each package's settings table (from its declarative settings table in code) into its
 * README, between `<!-- settings:start -->` and `<!-- settings:end -->`. Each package has a test that
 * fails when the README is out of date: run `npx tsx scripts/settings-tables.ts` then.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { CONTENT_SETTINGS, type SettingsTable, settingsMarkdown } from "../packages/core-semconv/src/internal";
import { LANGCHAIN_SETTINGS } from "../packages/langchain-otel/src/settings";
import { LLAMAINDEX_SETTINGS } from "../packages/llamaindex-otel/src/settings";
import { SETUP_TRACING_SETTINGS } from "../packages/exporter-presets/src/settings";

const TABLES: ReadonlyArray<[string, SettingsTable]> = [
  ["packages/core-semconv/README.md", CONTENT_SETTINGS],
  ["packages/langchain-otel/README.md", LANGCHAIN_SETTINGS],
  ["packages/llamaindex-otel/README.md", LLAMAINDEX_SETTINGS],
  ["packages/exporter-presets/README.md", SETUP_TRACING_SETTINGS],
];

for (const [path, table] of TABLES) {
  const readme = readFileSync(path, "utf8");
  const next = readme.replace(/<!-- settings:start -->\n[\s\S]*?<!-- settings:end -->/, `<!-- settings:start -->\n${settingsMarkdown(table)}\n<!-- settings:end -->`);
  if (next === readme) console.log(`${path}: up to date`);
  else {
    writeFileSync(path, next);
    console.log(`${path}: updated`);
  }
}
