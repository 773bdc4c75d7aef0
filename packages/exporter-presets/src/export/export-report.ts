import { diag } from "@opentelemetry/api";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import { redact } from "./redact";

/**
 * The export path both reporting exporters share: hands the batch to `send` and settles `resultCallback` exactly
 * once, whatever the inner exporter does (calls back twice, or throws instead of calling back). On success
 * `onSuccess()` runs first; on failure the processor or reader gets the error `onFailure(reason)` returns.
 */
export function settleExport(
  send: (done: (result: ExportResult) => void) => void,
  resultCallback: (result: ExportResult) => void,
  onSuccess: () => void,
  onFailure: (error: unknown) => Error,
): void {
  let settled = false;
  const done = (result: ExportResult) => {
    if (settled) return;
    settled = true;
    if (result.code === ExportResultCode.SUCCESS) {
      onSuccess();
      resultCallback(result);
      return;
    }
    resultCallback({ code: ExportResultCode.FAILED, error: onFailure(result.error) });
  };
  try {
    send(done);
  } catch (error) {
    done({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
  }
}

/**
 * Reports a failed export: the reason with the destination's secrets removed, through `diag.warn` ("could not export
 * N <unit> (M lost so far)"), and as the error handed back (the processor or reader logs it too).
 *
 * @param what - `{ preset, count, lost, unit, signal }`: `lost` is the running total including this failure;
 *   `signal` names the export in the returned error (`export` / `metrics export`)
 * @returns `{ reason, error }`: the redacted reason (kept as `lastError`) and the error to hand back
 */
export function reportFailedExport(
  error: unknown,
  secrets: readonly string[],
  what: { preset: string; count: number; lost: number; unit: string; signal: string },
): { reason: string; error: Error } {
  const reason = redact(describeError(error), secrets);
  diag.warn(`genai-otel: preset "${what.preset}" could not export ${what.count} ${what.unit} (${what.lost} lost so far): ${reason}`);
  return { reason, error: new Error(`genai-otel: preset "${what.preset}" ${what.signal} failed: ${reason}`) };
}

/** An export error as a one-line reason (message, plus its code when the message lacks it); may hold secrets. */
export function describeError(error: unknown): string {
  if (error === undefined || error === null) return "unknown error";
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return code === undefined || String(error.message).includes(String(code)) ? error.message : `${error.message} (${String(code)})`;
  }
  return String(error);
}
