import { version } from "virtual:llamaindex-core-version";
import { expect, it } from "vitest";

// The suite runs twice: against the newest LlamaIndex (this package's devDependencies) and, from
// compat/llamaindex-oldest, against the oldest supported. This checks which copy the imports reach.
it("runs against the expected @llamaindex/core", () => {
  expect(version).toBe(process.env.EXPECT_LLAMAINDEX_CORE);
});
