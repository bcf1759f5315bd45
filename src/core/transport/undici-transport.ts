import type { Dispatcher } from "undici";
import { SDK_VERSION } from "../constants.js";
import type { Cancellation } from "./cancellation.js";
import type { DispatcherLike, ProxySetting } from "./dispatcher-like.js";
import { createFetchTransport } from "./fetch-transport.js";
import { type LoadOutcome, loadUndiciClass, type UndiciLoaders } from "./undici-loader.js";
import { BoundedCollector, checkDeclaredLength, LocalRefusalError, type Transport, type TransportRequest, type TransportResponse } from "./types.js";

/** Options of the undici transport. */
export interface UndiciTransportOptions {
  /** Connect deadline in milliseconds, for the dispatchers the transport creates. */
  readonly connectTimeoutMs: number;
  /** The caller's dispatcher, used instead of a pool of the transport's own; never closed by it. */
  readonly dispatcher?: DispatcherLike | undefined;
  /** `"env"`: an `EnvHttpProxyAgent` (HTTP(S)_PROXY, NO_PROXY) instead of a pool. */
  readonly proxy?: ProxySetting | undefined;
  /** Told when the transport falls back to `fetch`. */
  readonly logger?: { debug(message: string): void } | undefined;
  /** How undici is loaded; replaced in tests. */
  readonly loaders?: UndiciLoaders | undefined;
}

/**
 * undici's `Pool` class once asked for (every client shares the module), loaded on the first
 * request rather than at import, so importing the SDK costs nothing until it is used.
 */
let sharedPool: Promise<LoadOutcome<"Pool">> | undefined;

function loadPool(loaders: UndiciLoaders | undefined): Promise<LoadOutcome<"Pool">> {
  if (loaders) return loadUndiciClass("Pool", loaders);
  if (sharedPool) return sharedPool;
  const loading = loadUndiciClass("Pool");
  // A failure is not kept: the next call tries again.
  loading.catch(() => {
    if (sharedPool === loading) sharedPool = undefined;
  });
  return (sharedPool = loading);
}

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
 * Transport over undici: by default a keep-alive `Pool` to the API origin, the fastest way to
 * speak HTTP/1.1 on Node; or the caller's `dispatcher`; or an `EnvHttpProxyAgent` with
 * `proxy: "env"`. Requests go through `dispatch` with a handler that collects the body (see
 * {@link CollectingHandler}). The pool (or proxy agent) is created on the first request and closed
 * by `close()`; the caller's dispatcher is theirs to close. Redirects are not followed.
 *
 * In an ES module bundle where undici cannot run and no `node_modules` has it, the pool gives way
 * to the runtime's own `fetch` (Node's is built on undici), so a bundled application still works.
 */
export function createUndiciTransport(options: UndiciTransportOptions): Transport {
  /** Where requests go: the caller's dispatcher, or one of the transport's own once opened. */
  let target = options.dispatcher as Dispatcher | undefined;
  /** The transport's own dispatcher, which `close()` closes. */
  let owned: Dispatcher | undefined;
  let fallback: Transport | undefined;
  let opening: Promise<void> | undefined;
  let origin = "";
  const connect = { timeout: options.connectTimeoutMs };
  // Start loading the pool as the client is built (not at import): the first call, usually made
  // later, then finds it loaded instead of spending its deadline on it. A failure is met, and
  // reported, by that call.
  if (!target && options.proxy !== "env") loadPool(options.loaders).catch(() => {});

  const open = async (): Promise<void> => {
    if (options.proxy === "env") {
      const outcome = await loadUndiciClass("EnvHttpProxyAgent", options.loaders);
      // No fallback here: fetch would bypass the proxy the environment asks for.
      if ("unusableInBundle" in outcome) throw outcome.unusableInBundle;
      target = owned = new outcome.loaded({ connect });
      return;
    }
    const outcome = await loadPool(options.loaders);
    if ("loaded" in outcome) {
      target = owned = new outcome.loaded(origin, { connect });
      return;
    }
    options.logger?.debug(`dub-partners: ${outcome.unusableInBundle.message}; sending with the runtime's fetch instead`);
    fallback = createFetchTransport();
  };

  const send = (request: TransportRequest): Promise<TransportResponse> => {
    origin ||= new URL(request.url).origin;
    if (target) return dispatch(target, origin, request);
    if (fallback) return fallback.send(request);
    const current = (opening ??= open().finally(() => {
      if (opening === current) opening = undefined;
    }));
    return current.then(() => send(request));
  };

  return {
    send,
    async close() {
      const closing = owned;
      owned = undefined;
      // The caller's dispatcher stays in use, and open: it is theirs.
      target = options.dispatcher as Dispatcher | undefined;
      await closing?.close();
    },
  };
}

/** Sends one request through `dispatcher`; resolves once the whole body has arrived. */
function dispatch(dispatcher: Dispatcher, origin: string, request: TransportRequest): Promise<TransportResponse> {
  return new Promise<TransportResponse>((resolve, reject) => {
    if (request.cancellation.aborted) return reject(request.cancellation.reason);
    const handler = new CollectingHandler(request.maxResponseBytes, request.cancellation, resolve, reject);
    dispatcher.dispatch(
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
