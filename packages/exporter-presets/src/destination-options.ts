import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { isGenAISpan } from "@genai-otel/core-semconv/internal";
import { PresetConfigurationError } from "./errors";

/**
 * Which spans a destination receives:
 * - `"all"`: every span the provider records (HTTP, database, framework and GenAI spans).
 * - `"genai"`: GenAI spans only (an operation such as `chat`, `retrieval`, `execute_tool`, or a
 *   span of an instrumented framework), to keep HTTP/DB spans out of an LLM backend while an APM
 *   destination beside it still gets everything. A GenAI span whose parent is left out still names
 *   that parent; backends show it as the top of its trace.
 * - a function: `true` keeps the span (it must not throw; if it does, the span is kept).
 */
export type SpanFilter = "all" | "genai" | ((span: ReadableSpan) => boolean);

/** Options every preset takes besides its own: what its destination's copy of each span looks like. */
export interface DestinationOptions {
  /**
   * Deployment environment the backend shows and filters by (`production`, `staging`): the
   * resource attribute `deployment.environment.name` on this destination's spans, where it wins
   * over the provider's resource.
   * @defaultValue `deployment.environment.name` from the `resourceAttributes` option or
   *   `OTEL_RESOURCE_ATTRIBUTES`, else none.
   */
  environment?: string;
  /**
   * Release (version) of the app: the resource attribute `service.version` on this destination's
   * spans, where it wins over the provider's resource.
   * @defaultValue `service.version` from the `resourceAttributes` option or `OTEL_RESOURCE_ATTRIBUTES`, else none.
   */
  release?: string;
  /**
   * Which spans this destination receives (see {@link SpanFilter}); no environment variable.
   * @defaultValue `"all"`
   */
  spans?: SpanFilter;
}

/** {@link DestinationOptions} validated: resource attributes to set and the span filter (undefined: all). */
export interface ResolvedDestinationOptions {
  readonly resourceOverrides: Readonly<Record<string, string>> | undefined;
  readonly filter: ((span: ReadableSpan) => boolean) | undefined;
}

function text(preset: string, name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") {
    throw new PresetConfigurationError(`The "${preset}" exporter preset got an invalid "${name}" option: expected a non-empty string.`, preset);
  }
  return value.trim();
}

function safe(filter: (span: ReadableSpan) => boolean): (span: ReadableSpan) => boolean {
  return (span) => {
    try {
      return filter(span) !== false;
    } catch {
      return true;
    }
  };
}

/**
 * Validates a preset's {@link DestinationOptions}.
 * @throws PresetConfigurationError for a blank or non-string `environment` / `release`, or a `spans`
 *   value other than `"all"`, `"genai"` or a function.
 */
export function resolveDestinationOptions(preset: string, options: DestinationOptions): ResolvedDestinationOptions {
  const environment = text(preset, "environment", options.environment);
  const release = text(preset, "release", options.release);
  const overrides: Record<string, string> = {};
  if (environment !== undefined) overrides["deployment.environment.name"] = environment;
  if (release !== undefined) overrides["service.version"] = release;
  const spans = options.spans ?? "all";
  let filter: ((span: ReadableSpan) => boolean) | undefined;
  if (typeof spans === "function") filter = safe(spans);
  else if (spans === "genai") filter = (span) => isGenAISpan(span.attributes);
  else if (spans !== "all") {
    throw new PresetConfigurationError(
      `The "${preset}" exporter preset got an unknown "spans" option "${String(spans)}"; expected "all", "genai" or a function.`,
      preset,
    );
  }
  return { resourceOverrides: Object.keys(overrides).length ? overrides : undefined, filter };
}
