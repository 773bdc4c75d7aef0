import { diag } from "@opentelemetry/api";

/** What made {@link flushOnExit} flush. */
export type ExitEvent = "beforeExit" | "SIGTERM";

/**
 * Flushes when the process is about to end on its own (`beforeExit`: the event loop is empty) and
 * on `SIGTERM`. On `SIGTERM`, once flushed, the signal is raised again so that the process ends as
 * it would have without us, unless the app has its own `SIGTERM` listener (then the app decides).
 * A flush must schedule no work when it finds nothing new to export, else `beforeExit` fires again
 * and again: `flush` gets the event so that it can flush what always exports (cumulative metrics)
 * only once.
 *
 * @param flush - exports what has ended; must not reject.
 * @returns a function that removes the listeners.
 */
export function flushOnExit(flush: (event: ExitEvent) => Promise<void>): () => void {
  let flushing = false;
  const onBeforeExit = () => {
    if (flushing) return;
    flushing = true;
    void flush("beforeExit").finally(() => {
      flushing = false;
    });
  };
  const onSigterm = () => {
    diag.debug("genai-otel: SIGTERM received; flushing before exit.");
    void flush("SIGTERM").finally(() => {
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
