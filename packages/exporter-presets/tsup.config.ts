import { libraryConfig } from "../../tsup.shared";

// `edge`: `@genai-otel/exporter-presets/edge`, for Workers, Vercel Edge, Deno, Bun (no Node imports).
export default libraryConfig(
  { index: "src/index.ts", edge: "src/edge/index.ts" },
  {
    // Lets src/otlp/lazy-grpc-exporter.ts load gRPC with a deferred require() in the CJS build and a
    // dynamic import() in the ESM build (esbuild would otherwise rewrite `require` in ESM output).
    esbuildOptions(options, { format }) {
      options.define = { ...options.define, __GENAI_OTEL_CJS__: format === "cjs" ? "true" : "false" };
    },
  },
);
