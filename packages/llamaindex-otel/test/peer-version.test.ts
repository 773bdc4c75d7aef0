import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

// vitest.compat.config.ts runs every test against the oldest supported LlamaIndex; this checks that
// copy is the one installed (the default run checks the newest, the devDependency).
it("runs against the expected @llamaindex/core", () => {
  const name = process.env.LLAMAINDEX_CORE_PACKAGE ?? "@llamaindex/core";
  const installed = JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8")).version;
  const devDependency = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).devDependencies["@llamaindex/core"];
  expect(installed).toBe(process.env.EXPECT_LLAMAINDEX_CORE ?? devDependency);
});
