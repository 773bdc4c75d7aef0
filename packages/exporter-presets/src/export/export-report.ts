import { diag } from "@opentelemetry/api";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import { redact } from "./redact";

/** What one destination's exporter has done so far, in items (spans or metric data points). */
export interface ExportTally {
  /** Items the destination accepted. */
  readonly exported: number;
  /** Items whose export failed (refused, timed out, unreachable, …): lost. */
  readonly failed: number;
  /** Export requests that failed. */
  readonly failedExports: number;
  /** The last failure's reason, with secrets removed. */
  readonly lastError?: string;
}

/**
 * The export path and counters both reporting exporters share. `send` hands one batch to the inner
 * exporter and settles the processor's (or reader's) callback exactly once, whatever the inner exporter
 * does (calls back twice, or throws instead of calling back); it counts the items exported or lost, and
 * reports each failure through `diag.warn` ("could not export N <unit> (M lost so far)") with the
 * destination's secrets removed, handing back an error with the same redacted reason (the processor or
 * reader logs it too). Never throws.
 */
export class ExportLedger {
  private tally: { exported: number; failed: number; failedExports: number; lastError?: string } = { exported: 0, failed: 0, failedExports: 0 };

  /**
   * @param preset - the destination's preset name, for reports.
   * @param secrets - values that must never appear in a report (see `secretsOf`).
   * @param unit - what is counted, as reports name it (`span(s)`, `metric point(s)`).
   * @param signal - the export's name in the handed-back error (`export`, `metrics export`).
   */
  constructor(
    private readonly preset: string,
    private readonly secrets: readonly string[],
    private readonly unit: string,
    private readonly signal: string,
  ) {}

  /** The counts so far (a copy). */
  counts(): ExportTally {
    return { ...this.tally };
  }

  /**
   * Sends one batch of `count` items through `send` and settles `resultCallback` once: success as the
   * inner exporter reported it, failure with the redacted error.
   */
  send(count: number, send: (done: (result: ExportResult) => void) => void, resultCallback: (result: ExportResult) => void): void {
    let settled = false;
    const done = (result: ExportResult) => {
      if (settled) return;
      settled = true;
      if (result.code === ExportResultCode.SUCCESS) {
        this.tally.exported += count;
        resultCallback(result);
        return;
      }
      resultCallback({ code: ExportResultCode.FAILED, error: this.failed(count, result.error) });
    };
    try {
      send(done);
    } catch (error) {
      done({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  private failed(count: number, error: unknown): Error {
    this.tally.failed += count;
    this.tally.failedExports++;
    const reason = redact(describeError(error), this.secrets);
    this.tally.lastError = reason;
    diag.warn(`genai-otel: preset "${this.preset}" could not export ${count} ${this.unit} (${this.tally.failed} lost so far): ${reason}`);
    return new Error(`genai-otel: preset "${this.preset}" ${this.signal} failed: ${reason}`);
  }
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
