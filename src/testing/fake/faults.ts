import { encodeReply, type Fault, type Reply } from "../types.js";
import { routeKey } from "./router.js";

/**
 * What `fake.inject` plays instead of (or over) the fake's own answer. Every field is optional;
 * a field left out is taken from the answer the fake computes for the request.
 *
 * - A {@link Reply} (`{ status: 502, headers: { "content-type": "text/html" }, body: "<html>…" }`,
 *   `{ status: 503 }`): that reply replaces the answer. With `status` set, headers and body come
 *   only from the fault (an empty body when none is given).
 * - `{ fault: { kind: "reset-before-response" | "reset-mid-body" | "stall-body", … } }`: the
 *   connection breaks; the bytes sent before the break are the fault's own `status`/`body`, or
 *   the fake's answer when `status` is left out. A reset before the request is even read looks
 *   the same to a client as `reset-before-response` without `afterEffect`.
 * - `{ truncate: {} }` (see {@link truncatedJson}): the answer complete on the wire but its body
 *   cut short, so a 2XX carries broken JSON.
 * - `{ delayMs }` alone: pure latency; the request is answered normally, late. Combined with the
 *   others, the wait comes before the headers.
 */
export interface InjectedFault {
  /** Status of the reply. Default: the fake's own answer (status, headers and body). */
  readonly status?: number;
  /** Headers of the reply; merged over the fake's own when `status` is left out. Default none. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Body text, bytes, or a value sent as JSON. Default: empty with `status`, else the fake's own body. */
  readonly body?: string | Uint8Array | object;
  /** Wait this long before the headers (bounded by the adapters to 30 s). Default 0. */
  readonly delayMs?: number;
  /** Break the connection before or while the body is sent. Default: no break. */
  readonly fault?: Fault;
  /**
   * Send the body cut after `keepBytes` bytes (default: half of it), with a `content-length` that
   * matches the cut, so the exchange completes but the JSON does not parse. Default: not cut.
   */
  readonly truncate?: {
    /** Bytes of the body kept. Default: half of the body. */
    readonly keepBytes?: number;
  };
}

/** Options of `fake.inject`. */
export interface InjectOptions {
  /**
   * Only requests to this route consume the fault: `"POST /partners/links"`, or a path alone
   * (`"/partners/links"`) for any method. Query strings are ignored. Default: any request.
   */
  readonly route?: string;
  /** How many matching requests the fault is played for. Default `1`. */
  readonly times?: number;
  /**
   * `false` (default): the fault stands in front of the API, as a proxy or the network would; the
   * request has no effect (nothing is created or updated, and the rate limit does not count it).
   * When the fault needs the fake's answer (a cut body without its own `status`), the answer is
   * computed on a throwaway copy of the state.
   * `true`: the request takes effect first, then its answer is replaced or broken by the fault:
   * how a test stages "the link was created, then the response was a 500 / the connection reset".
   * Pure latency (`{ delayMs }` alone) always takes effect, as a slow server would.
   */
  readonly afterEffect?: boolean;
}

/** {@link InjectedFault} of a 2XX answer whose JSON body is cut short (see `InjectedFault.truncate`). */
export function truncatedJson(options: { keepBytes?: number; status?: number; body?: object } = {}): InjectedFault {
  const { keepBytes, ...rest } = options;
  return { ...rest, truncate: keepBytes === undefined ? {} : { keepBytes } };
}

interface QueuedFault {
  readonly fault: InjectedFault;
  readonly route: { method: string | undefined; path: string } | undefined;
  readonly afterEffect: boolean;
  remaining: number;
}

/** A fault taken from the queue for one request. */
export interface TakenFault {
  readonly fault: InjectedFault;
  readonly afterEffect: boolean;
}

function parseRoute(route: string): { method: string | undefined; path: string } {
  const match = /^\s*(?:([A-Za-z]+)\s+)?(\/\S*)\s*$/.exec(route);
  if (!match) throw new RangeError(`route must look like "POST /partners/links" or "/partners/links", got ${JSON.stringify(route)}`);
  const [method, path] = routeKey(match[1] ?? "GET", match[2]!).split(" ") as [string, string];
  return { method: match[1] ? method : undefined, path };
}

/** Injected faults, consumed in the order they were injected. */
export class FaultQueue {
  #queue: QueuedFault[] = [];

  add(fault: InjectedFault, options: InjectOptions = {}): void {
    const times = options.times ?? 1;
    if (!(Number.isInteger(times) && times >= 1)) throw new RangeError("times must be an integer >= 1");
    const route = options.route === undefined ? undefined : parseRoute(options.route);
    this.#queue.push({ fault, route, afterEffect: options.afterEffect ?? false, remaining: times });
  }

  /** The first queued fault matching `METHOD /path`, counted as used. */
  take(key: string): TakenFault | undefined {
    const [method, path] = key.split(" ") as [string, string];
    const index = this.#queue.findIndex((q) => !q.route || (q.route.path === path && (q.route.method ?? method) === method));
    if (index < 0) return undefined;
    const entry = this.#queue[index]!;
    if (--entry.remaining === 0) this.#queue.splice(index, 1);
    return { fault: entry.fault, afterEffect: entry.afterEffect };
  }

  /** Faults not played yet. */
  get pending(): number {
    return this.#queue.reduce((n, q) => n + q.remaining, 0);
  }

  clear(): void {
    this.#queue = [];
  }
}

/** Only a delay: the server is slow, the answer itself is untouched. */
export function isLatencyOnly(fault: InjectedFault): boolean {
  return fault.status === undefined && fault.body === undefined && fault.fault === undefined && fault.truncate === undefined;
}

/** Whether playing `fault` needs the fake's own answer. */
export function needsAnswer(fault: InjectedFault): boolean {
  return fault.status === undefined;
}

/** The reply a fault plays, over the fake's `answer` when the fault leaves parts of it out. */
export function faultReply(fault: InjectedFault, answer: Reply | undefined): Reply {
  const base: Reply =
    fault.status !== undefined || !answer
      ? { status: fault.status ?? 500, headers: fault.headers, body: fault.body }
      : { status: answer.status, headers: { ...answer.headers, ...fault.headers }, body: fault.body ?? answer.body };
  let reply: Reply = { ...base, delayMs: fault.delayMs, fault: fault.fault };
  if (fault.truncate) {
    const { headers, body } = encodeReply(base);
    const { "content-length": _stale, ...rest } = headers;
    const keep = Math.min(fault.truncate.keepBytes ?? Math.floor(body.byteLength / 2), body.byteLength);
    reply = { ...reply, headers: rest, body: body.slice(0, keep) };
  }
  return reply;
}
