/**
 * The receiver's shared state: recorded requests, the fault mode, pending timers and waiters.
 * @module
 */
import type {
  FaultMode,
  FaultOptions,
  ReceivedMetric,
  ReceivedRequest,
  ReceivedSpan,
  RequestOutcome,
  WaitCondition,
} from "./types";

/** How a transport answers: each function sends the answer and returns the status code it sent. */
export interface Responder {
  accept(): number;
  refuse(reason: "unavailable" | "throttled", faults: FaultOptions): number;
}

/** Default delay of the `slow` mode. */
export const DEFAULT_SLOW_DELAY_MS = 1000;

/** Requests, fault mode and waiters shared by the HTTP and gRPC servers. */
export class ReceiverState {
  readonly requests: ReceivedRequest[] = [];
  private mode: FaultMode = "ok";
  private faults: FaultOptions = {};
  private readonly listeners = new Set<(error?: Error) => void>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(mode: FaultMode = "ok", faults: FaultOptions = {}) {
    this.setMode(mode, faults);
  }

  /** Sets the fault mode; options given replace the previous ones field by field. */
  setMode(mode: FaultMode, faults: FaultOptions = {}): void {
    this.mode = mode;
    this.faults = { ...this.faults, ...faults };
  }

  /** Records a request and answers it according to the current mode. */
  handle(request: ReceivedRequest, responder: Responder): void {
    this.requests.push(request);
    const settle = (outcome: RequestOutcome, statusCode: number) => {
      request.outcome = outcome;
      request.statusCode = statusCode;
      this.notify();
    };
    switch (this.mode) {
      case "ok":
        settle("accepted", responder.accept());
        break;
      case "slow":
        this.later(this.faults.slowDelayMs ?? DEFAULT_SLOW_DELAY_MS, () => settle("accepted", responder.accept()));
        break;
      case "hang":
        break;
      case "refuse-503":
        settle("refused", responder.refuse("unavailable", this.faults));
        break;
      case "throttle-429":
        settle("refused", responder.refuse("throttled", this.faults));
        break;
    }
  }

  /** Spans of accepted requests. */
  spans(): ReceivedSpan[] {
    return this.requests.filter((request) => request.outcome === "accepted").flatMap((request) => request.spans);
  }

  /** Metrics of accepted requests. */
  metrics(): ReceivedMetric[] {
    return this.requests.filter((request) => request.outcome === "accepted").flatMap((request) => request.metrics);
  }

  /** Waits until `condition` holds over `select()` (see `OtlpReceiver.waitForSpans`). */
  waitFor<T>(select: () => T[], condition: WaitCondition<T>, timeoutMs: number, what: string): Promise<T[]> {
    const check = (): T[] | undefined => {
      const items = select();
      if (typeof condition === "number") return items.length >= condition ? items : undefined;
      const matching = items.filter(condition);
      return matching.length > 0 ? matching : undefined;
    };
    const ready = check();
    if (ready) return Promise.resolve(ready);
    return new Promise<T[]>((resolve, reject) => {
      const finish = (error?: Error) => {
        const result = error ? undefined : check();
        if (!error && !result) return;
        clearTimeout(timer);
        this.listeners.delete(finish);
        if (result) resolve(result);
        else reject(error);
      };
      const timer = setTimeout(() => {
        const got = select().map((item) => String((item as { name?: unknown }).name));
        const detail = `${describe(condition)}; got ${got.length}: [${got.join(", ")}]`;
        finish(new Error(`timed out after ${timeoutMs}ms waiting for ${what} (${detail})`));
      }, timeoutMs);
      this.listeners.add(finish);
    });
  }

  /** Forgets the requests and goes back to mode `ok`. */
  reset(): void {
    this.requests.length = 0;
    this.mode = "ok";
  }

  /** Cancels pending delayed answers and rejects pending waits. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const listener of [...this.listeners]) listener(new Error("OTLP receiver closed"));
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function describe(condition: number | ((item: never) => boolean)): string {
  return typeof condition === "number" ? `at least ${condition}` : "a match of the predicate";
}
