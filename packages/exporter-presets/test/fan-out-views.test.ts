import type { ReceivedSpan } from "@genai-otel-internal/otlp-receiver";
import { describe, expect, it } from "vitest";
import { useReceiver } from "./receiver-fixture";
import { KEY, SECRET, selection, sendScenarios, VIEW_PRESETS } from "./views-fixture";

const fx = useReceiver({ secrets: [KEY, SECRET], proxy: true });

/** What a destination received, independent of ids, times and the run's service name: `<root>/<span>` → attributes and resource. */
function view(spans: readonly ReceivedSpan[]): Record<string, unknown> {
  const roots = new Map(spans.filter((s) => s.parentSpanId === undefined).map((s) => [s.traceId, s.name]));
  const out: Record<string, unknown> = {};
  for (const span of spans) {
    const { "service.name": _service, ...resource } = span.resource;
    out[`${roots.get(span.traceId)}/${span.name}`] = { attributes: span.attributes, resource, kind: span.kind, parent: span.parentSpanId !== undefined };
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
      expect(Object.keys(alone.get(name) ?? {})).toHaveLength(11);
    }
    fx.receiver.reset();
    const together = await sendScenarios(fx, VIEW_PRESETS.map((name) => selection(fx, name)), "batched");
    for (const name of VIEW_PRESETS) expect({ name, view: view(together.get(name) ?? []) }).toEqual({ name, view: alone.get(name) });
  });
});
