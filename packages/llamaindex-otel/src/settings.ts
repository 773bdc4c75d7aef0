import { CONTENT_SETTINGS, defineSettings } from "@genai-otel/core-semconv/internal";

/**
 * The settings of {@link instrumentLlamaIndex} / `LlamaIndexInstrumentation`, in one table; the
 * README's option table is generated from it (`scripts/settings-tables.ts`) and checked by a test.
 */
export const LLAMAINDEX_SETTINGS = defineSettings({
  ...CONTENT_SETTINGS,
  tracerProvider: { option: "tracerProvider", type: "object", default: undefined, defaultText: "the global provider", doc: "where spans go" },
  meterProvider: {
    option: "meterProvider",
    type: "object",
    default: undefined,
    defaultText: "the global provider (a no-op until an SDK is registered)",
    doc: "where the GenAI client metrics go",
  },
  enabled: {
    option: "enabled",
    type: "boolean",
    default: true as boolean,
    doc: "`LlamaIndexInstrumentation` only: whether it is enabled on construction (as OpenTelemetry instrumentations are)",
  },
});

/**
 * Settings read from the environment where they are used (not options): the OpenAI client's
 * default endpoint, for `server.address` of OpenAI instances that do not say theirs.
 */
export const ENV_OPENAI_BASE_URL = "OPENAI_BASE_URL" as const;
