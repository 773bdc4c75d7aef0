/**
 * `@genai-otel/exporter-presets/edge`: `setupTracing` for Cloudflare Workers (with or without
 * `nodejs_compat`), Vercel's edge runtime, Deno, Bun and browsers. A `BasicTracerProvider`, the
 * OTLP presets over `fetch` (OTLP/protobuf or OTLP/JSON), `console`, and a `flush()` for
 * `ctx.waitUntil(...)` / `after(...)`. It imports nothing from Node: no `fs` (the `file` preset is
 * Node-only), no `http`, no gRPC (a gRPC protocol is a configuration error here).
 * @packageDocumentation
 */
export { setupTracing } from "./setup-tracing";
export type { EdgeSetupTracingOptions, EdgeTracingSetup } from "./setup-options";
export type { EdgePresetName } from "./presets";
export { PresetConfigurationError } from "../errors";
export { PRESET_NAMES } from "../presets/names";
export type { PresetName, PresetOptionsMap } from "../presets/names";
export type { PresetSelection } from "../select-presets";
export type { ExportMode } from "../destination";
export type { DestinationStats } from "../export/destination-processor";
