import { diag } from "@opentelemetry/api";

function isNotInstalled(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND" || code === "ERR_PACKAGE_PATH_NOT_EXPORTED";
}

/**
 * Loads an optional peer package (`@llamaindex/workflow`) the way the app loads it, and hands it
 * to `use`:
 * - CommonJS build: `require`, synchronously: a CommonJS app's copy.
 * - ESM build: `import()`, asynchronously: an ESM app's copy, also under loaders such as tsx.
 *   Never `require(esm)`: loaders that compile ESM to CommonJS on `require` (tsx, ts-node) would
 *   make a second copy of the package and of `@llamaindex/core` / `@llamaindex/env` under it
 *   ("llamaindex was already imported"), and patch a class the app never uses. Only prototype
 *   methods that are looked up at call time are patched this way, so objects built before the
 *   import settles are reached as well; a call made before it settles is not traced.
 * A package that is not installed is skipped silently.
 *
 * @returns a promise that settles once `use` ran (or the package proved missing); never rejects
 */
export function loadPeer(specifier: string, use: (mod: Record<string, unknown>) => void): Promise<void> {
  const apply = (mod: unknown) => {
    try {
      use(mod as Record<string, unknown>);
    } catch (err) {
      diag.warn(`genai-otel: could not instrument ${specifier}`, err);
    }
  };
  const report = (err: unknown) => {
    if (!isNotInstalled(err)) diag.warn(`genai-otel: could not load ${specifier}`, err);
  };
  // `import.meta.resolve` exists in the ESM build only: the CommonJS build leaves it undefined.
  if (typeof import.meta.resolve !== "function") {
    try {
      apply(require(specifier));
    } catch (err) {
      report(err);
    }
    return Promise.resolve();
  }
  return import(specifier).then(apply, report);
}
