import { PresetConfigurationError } from "../errors";
import type { OtlpSignal } from "./signal";

/**
 * The OTLP gRPC exporters are optional peer dependencies of this package: with `@grpc/grpc-js`
 * they were 42 of the 79 packages (21 of 83 MB) of an install, which HTTP users do not need
 * (BENCHMARKS.md, "Install size"). The ranges here must equal the `peerDependencies` in
 * package.json (a test checks).
 */
export const GRPC_PACKAGES: Readonly<Record<OtlpSignal, { readonly name: string; readonly range: string }>> = {
  traces: { name: "@opentelemetry/exporter-trace-otlp-grpc", range: "^0.223.1" },
  metrics: { name: "@opentelemetry/exporter-metrics-otlp-grpc", range: "^0.223.0" },
};

/** A hard dependency of this package, resolved as a control: if it cannot be resolved either, the code runs bundled. */
const CONTROL = "@opentelemetry/exporter-trace-otlp-proto";

/** `true` in the CJS build, `false` in the ESM build (set by tsup.config.ts); undeclared when run from source. */
declare const __GENAI_OTEL_CJS__: boolean | undefined;

type Resolve = (specifier: string) => unknown;

/** `require.resolve` in the CJS build, `import.meta.resolve` (synchronous since Node 20.6) in the ESM build; `null` where neither exists. */
function resolver(): Resolve | null {
  if (typeof __GENAI_OTEL_CJS__ !== "undefined" && __GENAI_OTEL_CJS__) return typeof require === "function" ? require.resolve : null;
  const resolve = (import.meta as { resolve?: Resolve }).resolve;
  return typeof resolve === "function" ? resolve : null;
}

function resolves(resolve: Resolve, specifier: string): boolean | undefined {
  try {
    resolve(specifier);
    return true;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND" ? false : undefined;
  }
}

/**
 * Whether the OTLP gRPC exporter package for `signal` is installed: `false` only when it cannot be
 * resolved from this package while a hard dependency can (a bundle without `node_modules` gives
 * `undefined`, as does a runtime without `require.resolve` / `import.meta.resolve`: then loading
 * it, when the first batch is exported, tells).
 */
export function grpcPackageInstalled(signal: OtlpSignal, resolve: Resolve | null = resolver()): boolean | undefined {
  if (resolve === null) return undefined;
  const found = resolves(resolve, GRPC_PACKAGES[signal].name);
  if (found !== false) return found;
  return resolves(resolve, CONTROL) === true ? false : undefined;
}

/** The message for a missing gRPC exporter package: what to install, or how to do without. */
export function missingGrpcMessage(preset: string, signal: OtlpSignal): string {
  const { name, range } = GRPC_PACKAGES[signal];
  return (
    `The "${preset}" exporter preset sends ${signal} over OTLP/gRPC, which needs the optional peer dependency ${name}: ` +
    `install it (npm install ${name}@"${range}") or use protocol "http/protobuf" (the "protocol" option, or OTEL_EXPORTER_OTLP_PROTOCOL).`
  );
}

/**
 * Throws when the gRPC exporter package for `signal` is known to be missing (see {@link grpcPackageInstalled}).
 * @throws PresetConfigurationError naming the package to install.
 */
export function assertGrpcPackageInstalled(preset: string, signal: OtlpSignal): void {
  if (grpcPackageInstalled(signal) === false) throw new PresetConfigurationError(missingGrpcMessage(preset, signal), preset);
}
