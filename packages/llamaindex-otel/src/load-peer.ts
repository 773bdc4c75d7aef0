import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { diag } from "@opentelemetry/api";

function isNotInstalled(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND" || code === "ERR_PACKAGE_PATH_NOT_EXPORTED";
}

/**
 * Loads an optional peer package (a LlamaIndex provider such as `@llamaindex/openai`) from the
 * app's own copy, in the module format this build runs in, and hands it to `use`:
 * - CommonJS build: `require`, so a CJS app's copy is patched;
 * - ESM build: the package's ESM entry loaded synchronously with `require(esm)` (Node ≥ 20.19), the
 *   same module instance the app's `import` gets. Synchronous matters: LlamaIndex binds `chat` per
 *   instance at construction, so the class must be patched before the app's next line builds one.
 *   Without `require(esm)`, it falls back to `import()`: instances built before that settles are missed.
 * A package that is not installed is skipped silently.
 */
export function loadPeer(specifier: string, use: (mod: Record<string, unknown>) => void): void {
  const apply = (mod: unknown) => {
    try {
      use(mod as Record<string, unknown>);
    } catch (err) {
      diag.warn(`genai-otel llamaindex: could not instrument ${specifier}`, err);
    }
  };
  // `import.meta.resolve` exists in the ESM build only: the CommonJS build leaves it undefined.
  const resolve: ((specifier: string) => string) | undefined = import.meta.resolve;
  if (typeof resolve !== "function") {
    try {
      apply(require(specifier));
    } catch (err) {
      if (!isNotInstalled(err)) diag.warn(`genai-otel llamaindex: could not load ${specifier}`, err);
    }
    return;
  }
  let entry: string;
  try {
    entry = fileURLToPath(resolve(specifier));
  } catch (err) {
    if (!isNotInstalled(err)) diag.warn(`genai-otel llamaindex: could not resolve ${specifier}`, err);
    return;
  }
  try {
    apply(createRequire(import.meta.url)(entry));
  } catch (err) {
    diag.debug(`genai-otel llamaindex: require(esm) of ${specifier} unavailable, importing it asynchronously`, err);
  }
  // Also patch the copy `import` gives. Under plain Node it is the module require(esm) returned
  // (patching is idempotent); under loaders that compile ESM to CJS on require (tsx, ts-node) it is
  // a different copy, and the one the app uses.
  import(specifier).then(apply, (e: unknown) => diag.warn(`genai-otel llamaindex: could not import ${specifier}`, e));
}
