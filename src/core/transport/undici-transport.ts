import type { Dispatcher, Pool } from "undici";
import { SDK_VERSION } from "../constants.js";
import type { Cancellation } from "./cancellation.js";
import { BoundedCollector, checkDeclaredLength, LocalRefusalError, type Transport, type TransportRequest, type TransportResponse } from "./types.js";

/** Options of the undici transport. */
export interface UndiciTransportOptions {
  /** Connect deadline in milliseconds. */
  readonly connectTimeoutMs: number;
}

/** How the transport loads undici; replaced in tests. */
export interface PoolLoaders {
  /** undici's `Pool` module alone. */
  readonly poolModule: () => Promise<{ default: unknown }>;
  /** undici's package entry. */
  readonly undici: () => Promise<{ Pool: typeof Pool }>;
}

/**
 * Literal specifiers, so that bundlers (esbuild, webpack, Vercel's and Netlify's file tracing)
 * see and include the module when an application bundles its Node code.
 */
const UNDICI: PoolLoaders = {
  poolModule: () => import("undici/lib/dispatcher/pool.js"),
  undici: () => import("undici"),
};

/**
 * undici's `Pool` class, loaded on the first request.
 *
 * Only its own module is loaded: undici's package entry loads all of undici (fetch, WebSocket,
 * caches, mocks: about 110 modules, some 75 ms of a cold start on a small machine) where the pool
 * needs 22 of them. undici has no `exports` map, so the module path is public to Node; should a
 * later undici move it, the package entry is used instead (slower to load, same class). Loaded on
 * the first call rather than at import, so importing the SDK costs nothing until it is used.
 */
export async function loadPool(loaders: PoolLoaders = UNDICI): Promise<typeof Pool> {
  try {
    const PoolClass = (await loaders.poolModule()).default as typeof Pool;
    if (typeof PoolClass === "function" && typeof PoolClass.prototype.dispatch === "function") return PoolClass;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") throw error;
  }
  return (await loaders.undici()).Pool;
}

/** The pool class once loaded (every client shares the module), or the load in progress. */
let poolClass: typeof Pool | Promise<typeof Pool> | undefined;

const USER_AGENT = `dub-partners/${SDK_VERSION} node/${typeof process === "undefined" ? "unknown" : process.versions.node}`;

/**
 * Adds the SDK's `User-Agent` unless the caller set one. The headers object is the call's own
 * (built per call), so it is completed in place rather than copied on every attempt.
 */
function withUserAgent(headers: Record<string, string>): Record<string, string> {
  headers["user-agent"] ??= USER_AGENT;
  return headers;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/**
 * Collects one response for `pool.dispatch`: the status, the headers and the body bytes, as they
 * arrive, into one `TransportResponse`.
 *
 * This is what `pool.request()` does minus its stream: `request()` wraps every body in a
 * `Readable` (and the handler in an `AsyncResource`), which a client that always reads the whole
 * body into memory does not need, and which costs more than a third of undici's own CPU per call.
 * The handler also enforces `maxResponseBytes` on the declared length and chunk by chunk (with
 * `checkDeclaredLength` and `BoundedCollector`, as the fetch transport does), and follows the
 * attempt's cancellation (deadline or caller's abort) before and after the request reaches a
 * socket.
 */
class CollectingHandler implements Dispatcher.DispatchHandler {
  #controller: Dispatcher.DispatchController | undefined;
  #status = 0;
  #headers: Record<string, string> = {};
  #collector: BoundedCollector | undefined;
  #settled = false;

  constructor(
    private readonly limit: number,
    private readonly cancellation: Cancellation,
    private readonly resolve: (response: TransportResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    cancellation.once("abort", this.#onCancel);
  }

  readonly #onCancel = () => {
    const reason = this.cancellation.reason;
    // Aborting through the controller makes undici destroy the socket when bytes are in flight,
    // or drop the request from its queue when it has not been written yet (onRequestStart below).
    this.#controller?.abort(reason as Error);
    this.#fail(reason);
  };

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.cancellation.aborted) controller.abort(this.cancellation.reason as Error);
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.#status = statusCode;
    this.#headers = flattenHeaders(headers);
    this.#collector = new BoundedCollector(statusCode, this.#headers, this.limit);
    try {
      checkDeclaredLength(statusCode, this.#headers, this.limit);
    } catch (error) {
      this.#abortWith(controller, error as Error);
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    try {
      this.#collector?.add(chunk);
    } catch (error) {
      this.#abortWith(controller, error as Error);
    }
  }

  onResponseEnd(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.cancellation.removeListener("abort", this.#onCancel);
    this.resolve({ status: this.#status, headers: this.#headers, body: this.#collector?.bytes() ?? new Uint8Array(0) });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    // undici checks the request's headers and URL before writing it: its refusal is not the network's.
    const code = (error as { code?: unknown }).code;
    this.#fail(code === "UND_ERR_INVALID_ARG" || code === "UND_ERR_REQ_CONTENT_LENGTH_MISMATCH" ? new LocalRefusalError(error) : error);
  }

  /** Stops the exchange (undici destroys the socket) and fails with `error`. */
  #abortWith(controller: Dispatcher.DispatchController, error: Error): void {
    controller.abort(error);
    this.#fail(error);
  }

  #fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#collector = undefined;
    this.cancellation.removeListener("abort", this.#onCancel);
    this.reject(error);
  }
}

/**
 * Transport over a keep-alive undici `Pool` to the API origin: the default on Node, and the
 * fastest way to speak HTTP/1.1 there. Requests go through `pool.dispatch` with a handler that
 * collects the body (see {@link CollectingHandler}). The pool is created on the first request and
 * closed by `close()`. Redirects are not followed.
 */
export function createUndiciTransport(options: UndiciTransportOptions): Transport {
  let pool: Pool | undefined;
  let origin = "";

  const openPool = (PoolClass: typeof Pool, url: string): Pool => {
    origin = new URL(url).origin;
    pool = new PoolClass(origin, { connect: { timeout: options.connectTimeoutMs } });
    return pool;
  };

  const send = (request: TransportRequest): Promise<TransportResponse> => {
    if (pool) return dispatch(pool, origin, request);
    if (typeof poolClass === "function") return dispatch(openPool(poolClass, request.url), origin, request);
    poolClass ??= loadPool().then(
      (loaded) => (poolClass = loaded),
      (error: unknown) => {
        // Not cached: the next call tries again.
        poolClass = undefined;
        throw new Error(`could not load undici, the HTTP client of the Node build: ${(error as Error)?.message ?? String(error)}`, { cause: error });
      },
    );
    return poolClass.then(() => send(request));
  };

  return {
    send,
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.close();
    },
  };
}

/** Sends one request through `pool`; resolves once the whole body has arrived. */
function dispatch(pool: Pool, origin: string, request: TransportRequest): Promise<TransportResponse> {
  return new Promise<TransportResponse>((resolve, reject) => {
    if (request.cancellation.aborted) return reject(request.cancellation.reason);
    const handler = new CollectingHandler(request.maxResponseBytes, request.cancellation, resolve, reject);
    pool.dispatch(
      {
        origin,
        path: request.url.slice(origin.length),
        method: request.method as Dispatcher.HttpMethod,
        headers: withUserAgent(request.headers),
        body: request.body ?? null,
      },
      handler,
    );
  });
}
