import type { Agent, ClientRequest, IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { diag } from "@opentelemetry/api";
import { readFirstEnv } from "../env";
import { redact } from "../export/redact";
import type { OtlpSignal } from "./signal";

/** What the OpenTelemetry OTLP/HTTP exporters accept as `httpAgentOptions` when it is a function. */
export type AgentFactory = (protocol: string) => Promise<Agent>;

/** The part of a Node `http.Agent` this module wraps: not declared in `@types/node`, always present at runtime. */
type ConnectionFactory = (this: Agent, ...args: unknown[]) => Socket | undefined;
/** `Agent.prototype.addRequest(req, options)`: how every request made with an agent reaches it (Node ≥ 0.11, used by agent-base and others). */
type RequestAdder = (this: Agent, req: ClientRequest, ...args: unknown[]) => unknown;

/**
 * Every socket error lands here too, so that one emitted while no request owns the socket has a
 * listener. Errors of a request in flight also reach that request (Node forwards them), so the
 * exporter reports its failed export as before; this only logs.
 */
function onSocketError(this: Socket, error: NodeJS.ErrnoException): void {
  diag.debug(`genai-otel: an export connection failed (${error.code ?? error.message}); Node closes it`);
}

/**
 * The agent factory given to the OpenTelemetry OTLP/HTTP exporters of `signal`: a keep-alive
 * `http.Agent` or `https.Agent`, as the exporters' own default builds it (`keepAlive: true`, and the
 * TLS files of `OTEL_EXPORTER_OTLP_[<SIGNAL>_]CERTIFICATE`, `…_CLIENT_CERTIFICATE` and
 * `…_CLIENT_KEY`, paths relative to the working directory), except that its sockets always have an
 * `error` listener.
 *
 * Why: Node leaves a keep-alive socket without any `error` listener for one tick after a response
 * ends, before the agent takes it back (`responseKeepAlive` in Node's `lib/_http_client.js`). A
 * write error already under way, e.g. `EPIPE` when a backend answers before reading the whole
 * request and closes, is then emitted with nobody listening and becomes an uncaught exception that
 * ends the host app (open-telemetry/opentelemetry-js#5101 reports that crash). Telemetry must never
 * do that, so every socket gets a listener that logs the error with `diag.debug`.
 *
 * `node:http` / `node:https` are imported on the first export, as the exporters' own default does,
 * so that loading the presets never loads `http` before the app's instrumentation is registered.
 *
 * The agent also removes the preset's secrets from each response's status text (see
 * {@link redactStatusText}), before the exporter reads it.
 *
 * @param signal - whose `OTEL_EXPORTER_OTLP_<SIGNAL>_*` TLS variables win over the generic ones.
 * @param secrets - the destination's credentials (see `secretsOf`), never to appear in a status text.
 * @returns a factory of one agent per call (`protocol` is the endpoint's `http:` or `https:`); an
 *   unreadable TLS file is left out with a `diag.warn`, as the exporters do.
 */
export function guardedAgentFactory(signal: OtlpSignal, secrets: readonly string[] = []): AgentFactory {
  return async (protocol) => {
    const agent =
      protocol === "http:"
        ? new (await import("node:http")).Agent({ keepAlive: true })
        : new (await import("node:https")).Agent({ keepAlive: true, ...(await tlsFilesFromEnv(signal)) });
    guardSockets(agent);
    if (secrets.length) redactStatusText(agent, secrets);
    return agent;
  };
}

/**
 * Replaces every secret in the status text (`res.statusMessage`) of each response to a request
 * made with `agent` by `[REDACTED]`, before any other `response` listener runs.
 *
 * Why: the OpenTelemetry OTLP/HTTP exporters make their error from the status text
 * (`OTLPExporterError(res.statusMessage, …)`) and log it themselves, through the global `diag`,
 * before the error comes back to us (`Export failed with non-retryable error: …` in
 * `@opentelemetry/otlp-exporter-base`'s retrying transport). A backend that echoes the credential
 * in its status text (`401 invalid key abc…`) would put it in whatever logger the app installed;
 * redacting the text at its source keeps it out of that line, of the error, and of every report.
 * The response body is left as it is (the exporters parse it; they log it only for a successful
 * export whose body they cannot read).
 */
export function redactStatusText(agent: Agent, secrets: readonly string[]): void {
  const target = agent as unknown as { addRequest?: RequestAdder };
  const addRequest = target.addRequest;
  if (typeof addRequest !== "function") return;
  const onResponse = (res: IncomingMessage) => {
    if (res.statusMessage) res.statusMessage = redact(res.statusMessage, secrets);
  };
  target.addRequest = function redactingAddRequest(this: Agent, req: ClientRequest, ...args: unknown[]) {
    // The exporter's own callback is already a `response` listener (ClientRequest adds it before
    // handing the request to the agent): this one goes first.
    req.prependListener("response", onResponse);
    return addRequest.call(this, req, ...args);
  };
}

/** Gives every socket `agent` creates an `error` listener (see {@link guardedAgentFactory}). */
export function guardSockets(agent: Agent): void {
  const target = agent as unknown as { createConnection: ConnectionFactory };
  const createConnection = target.createConnection;
  target.createConnection = function guardedCreateConnection(this: Agent, ...args: unknown[]) {
    const socket = createConnection.apply(this, args);
    socket?.on("error", onSocketError);
    return socket;
  };
}

const TLS_FILES = [
  ["ca", "CERTIFICATE", "root certificate"],
  ["cert", "CLIENT_CERTIFICATE", "client certificate chain"],
  ["key", "CLIENT_KEY", "client private key"],
] as const;

/** The TLS files named by the standard variables, read as the OpenTelemetry exporters read them. */
async function tlsFilesFromEnv(signal: OtlpSignal): Promise<{ ca?: Buffer; cert?: Buffer; key?: Buffer }> {
  const files: { ca?: Buffer; cert?: Buffer; key?: Buffer } = {};
  for (const [option, setting, what] of TLS_FILES) {
    const env = readFirstEnv(`OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_${setting}`, `OTEL_EXPORTER_OTLP_${setting}`);
    if (env === undefined) continue;
    const [{ readFile }, { resolve }] = await Promise.all([import("node:fs/promises"), import("node:path")]);
    try {
      files[option] = await readFile(resolve(process.cwd(), env.value));
    } catch {
      diag.warn(`genai-otel: could not read the ${what} file named by ${env.name}; exporting without it`);
    }
  }
  return files;
}
