import { type OtlpReceiver, type ReceivedRequest, startOtlpReceiver } from "@genai-otel-internal/otlp-receiver";
import type { PresetSelection } from "@genai-otel/exporter-presets";
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from "vitest";
import { useCleanEnv } from "./helpers";
import { startPathProxy } from "./path-proxy";

/** Content type of OTLP/HTTP protobuf requests. */
export const PROTOBUF = "application/x-protobuf";

/** The value of a `Basic` authorization header, as presets build it. */
export const basicAuth = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** Where the test receiver listens, for presets to be pointed at. */
export interface ReceiverUrls {
  /** `http://127.0.0.1:PORT` of the path proxy; the receiver sees the original path in `x-original-path`. */
  http: string;
  /** `http://127.0.0.1:PORT` of the receiver's gRPC server. */
  grpc: string;
  /** `127.0.0.1:PORT` of the gRPC server. */
  grpcHostPort: string;
}

/** One row of a wire test's table: a preset selection (and env), and how its request must reach the receiver. */
export interface ExpectedRequest {
  selection: (urls: ReceiverUrls) => PresetSelection;
  env?: (urls: ReceiverUrls) => Record<string, string>;
  transport: "http" | "grpc";
  /** The path the preset posted to (HTTP, seen through the proxy), or the gRPC method. */
  path: string;
  contentType: string;
  contentEncoding?: string;
  /** Expected request headers (lower-case names) with their fake values. */
  headers: Record<string, string>;
}

/** Sets the env vars of `expected` for the current test, and returns its preset selection. */
export function selectionOf(expected: ExpectedRequest, urls: ReceiverUrls): PresetSelection {
  for (const [name, value] of Object.entries(expected.env?.(urls) ?? {})) vi.stubEnv(name, value);
  return expected.selection(urls);
}

/** Asserts that `request` arrived as `expected` says: transport, path or gRPC method, content type and encoding, headers. */
export function expectRequest(request: ReceivedRequest, expected: ExpectedRequest): void {
  expect(request.transport).toBe(expected.transport);
  expect(expected.transport === "http" ? request.headers["x-original-path"] : request.path).toBe(expected.path);
  expect(request.contentType).toBe(expected.contentType);
  expect(request.contentEncoding).toBe(expected.contentEncoding);
  expect(request.headers).toMatchObject(expected.headers);
}

/** What a test file gets from {@link useReceiver}; read the fields inside tests (they are set in hooks). */
export interface ReceiverFixture {
  receiver: OtlpReceiver;
  /** The path proxy in front of the receiver's HTTP server (only with `proxy: true`). */
  proxy: Awaited<ReturnType<typeof startPathProxy>>;
  /** The diag lines logged during the current test. */
  diagText(): string;
  /** The receiver's URLs (the HTTP one through the proxy, with `proxy: true`). */
  urls(): ReceiverUrls;
}

/**
 * One local OTLP receiver per test (so a late export of an earlier test, such as a retry after a timeout,
 * never reaches the next one), with every preset env var cleared
 * and diag captured. After each test: no secret value reached a log line, and (with
 * `noUnhandledRejections`) no promise rejection escaped.
 *
 * @param options.secrets - fake secret values that must never be logged
 * @param options.proxy - also start a path proxy (for presets whose path is not `/v1/traces`)
 * @param options.noUnhandledRejections - fail a test when an unhandled rejection happened during it
 */
export function useReceiver(options: { secrets: readonly string[]; proxy?: boolean; noUnhandledRejections?: boolean }): ReceiverFixture {
  const fixture = {
    urls: () => ({
      http: fixture.proxy?.url ?? fixture.receiver.httpUrl,
      grpc: fixture.receiver.grpcUrl,
      grpcHostPort: fixture.receiver.grpcUrl.replace("http://", ""),
    }),
  } as ReceiverFixture;
  // First, so that its checks run last: diag written while the receiver closes is checked for secrets too.
  const env = useCleanEnv(options.secrets);
  fixture.diagText = () => env.log().text();
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(() => {
    if (options.noUnhandledRejections) process.on("unhandledRejection", onRejection);
  });
  afterAll(() => {
    if (options.noUnhandledRejections) process.off("unhandledRejection", onRejection);
  });
  beforeEach(async () => {
    fixture.receiver = await startOtlpReceiver();
    if (options.proxy) fixture.proxy = await startPathProxy(fixture.receiver.httpUrl);
    rejections.length = 0;
  });
  afterEach(async () => {
    try {
      if (options.noUnhandledRejections) {
        await new Promise((resolve) => setTimeout(resolve, 20)); // let late rejections surface
        expect(rejections).toEqual([]);
      }
    } finally {
      await fixture.proxy?.close();
      await fixture.receiver.close();
    }
  });
  return fixture;
}
