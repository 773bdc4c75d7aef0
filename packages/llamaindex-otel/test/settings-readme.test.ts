import { readFileSync } from "node:fs";
import { readmeSettingsBlock, settingsMarkdown } from "@genai-otel/core-semconv/internal";
import { describe, expect, it } from "vitest";
import { LLAMAINDEX_SETTINGS } from "../src/settings";

describe("README option table", () => {
  it("is the settings table the code resolves (regenerate with: npx tsx scripts/settings-tables.ts)", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    expect(readmeSettingsBlock(readme)).toBe(settingsMarkdown(LLAMAINDEX_SETTINGS));
  });
});
