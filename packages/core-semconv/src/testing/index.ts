/**
 * Test helpers for genai-otel and its users: an in-memory tracer setup and span-tree views.
 * Needs the optional peers `@opentelemetry/sdk-trace-base` and `@opentelemetry/context-async-hooks`.
 * @packageDocumentation
 */
export { createTestTracing, type TestTracing } from "./test-tracing";
export { spanShape, type SpanShape, toSpanTreeNodes } from "./span-views";
export { type CollectedHistogramPoint, createTestMetrics, type TestMetrics } from "./test-metrics";
