import { libraryConfig } from "../../tsup.shared";

export default libraryConfig(undefined, {
  // Lets src/otlp/lazy-grpc-exporter.ts load gRPC with a deferred require() in the CJS build and a
  // dynamic import() in the ESM build (esbuild would otherwise rewrite `require` in ESM output).
  esbuildOptions(options, { format }) {
    options.define = { ...options.define, __GENAI_OTEL_CJS__: format === "cjs" ? "true" : "false" };
  },
});
