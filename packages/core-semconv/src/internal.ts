/**
 * `@genai-otel/core-semconv/internal`: plumbing shared by the genai-otel adapters (span lifecycle,
 * guards, tracer lookup). Not part of the public API: it may change in any release, and nothing here
 * is covered by semver. Import from `@genai-otel/core-semconv` instead.
 *
 * @internal
 * @packageDocumentation
 */
export { AdapterTelemetry, type AdapterTelemetryOptions } from "./adapter-telemetry";
export { finiteNumber, nonEmptyString } from "./attribute-values";
export { getGenAITracer } from "./tracer";
export { capturesContent, capturesOnSpan } from "./content-capture";
export { type Dependent, endWithParent, finishSpan, guard, type Outcome, releaseFromParent } from "./lifecycle/span-end";
export { endOpenStreams, endWhenDone, failWith, openStreamCount, type ResultHooks } from "./lifecycle/end-when-done";
export { isReadableStream } from "./lifecycle/readable-stream";
export { openInferenceTranslator } from "./translate/openinference";
export { traceloopTranslator } from "./translate/traceloop";
export { langfuseTranslator } from "./translate/langfuse";
export { datadogTranslator } from "./translate/datadog";
export { weaveTranslator } from "./translate/weave";
export { laminarTranslator } from "./translate/laminar";
export { identityTranslator } from "./translate/registry";
export { isGenAISpan } from "./translate/define-translator";
export {
  CONTENT_SETTINGS,
  defineSettings,
  parseBoolean,
  readEnv,
  readFirstEnv,
  readmeSettingsBlock,
  type ResolvedSettings,
  resolveSetting,
  resolveSettings,
  type SettingSpec,
  type SettingsTable,
  type SettingType,
  settingsMarkdown,
} from "./settings/index";
export { parseContentCapture } from "./content-capture";
export { TRACE_CONTEXT_KEY } from "./trace-context/scope";
export { isSecretKey, mergeTraceContext } from "./trace-context/resolve";
export { addTraceAttributes, isPromptOperation, promptContentAttributes } from "./trace-context/stamp";
