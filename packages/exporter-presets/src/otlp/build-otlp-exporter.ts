import { diag } from "@opentelemetry/api";
import { OTLPTraceExporter as HttpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as HttpProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { withConventions } from "../conventions/translate";
import { ReportingSpanExporter } from "../export/reporting-exporter";
import { SpanViewExporter } from "../export/span-view-exporter";
import { SplittingSpanExporter } from "../export/split-exporter";
import { guardedAgentFactory } from "./guarded-agent";
import { assertGrpcPackageInstalled } from "./grpc-packages";
import { LazyGrpcSpanExporter } from "./lazy-grpc-exporter";
import type { OtlpPlan } from "./plan";
import { type OtlpTransport, resolveTransport } from "./transport";
import type { OtlpTransportOptions } from "./types";

/**
 * Builds the OpenTelemetry OTLP span exporter for a preset's traces plan, with the endpoint,
 * headers, compression and timeout resolved by {@link resolveTransport} (options > standard
 * `OTEL_EXPORTER_OTLP_*` variables > preset defaults).
 *
 * The result sends each span as the backend reads it (conventions, limits, routing resource
 * attributes, request size), on its own copy, and reports failures without secrets (see
 * {@link ReportingSpanExporter}). Logs the configuration (endpoint without credentials, protocol,
 * header names only) with `diag.debug`.
 * @throws PresetConfigurationError for an endpoint that is not a URL, malformed headers, or gRPC
 *   without `@opentelemetry/exporter-trace-otlp-grpc` installed (an optional peer dependency).
 */
export function buildOtlpExporter(plan: OtlpPlan, options: OtlpTransportOptions): SpanExporter {
  // Only a metrics endpoint can be left undetermined.
  const transport = resolveTransport(plan, options, "traces") as OtlpTransport;
  if (plan.protocol === "grpc") assertGrpcPackageInstalled(plan.preset, "traces");
  const { config } = transport;

  let exporter: SpanExporter;
  if (plan.protocol === "grpc") exporter = new LazyGrpcSpanExporter(config, plan.preset);
  else if (plan.protocol === "http/json") exporter = new HttpJsonExporter({ ...config, httpAgentOptions: guardedAgentFactory("traces", transport.secrets) } as never);
  else exporter = new HttpProtobufExporter({ ...config, httpAgentOptions: guardedAgentFactory("traces", transport.secrets) } as never);

  logConfiguration(plan, transport);

  const { limits, resourceAttributes } = plan;
  if (limits?.maxRequestBytes !== undefined) exporter = new SplittingSpanExporter(exporter, limits.maxRequestBytes);
  if (limits?.attributeValueLength !== undefined || limits?.attributeArrayLength !== undefined || resourceAttributes !== undefined) {
    exporter = new SpanViewExporter(exporter, {
      attributeValueLength: limits?.attributeValueLength,
      attributeArrayLength: limits?.attributeArrayLength,
      resourceAttributes,
    });
  }
  exporter = withConventions(exporter, plan.conventions);
  return new ReportingSpanExporter(exporter, plan.preset, transport.secrets);
}

function logConfiguration(plan: OtlpPlan, transport: OtlpTransport): void {
  const { limits } = plan;
  const cuts = [
    limits?.attributeValueLength === undefined ? "" : `attribute values cut at ${limits.attributeValueLength} chars`,
    limits?.attributeArrayLength === undefined ? "" : `arrays cut at ${limits.attributeArrayLength} items`,
    limits?.maxRequestBytes === undefined ? "" : `requests split above ${limits.maxRequestBytes} bytes`,
  ].filter((text) => text !== "");
  diag.debug(
    `genai-otel: preset "${plan.preset}" exports over ${transport.description}` +
      `; conventions: ${plan.conventions === "none" ? "OpenTelemetry GenAI" : plan.conventions}` +
      (cuts.length === 0 ? "" : `; ${cuts.join(", ")}`) +
      (plan.note === undefined ? "" : `; ${plan.note}`),
  );
}
