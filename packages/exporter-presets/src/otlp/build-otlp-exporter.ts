import { OTLPTraceExporter as HttpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as HttpProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { guardedAgentFactory } from "./guarded-agent";
import { assertGrpcPackageInstalled } from "./grpc-packages";
import { LazyGrpcSpanExporter } from "./lazy-grpc-exporter";
import type { OtlpPlan } from "./plan";
import { type OtlpTransport, resolveTransport } from "./transport";
import { wrapOtlpExporter } from "./wrap-exporter";
import type { OtlpTransportOptions } from "./types";

/**
 * Builds the OpenTelemetry OTLP span exporter for a preset's traces plan, with the endpoint,
 * headers, compression and timeout resolved by {@link resolveTransport} (options > standard
 * `OTEL_EXPORTER_OTLP_*` variables > preset defaults).
 *
 * The result is wrapped by {@link wrapOtlpExporter}: each span sent as the backend reads it, failures
 * reported without secrets, the configuration logged with `diag.debug`.
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

  return wrapOtlpExporter(exporter, plan, transport);
}
