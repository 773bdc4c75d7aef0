import type { ReceivedSpan } from "@genai-otel-internal/otlp-receiver";
import { describe, expect, it } from "vitest";
import { useReceiver } from "./receiver-fixture";
import { KEY, SECRET, selection, sendScenarios, VIEW_PRESETS } from "./views-fixture";

const fx = useReceiver({ secrets: [KEY, SECRET], proxy: true });

/** Values that differ between two runs of the scenarios: the stand-in's port, timings, LlamaIndex's random node ids. */
const PER_RUN_KEYS = /^(server\.port|gen_ai\.response\.time_to_first_chunk|langfuse\.observation\.completion_start_time)$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function stable(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [key, PER_RUN_KEYS.test(key) ? "<per run>" : typeof value === "string" ? value.replace(UUID, "<uuid>") : value]),
  );
}

/**
 * What a destination received, independent of ids, times and the run's service name:
 * `<root>/<span>#<n>` (n-th span of that name in its trace, by start time) → attributes, resource, kind.
 */
function view(spans: readonly ReceivedSpan[]): Record<string, unknown> {
  const roots = new Map(spans.filter((s) => s.parentSpanId === undefined).map((s) => [s.traceId, s.name]));
  const out: Record<string, unknown> = {};
  const seen = new Map<string, number>();
  for (const span of [...spans].sort((x, y) => (x.startTimeUnixNano < y.startTimeUnixNano ? -1 : x.startTimeUnixNano > y.startTimeUnixNano ? 1 : 0))) {
    const { "service.name": _service, ...resource } = span.resource;
    const name = `${roots.get(span.traceId)}/${span.name}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    out[`${name}#${n}`] = { attributes: stable(span.attributes), resource, kind: span.kind, parent: span.parentSpanId !== undefined };
  }
  return out;
}

describe("fan-out", () => {
  it("nothing a destination receives changes when the other presets are added beside it", async () => {
    const alone = new Map<string, Record<string, unknown>>();
    for (const name of VIEW_PRESETS) {
      fx.receiver.reset();
      const got = await sendScenarios(fx, [selection(fx, name)], "batched");
      alone.set(name, view(got.get(name) ?? []));
      expect(Object.keys(alone.get(name) ?? {})).toHaveLength(28);
    }
    fx.receiver.reset();
    const together = await sendScenarios(fx, VIEW_PRESETS.map((name) => selection(fx, name)), "batched");
    for (const name of VIEW_PRESETS) expect({ name, view: view(together.get(name) ?? []) }).toEqual({ name, view: alone.get(name) });
  }, 600_000); // eight recordings of three real framework runs each: generous on a loaded CI machine
});
