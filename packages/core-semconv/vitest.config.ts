import { transform } from "esbuild";
import { mergeConfig } from "vitest/config";
import { packageTestConfig } from "../../vitest.shared.ts";

// Standard (TC39) decorators are tested in test/decorators.test.ts. Vite's transformer (oxc) leaves
// them as-is and no Node version parses them yet, so that file is lowered by esbuild first, as
// tsup, tsx and TypeScript itself would for users.
export default mergeConfig(packageTestConfig(), {
  // test/lifecycle-registry.test.ts forces garbage collection (global.gc) to check that a dropped
  // stream ends its span; the flag changes nothing else.
  test: { execArgv: ["--expose-gc"] },
  plugins: [
    {
      name: "lower-standard-decorators",
      enforce: "pre" as const,
      async transform(code: string, id: string) {
        if (!id.endsWith("decorators.test.ts")) return undefined;
        const out = await transform(code, { loader: "ts", target: "es2022", sourcemap: true, sourcefile: id });
        return { code: out.code, map: out.map };
      },
    },
  ],
});
