import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { activeTraceContext } from "../../core-semconv/src/index";
import { runTraceAttributes } from "../src/run-trace-context";
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const md = { ls_provider: "openai", ls_model_name: "gpt-4o-mini", ls_model_type: "chat", ls_integration: "langchain_chat_model", versions: { a: 1 } };
function bench(name: string, f: () => unknown) {
  for (let i = 0; i < 100000; i++) f();
  const N = 2_000_000;
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) f();
  console.log(name, (Number(process.hrtime.bigint() - t) / N).toFixed(1), "ns");
}
bench("context.active", () => context.active());
bench("activeTraceContext", () => activeTraceContext());
bench("run attrs chat md", () => runTraceAttributes(["seq:step:2"], md, true));
bench("run attrs empty", () => runTraceAttributes([], {}, true));
