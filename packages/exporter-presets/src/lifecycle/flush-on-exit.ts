import { diag } from "@opentelemetry/api";

/**
 * Flushes when the process is about to end on its own (`beforeExit`: the event loop is empty) and
 * on `SIGTERM`. On `SIGTERM`, once flushed, the signal is raised again so that the process ends as
 * it would have without us, unless the app has its own `SIGTERM` listener (then the app decides).
 * A flush that finds nothing to export schedules no work, so `beforeExit` does not loop.
 *
 * @param flush - exports what has ended; must not reject.
 * @returns a function that removes the listeners.
 */
export function flushOnExit(flush: () => Promise<void>): () => void {
  let flushing = false;
  const onBeforeExit = () => {
    if (flushing) return;
    flushing = true;
    void flush().finally(() => {
      flushing = false;
    });
  };
  const onSigterm = () => {
    diag.debug("genai-otel: SIGTERM received; flushing spans before exit.");
    void flush().finally(() => {
      if (process.listenerCount("SIGTERM") === 0) process.kill(process.pid, "SIGTERM");
    });
  };
  process.on("beforeExit", onBeforeExit);
  process.once("SIGTERM", onSigterm);
  return () => {
    process.off("beforeExit", onBeforeExit);
    process.off("SIGTERM", onSigterm);
  };
}
