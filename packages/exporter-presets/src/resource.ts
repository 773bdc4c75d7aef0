import type { Attributes } from "@opentelemetry/api";
import { defaultResource, detectResources, envDetector, type Resource, resourceFromAttributes } from "@opentelemetry/resources";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

/**
 * The tracer provider's resource. Precedence per attribute, highest first:
 * `serviceName` → `resourceAttributes` → `OTEL_SERVICE_NAME` → `OTEL_RESOURCE_ATTRIBUTES` →
 * the SDK default (`service.name` = `unknown_service:<process>`, `telemetry.sdk.*`).
 */
export function buildResource(serviceName: string | undefined, resourceAttributes: Attributes | undefined): Resource {
  const fromCode: Attributes = { ...resourceAttributes };
  if (serviceName !== undefined && serviceName.trim() !== "") fromCode[ATTR_SERVICE_NAME] = serviceName;
  return defaultResource()
    .merge(detectResources({ detectors: [envDetector] }))
    .merge(resourceFromAttributes(fromCode));
}
