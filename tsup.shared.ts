import { defineConfig, type Options } from "tsup";

/**
 * The one build configuration every published package extends: ESM + CJS + declarations for
 * both, targeting the oldest Node the packages declare in `engines`. Source maps are kept (stack
 * traces with `--enable-source-maps` name our source files and lines) without `sourcesContent`,
 * which halved the packed tarballs (BENCHMARKS.md, "Install size"). A package's own
 * `esbuildOptions` run after the shared ones.
 */
export function libraryConfig(entry: Record<string, string> = { index: "src/index.ts" }, extra: Options = {}) {
  const { esbuildOptions: own, ...rest } = extra;
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
    ...rest,
    esbuildOptions(options, context) {
      options.sourcesContent = false;
      own?.(options, context);
    },
  });
}
