/**
 * Environment variables, read the same way on every runtime: Node, Bun, Deno (with or without its
 * Node compatibility), Cloudflare Workers (workerd, with or without `nodejs_compat`) and Vercel's
 * edge runtime. Where there is no `process` (or no `process.env`), nothing is set; a runtime that
 * throws on access (Deno without `--allow-env`) counts as unset too. On Workers, variables are
 * bindings of the request's `env`, not process variables: pass them as options there.
 */

interface DenoLike {
  readonly env?: { get(name: string): string | undefined };
}

function rawEnv(name: string): string | undefined {
  try {
    if (typeof process !== "undefined" && process?.env !== undefined) return process.env[name];
    const deno = (globalThis as { Deno?: DenoLike }).Deno;
    return deno?.env?.get(name);
  } catch {
    return undefined;
  }
}

/**
 * Reads environment variable `name` at call time (so tests can stub it): trimmed, and `undefined`
 * when unset, blank, or when the runtime has no environment (see the module comment). As the
 * OpenTelemetry SDK configuration spec says, an empty value is treated as unset. Never throws.
 *
 * @param name - the variable, e.g. `"OTEL_SERVICE_NAME"`
 * @returns the trimmed value, or `undefined`
 */
export function readEnv(name: string): string | undefined {
  const value = rawEnv(name)?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** The first of `names` that is set (see {@link readEnv}), with its name; `undefined` when none is. */
export function readFirstEnv(...names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = readEnv(name);
    if (value !== undefined) return { name, value };
  }
  return undefined;
}

const TRUE_VALUES: ReadonlySet<string> = new Set(["true", "1", "yes"]);
const FALSE_VALUES: ReadonlySet<string> = new Set(["false", "0", "no"]);

/**
 * The one boolean syntax of every genai-otel variable: `true`, `1`, `yes` mean true; `false`, `0`,
 * `no` mean false; case-insensitive, surrounding blanks ignored.
 *
 * @param raw - the text to parse
 * @returns the boolean, or `undefined` when `raw` is none of those words (the caller says so and
 *   uses its default)
 */
export function parseBoolean(raw: string): boolean | undefined {
  const value = raw.trim().toLowerCase();
  if (TRUE_VALUES.has(value)) return true;
  if (FALSE_VALUES.has(value)) return false;
  return undefined;
}
