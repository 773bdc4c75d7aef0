import { startOpenAIServer } from "@genai-otel-internal/openai-server";
import type { ReceivedSpan } from "@genai-otel-internal/otlp-receiver";
import { type PresetSelection, setupTracing } from "@genai-otel/exporter-presets";
import { recordScenarios } from "./scenarios";
import type { ReceiverFixture } from "./receiver-fixture";

export const KEY = "fake-key-views-0123";
export const SECRET = "fake-secret-views-9876";

/** The LLM backends whose own views are asserted, each pointed at its own path on the receiver's proxy. */
export const VIEW_PRESETS = ["langfuse", "phoenix", "traceloop", "datadog-llmobs", "weave", "laminar", "newrelic"] as const;
export type ViewPreset = (typeof VIEW_PRESETS)[number];

const CREDENTIALS: Record<ViewPreset, object> = {
  langfuse: { publicKey: "pk-lf-fake", secretKey: SECRET },
  phoenix: {},
  traceloop: { apiKey: KEY },
  "datadog-llmobs": { apiKey: KEY, mlApp: "support-bot" },
  weave: { apiKey: KEY, entity: "team", project: "views" },
  laminar: { apiKey: KEY },
  newrelic: { licenseKey: KEY },
};

/**
 * Time one export request may take. The exporters' default (10 s) is lost on a loaded CI machine: the
 * receiver decodes in this same process, behind some 300 immediate exports, and a timed-out export drops
 * its span, which would read as a missing span in a view.
 */
const EXPORT_TIMEOUT_MS = 120_000;

/** The selection of one preset sending to `<proxy>/<name>/v1/traces`. */
export function selection(fx: ReceiverFixture, name: ViewPreset, extra: object = {}): PresetSelection {
  const options = { ...CREDENTIALS[name], endpoint: `${fx.proxy.url}/${name}/v1/traces`, timeoutMillis: EXPORT_TIMEOUT_MS, ...extra };
  return { name, options } as PresetSelection;
}

let run = 0;

/**
 * Runs the three scenarios once (real frameworks against a stand-in OpenAI server of its own) through `setupTracing` with the given destinations, shuts down
 * (flushing), and returns the spans each preset received, keyed by preset name. Only spans of this
 * run's own service are returned.
 */
export async function sendScenarios(
  fx: ReceiverFixture,
  presets: readonly PresetSelection[],
  exportMode: "batched" | "immediate" = "immediate",
): Promise<Map<string, ReceivedSpan[]>> {
  const serviceName = `views-${process.pid}-${++run}`;
  const tracing = setupTracing({ serviceName, presets, exportMode, registerGlobal: false });
  const server = await startOpenAIServer();
  try {
    await recordScenarios(tracing.tracerProvider, server);
  } finally {
    await tracing.shutdown();
    await server.close();
  }
  // A lost export would show up later as a missing span; say what happened instead.
  const lost = fx.diagText().split("\n").filter((line) => line.includes("could not export"));
  if (lost.length > 0) throw new Error(`exports failed while recording the scenarios:\n${lost.join("\n")}`);
  const byPreset = new Map<string, ReceivedSpan[]>();
  for (const request of fx.receiver.requests) {
    const name = request.headers["x-original-path"]?.split("/")[1];
    if (name === undefined) continue;
    const own = request.spans.filter((span) => span.resource["service.name"] === serviceName);
    byPreset.set(name, [...(byPreset.get(name) ?? []), ...own]);
  }
  return byPreset;
}

/** The spans of one trace, found by its root's name, keyed by span name. */
export function traceOf(spans: readonly ReceivedSpan[], rootName: string): Map<string, ReceivedSpan> {
  const root = spans.find((span) => span.name === rootName && span.parentSpanId === undefined);
  if (root === undefined) throw new Error(`no root span "${rootName}" among ${spans.map((s) => s.name).join(", ")}`);
  return new Map(spans.filter((span) => span.traceId === root.traceId).map((span) => [span.name, span]));
}

/** Attributes of a span of a trace (throws when missing, naming it). */
export function attrs(trace: Map<string, ReceivedSpan>, name: string): Record<string, unknown> {
  const span = trace.get(name);
  if (span === undefined) throw new Error(`no span "${name}" in trace (have ${[...trace.keys()].join(", ")})`);
  return span.attributes;
}
