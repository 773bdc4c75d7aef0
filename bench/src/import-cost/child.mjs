// Run with plain `node` (no TypeScript loader, which would add its own cost to every import):
//   node child.mjs '<json: { framework: string[], adapter: string[], census?: boolean }>'
// Imports the framework modules, then the adapter modules, in a fresh process, and prints one JSON
// line: milliseconds for each step, whether gRPC code got loaded, and (census) the modules loaded.
import { createRequire, register } from "node:module";
import { MessageChannel } from "node:worker_threads";

const t0 = performance.now();
const { framework, adapter, census } = JSON.parse(process.argv[2]);
const loaded = [];
let port;
if (census) {
  // Resolve hooks see every module, ESM and CommonJS alike (they slow imports down: census runs are not timed).
  const channel = new MessageChannel();
  port = channel.port1;
  port.on("message", (url) => loaded.push(url));
  port.unref();
  register("./census-hooks.mjs", import.meta.url, { data: { port: channel.port2 }, transferList: [channel.port2] });
}
for (const specifier of framework) await import(specifier);
const t1 = performance.now();
for (const specifier of adapter) await import(specifier);
const t2 = performance.now();
const cjs = Object.keys(createRequire(import.meta.url).cache);
if (census) await new Promise((resolve) => setTimeout(resolve, 50));
const all = [...new Set([...cjs.map((p) => `file://${p}`), ...loaded])];
const grpc = all.filter((u) => /grpc/i.test(u));
process.stdout.write(
  `${JSON.stringify({ setupMs: t0, frameworkMs: t1 - t0, adapterMs: t2 - t1, grpcLoaded: grpc.length > 0, grpcModules: grpc.slice(0, 5), modules: census ? all.length : undefined })}\n`,
);
