/**
 * ExportMetricsServiceRequest (decoded) → {@link ReceivedMetric}s.
 * @module
 */
import type { ReceivedDataPoint, ReceivedMetric } from "./types";
import { attributes, scope, TEMPORALITY_NAMES, toBigInt, toEnum, toNumber } from "./values";
import type { WireBuckets, WireDataPoint, WireMetric, WireMetricsRequest } from "./wire-types";

const METRIC_TYPES = ["gauge", "sum", "histogram", "exponentialHistogram", "summary"] as const;

function numbers(list: readonly (Parameters<typeof toNumber>[0] | number)[] | null | undefined): number[] {
  return (list ?? []).map((value) => toNumber(value) ?? 0);
}

function buckets(value: WireBuckets | null | undefined) {
  return { offset: value?.offset ?? 0, bucketCounts: numbers(value?.bucketCounts) };
}

function toPoint(point: WireDataPoint, type: ReceivedMetric["type"]): ReceivedDataPoint {
  const out: ReceivedDataPoint = {
    attributes: attributes(point.attributes),
    startTimeUnixNano: toBigInt(point.startTimeUnixNano),
    timeUnixNano: toBigInt(point.timeUnixNano),
  };
  const set = <K extends keyof ReceivedDataPoint>(key: K, value: ReceivedDataPoint[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  if (type === "gauge" || type === "sum") {
    set("value", toNumber(point.asDouble) ?? toNumber(point.asInt));
    return out;
  }
  set("count", toNumber(point.count) ?? 0);
  set("sum", toNumber(point.sum));
  set("min", toNumber(point.min));
  set("max", toNumber(point.max));
  if (type === "histogram") {
    out.bucketCounts = numbers(point.bucketCounts);
    out.explicitBounds = numbers(point.explicitBounds);
  } else if (type === "exponentialHistogram") {
    out.scale = point.scale ?? 0;
    out.zeroCount = toNumber(point.zeroCount) ?? 0;
    out.positive = buckets(point.positive);
    out.negative = buckets(point.negative);
  } else if (type === "summary") {
    out.quantileValues = (point.quantileValues ?? []).map((quantile) => ({
      quantile: toNumber(quantile.quantile) ?? 0,
      value: toNumber(quantile.value) ?? 0,
    }));
  }
  return out;
}

function toMetric(metric: WireMetric, resource: ReceivedMetric["resource"], metricScope: ReceivedMetric["scope"]) {
  const type = METRIC_TYPES.find((name) => metric[name] != null) ?? "unknown";
  const points = type === "unknown" ? undefined : metric[type];
  const out: ReceivedMetric = {
    name: metric.name ?? "",
    type,
    dataPoints: (points?.dataPoints ?? []).map((point) => toPoint(point, type)),
    resource,
    scope: metricScope,
  };
  if (metric.description) out.description = metric.description;
  if (metric.unit) out.unit = metric.unit;
  if (points?.aggregationTemporality != null) {
    out.aggregationTemporality = toEnum(points.aggregationTemporality, TEMPORALITY_NAMES);
  }
  if (type === "sum") out.isMonotonic = points?.isMonotonic ?? false;
  return out;
}

/** Flattens an ExportMetricsServiceRequest into metrics carrying their resource and scope. */
export function normalizeMetrics(request: WireMetricsRequest): ReceivedMetric[] {
  const out: ReceivedMetric[] = [];
  for (const resourceMetrics of request.resourceMetrics ?? []) {
    const resource = attributes(resourceMetrics.resource?.attributes);
    for (const scopeMetrics of resourceMetrics.scopeMetrics ?? []) {
      const metricScope = scope(scopeMetrics.scope);
      for (const metric of scopeMetrics.metrics ?? []) out.push(toMetric(metric, resource, metricScope));
    }
  }
  return out;
}
