import { CONTENT_SETTINGS, defineSettings } from "@genai-otel/core-semconv/internal";

/** Env var that turns on context propagation when `propagateContext` is not given. */
export const ENV_PROPAGATE_CONTEXT = "GENAI_OTEL_LANGCHAIN_PROPAGATE_CONTEXT" as const;

/** Env var that turns off tags and metadata recording when `recordMetadata` is not given. */
export const ENV_RECORD_METADATA = "GENAI_OTEL_LANGCHAIN_RECORD_METADATA" as const;

/**
 * The settings of {@link OpenTelemetryCallbackHandler}, in one table: each option's variable,
 * default and doc. Resolved once per handler (option > env > default); the README's option table
 * is generated from it (`scripts/settings-tables.ts`) and checked by a test.
 */
export const LANGCHAIN_SETTINGS = defineSettings({
  ...CONTENT_SETTINGS,
  propagateContext: {
    option: "propagateContext",
    env: ENV_PROPAGATE_CONTEXT,
    type: "boolean",
    default: false as boolean,
    envValues: "`true`/`1`/`yes`, `false`/`0`/`no`",
    doc: "make each run's span active for the work it does (see below); needs an OpenTelemetry context manager (AsyncLocalStorage: Node, Bun, Deno, Workers with `nodejs_compat`; warns when none is registered)",
  },
  tracerProvider: { option: "tracerProvider", type: "object", default: undefined, defaultText: "global provider", doc: "where spans are created" },
  meterProvider: {
    option: "meterProvider",
    type: "object",
    default: undefined,
    defaultText: "global provider",
    doc: "where the GenAI client metrics (`gen_ai.client.token.usage`, `gen_ai.client.operation.duration`, `gen_ai.client.operation.time_to_first_chunk`) go",
  },
  maxOpenRuns: {
    option: "maxOpenRuns",
    type: "number",
    default: 10_000,
    defaultText: "10000",
    doc: "most runs open at once; the oldest is ended (marked `genai_otel.incomplete`) past it",
  },
  runTtlMs: {
    option: "runTtlMs",
    type: "number",
    default: 3_600_000,
    defaultText: "3600000 ms",
    doc: "runs open longer are ended, marked incomplete, counted and reported through `diag`",
  },
  recordMetadata: {
    option: "recordMetadata",
    env: ENV_RECORD_METADATA,
    type: "boolean",
    default: true as boolean,
    envValues: "`true`/`1`/`yes`, `false`/`0`/`no`",
    doc: "record each run's user tags and metadata (see below); conversation and user ids are read either way",
  },
});
