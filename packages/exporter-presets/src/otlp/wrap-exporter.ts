import { diag } from "@opentelemetry/api";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { withConventions } from "../conventions/translate";
import { ReportingSpanExporter } from "../export/reporting-exporter";
import { SpanViewExporter } from "../export/span-view-exporter";
import { SplittingSpanExporter } from "../export/split-exporter";
import type { OtlpPlan } from "./plan";
import type { OtlpTransport } from "./transport";

/**
 * Wraps a runtime's OTLP span exporter (Node HTTP, gRPC, `fetch`) so that each span is sent as the
 * backend reads it (conventions, limits, routing resource attributes, request size), on its own
 * copy, and failures are reported without secrets (see {@link ReportingSpanExporter}). Logs the
 * configuration (endpoint without credentials, protocol, header names only) with `diag.debug`.
 *
 * @param raw - the OpenTelemetry OTLP exporter built from `transport.config`
 * @param plan - the preset's traces plan
 * @param transport - the resolved transport (for the log line and the secrets to redact)
 * @param note - what the runtime adds to the log line (e.g. that compression is not applied)
 */
export function wrapOtlpExporter(raw: SpanExporter, plan: OtlpPlan, transport: OtlpTransport, note?: string): ReportingSpanExporter {
  let exporter = raw;
  logConfiguration(plan, transport, note);

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

function logConfiguration(plan: OtlpPlan, transport: OtlpTransport, note: string | undefined): void {
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
      (plan.note === undefined ? "" : `; ${plan.note}`) +
      (note === undefined ? "" : `; ${note}`),
  );
}
