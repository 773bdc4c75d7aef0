import { OTLPExporterBase } from "@opentelemetry/otlp-exporter-base";
import { createLegacyOtlpBrowserExportDelegate } from "@opentelemetry/otlp-exporter-base/browser-http";
import { JsonTraceSerializer, ProtobufTraceSerializer, TraceExporterMetricsHelper } from "@opentelemetry/otlp-transformer";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { PresetConfigurationError } from "../errors";
import type { OtlpPlan } from "../otlp/plan";
import { type OtlpTransport, resolveTransport } from "../otlp/transport";
import type { OtlpTransportOptions } from "../otlp/types";
import { wrapOtlpExporter } from "../otlp/wrap-exporter";

/** The component type the OpenTelemetry OTLP/HTTP span exporters report in their self-observability metrics. */
const COMPONENT_TYPE = "otlp_http_span_exporter";

/**
 * Builds a preset's OTLP span exporter over `fetch`, for runtimes without Node's `http` (Cloudflare
 * Workers, Vercel's edge runtime, browsers): the OpenTelemetry OTLP/HTTP exporter's `fetch`
 * transport (`@opentelemetry/otlp-exporter-base/browser-http`, the one its browser build uses, with
 * its retries and timeout), with OTLP/protobuf or OTLP/JSON as the plan says, wrapped like the Node
 * exporters (see {@link wrapOtlpExporter}).
 *
 * Endpoint, headers and timeout resolve as on Node (options > `OTEL_EXPORTER_OTLP_*` > preset);
 * compression is not applied (the `fetch` transport sends uncompressed bodies).
 * @throws PresetConfigurationError when the plan's protocol is gRPC (it needs Node), for an endpoint
 *   that is not a URL or malformed headers.
 */
export function buildFetchExporter(plan: OtlpPlan, options: OtlpTransportOptions): SpanExporter {
  if (plan.protocol === "grpc") {
    throw new PresetConfigurationError(
      `The "${plan.preset}" exporter preset is set to protocol "grpc", which needs Node (@grpc/grpc-js over HTTP/2): ` +
        `use "http/protobuf" or "http/json" on this runtime (the "protocol" option or OTEL_EXPORTER_OTLP_PROTOCOL), or the Node entry of @genai-otel/exporter-presets.`,
      plan.preset,
    );
  }
  const transport = resolveTransport(plan, options, "traces") as OtlpTransport;
  const { url, headers, timeoutMillis } = transport.config;
  const json = plan.protocol === "http/json";
  const delegate = createLegacyOtlpBrowserExportDelegate(
    { url, headers, ...(timeoutMillis === undefined ? {} : { timeoutMillis }) },
    json ? JsonTraceSerializer : ProtobufTraceSerializer,
    COMPONENT_TYPE,
    TraceExporterMetricsHelper,
    undefined,
    "v1/traces",
    { "Content-Type": json ? "application/json" : "application/x-protobuf" },
  );
  const exporter = new OTLPExporterBase<ReadableSpan[]>(delegate);
  const note = transport.config.compression === "gzip" ? "over fetch, uncompressed" : "over fetch";
  return wrapOtlpExporter(exporter, plan, transport, note);
}
