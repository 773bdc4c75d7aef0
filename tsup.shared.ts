import { defineConfig, type Options } from "tsup";

/**
 * The one build configuration every published package extends: ESM + CJS + declarations for
 * both, targeting the oldest Node the packages declare in `engines`.
 */
export function libraryConfig(entry: Record<string, string> = { index: "src/index.ts" }, extra: Options = {}) {
  return defineConfig({
    entry,
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    platform: "node",
    splitting: false,
    treeshake: true,
    ...extra,
  });
}
