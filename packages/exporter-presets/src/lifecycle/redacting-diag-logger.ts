import type { DiagLogger } from "@opentelemetry/api";
import { redactKnownSecrets } from "../export/redact";

type Level = "error" | "warn" | "info" | "debug" | "verbose";
const LEVELS: readonly Level[] = ["error", "warn", "info", "debug", "verbose"];

/**
 * A diag logger that removes every known preset secret from messages before passing them on, so
 * that nothing logged at any level (including the OpenTelemetry exporters' own messages, which
 * may quote a server's answer) prints a credential. Errors are passed on as their redacted text.
 */
export function redactingDiagLogger(inner: DiagLogger): DiagLogger {
  const logger = {} as DiagLogger;
  for (const level of LEVELS) {
    logger[level] = (message: string, ...args: unknown[]) => inner[level](redactKnownSecrets(String(message)), ...args.map(redactArg));
  }
  return logger;
}

function redactArg(arg: unknown): unknown {
  if (typeof arg === "string") return redactKnownSecrets(arg);
  if (arg instanceof Error) return redactKnownSecrets(`${arg.name}: ${arg.message}`);
  if (arg !== null && typeof arg === "object") {
    try {
      const json = JSON.stringify(arg);
      const redacted = redactKnownSecrets(json);
      return redacted === json ? arg : redacted;
    } catch {
      return arg;
    }
  }
  return arg;
}
