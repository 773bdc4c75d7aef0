import { diag } from "@opentelemetry/api";
import { parseBoolean, readEnv } from "./env";

/** The kinds of value a setting takes from its environment variable. */
export type SettingType = "boolean" | "number" | "string" | "object" | "function";

/**
 * One entry of a package's settings table: an option, the environment variable that sets it when
 * the option is not given, its type, default and documentation. The table is the one source of the
 * README's option table (checked by a test) and of the resolution in code.
 */
export interface SettingSpec<T = unknown> {
  /** The option's name in the options object, e.g. `"propagateContext"`. */
  readonly option: string;
  /** The environment variable read when the option is not given; absent for code-only options. */
  readonly env?: string;
  /**
   * How the variable's text is parsed: `boolean` with {@link parseBoolean}, `number` as a finite
   * number, `string` as is. `object` and `function` settings are code-only (no `env`).
   */
  readonly type: SettingType;
  /** The value when neither the option nor the variable is set. */
  readonly default: T;
  /** The default as the README shows it (e.g. `"off"`, `"the global provider"`); defaults to the value in backticks. */
  readonly defaultText?: string;
  /** The accepted variable values as the README shows them, when more than the type says. */
  readonly envValues?: string;
  /** What the setting does, one sentence for the README. */
  readonly doc: string;
  /** Parses the variable's text when the type's parsing is not enough; `undefined` means invalid. */
  readonly parse?: (raw: string) => T | undefined;
}

/** A package's settings table: option name → spec. */
export type SettingsTable = Readonly<Record<string, SettingSpec>>;

/**
 * Declares a settings table (an identity function that keeps the literal types).
 * @param table - option name → {@link SettingSpec}; each spec's `option` must equal its key
 */
export function defineSettings<const Table extends SettingsTable>(table: Table): Table {
  return table;
}

function parseEnvValue(spec: SettingSpec, raw: string): unknown {
  if (spec.parse !== undefined) return spec.parse(raw);
  if (spec.type === "boolean") return parseBoolean(raw);
  if (spec.type === "number") {
    const value = Number(raw);
    return raw !== "" && Number.isFinite(value) ? value : undefined;
  }
  return raw;
}

/**
 * Resolves one setting with the precedence option > environment variable > default. An option of
 * `undefined` counts as not given. A variable whose value cannot be parsed is reported once per
 * call through `diag.warn` (naming the variable and what it accepts) and the default is used.
 *
 * @param spec - the setting's entry in its table
 * @param option - the value given in code, if any
 * @returns the resolved value
 */
export function resolveSetting<T>(spec: SettingSpec<T>, option: T | undefined): T {
  if (option !== undefined) return option;
  if (spec.env === undefined) return spec.default;
  const raw = readEnv(spec.env);
  if (raw === undefined) return spec.default;
  const value = parseEnvValue(spec, raw);
  if (value !== undefined) return value as T;
  const accepted = spec.envValues ?? (spec.type === "boolean" ? "true/1/yes or false/0/no" : `a ${spec.type}`);
  diag.warn(`genai-otel: ignoring ${spec.env}="${raw}": expected ${accepted}; using the default.`);
  return spec.default;
}

/** The resolved values of a table: each option's type as declared by its default. */
export type ResolvedSettings<Table extends SettingsTable> = { -readonly [Key in keyof Table]: Table[Key]["default"] };

/**
 * Resolves every setting of a table once (see {@link resolveSetting}).
 * @param table - the package's settings table
 * @param options - the options object given in code
 * @returns one value per entry
 */
export function resolveSettings<Table extends SettingsTable>(table: Table, options: Readonly<Record<string, unknown>> = {}): ResolvedSettings<Table> {
  const resolved: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(table)) resolved[key] = resolveSetting(spec, options[key]);
  return resolved as ResolvedSettings<Table>;
}

/**
 * The README's option table of a settings table, in Markdown (`| option | env var | default | what it does |`),
 * one row per entry in table order. Package READMEs hold it between `<!-- settings:start -->` and
 * `<!-- settings:end -->`; a test checks it is current.
 */
export function settingsMarkdown(table: SettingsTable): string {
  const rows = Object.values(table).map((spec) => {
    const env = spec.env === undefined ? "" : `\`${spec.env}\`${spec.envValues === undefined ? "" : ` (${spec.envValues})`}`;
    const fallback = spec.defaultText ?? `\`${String(spec.default)}\``;
    return `| \`${spec.option}\` | ${env} | ${fallback} | ${spec.doc} |`;
  });
  return ["| option | env var | default | what it does |", "|---|---|---|---|", ...rows].join("\n");
}

/** The block of `readme` between the settings markers, trimmed; `undefined` when the markers are missing. */
export function readmeSettingsBlock(readme: string): string | undefined {
  const match = /<!-- settings:start -->\n([\s\S]*?)\n<!-- settings:end -->/.exec(readme);
  return match?.[1]?.trim();
}
