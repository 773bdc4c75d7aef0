import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { activeTraceContext, withTraceAttributes } from "../../core-semconv/src/index";
import { runTraceAttributes } from "../src/run-trace-context";
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const runs: [string[] | undefined, Record<string, unknown> | undefined][] = [
  [[], {}],
  [["seq:step:1"], {}],
  [["seq:step:2"], { ls_provider: "openai", ls_model_name: "gpt-4o-mini", ls_model_type: "chat", ls_integration: "langchain_chat_model", versions: { a: 1 } }],
  [["seq:step:3"], {}],
];
function step() {
  let n = 0;
  for (const [tags, md] of runs) {
    context.active();
    if (activeTraceContext() !== undefined) n++;
    if (runTraceAttributes(tags, md, true) !== undefined) n++;
  }
  return n;
}
for (let i = 0; i < 200000; i++) step();
const N = 1_000_000;
let t = process.hrtime.bigint();
for (let i = 0; i < N; i++) step();
const off = Number(process.hrtime.bigint() - t) / N;
console.log(`nothing set: ${(off).toFixed(0)} ns per 4-span invocation`);
await withTraceAttributes({ conversationId: "c" }, async () => {
  t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) step();
  console.log(`scope set (read only): ${(Number(process.hrtime.bigint() - t) / N).toFixed(0)} ns per 4-span invocation`);
});
