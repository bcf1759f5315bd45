import type { Hooks } from "./hooks.js";
import type { RetryConfig } from "./retry/retry-config.js";
import type { DispatcherLike, ProxySetting } from "./transport/dispatcher-like.js";
import type { FetchLike } from "./transport/fetch-transport.js";

/** The API key, or a function returning it (called once per API call, for keys that rotate). */
export type TokenSource = string | (() => string | Promise<string>);

/** Where debug lines go. `console` fits. The API key never appears in a line. */
export interface DebugLogger {
  /** Called with one line of text and the structured details that go with it. */
  debug(message: string, ...data: unknown[]): void;
}

/** Options of a {@link Dub} client. Every field is optional. */
export interface DubOptions {
  /**
   * The Dub API key (`dub_...`), or a function that returns it. Default: the `DUB_API_KEY`
   * environment variable. A call without a key fails with `SDKValidationError` before any
   * network I/O; building the client without one does not (so modules can build it at import).
   * A function is called once per call: if it throws, rejects or returns anything but a
   * non-empty string, the call fails with `SDKValidationError` (its error as `cause`); if it
   * never answers, `timeoutMs` and the call's `signal` still end the call.
   *
   * @example
   * ```ts
   * new Dub({ token: process.env.DUB_API_KEY });
   * new Dub({ token: async () => (await secrets.get("dub-api-key")).value }); // keys that rotate
   * ```
   */
  token?: TokenSource;
  /**
   * Base URL of the API, with an optional path prefix (for a proxy). Default: the `DUB_BASE_URL`
   * environment variable, else `"https://api.dub.co"`. Plain `http://` is refused for any host
   * but loopback unless `allowInsecureHttp` is set, because the key would cross the network in
   * clear text.
   *
   * @example
   * ```ts
   * new Dub({ serverURL: "https://dub-proxy.example.com/dub" }); // through your own proxy
   * new Dub({ serverURL: server.url, token: "dub_test" }); // the fake API of dub-partners/testing
   * ```
   */
  serverURL?: string;
  /**
   * Allow a plain `http://` `serverURL` to a non-loopback host. Default `false`.
   *
   * @example
   * ```ts
   * new Dub({ serverURL: "http://dub-proxy.internal:8080", allowInsecureHttp: true }); // a proxy inside your network
   * ```
   */
  allowInsecureHttp?: boolean;
  /**
   * When and how to retry. Default `{ strategy: "backoff" }`: see {@link RetryConfig}.
   *
   * @example
   * ```ts
   * new Dub({ retryConfig: { strategy: "backoff", backoff: { maxElapsedTime: 30_000 } } });
   * new Dub({ retryConfig: { strategy: "none" } });
   * ```
   */
  retryConfig?: RetryConfig;
  /**
   * Deadline of each attempt in milliseconds, covering the `beforeRequest` hook, connect, response
   * headers and the whole body; a retry gets a fresh deadline. A token function must answer within
   * it too. At most `2147483647` (about 24.8 days, the longest a timer can wait). Default `60000`.
   *
   * @example
   * ```ts
   * new Dub({ timeoutMs: 10_000 });
   * ```
   */
  timeoutMs?: number;
  /**
   * A `fetch` implementation. Passing one forces the fetch transport, also on Node (for msw,
   * proxies, tracing). Default: undici on Node; the global `fetch` elsewhere.
   *
   * @example
   * ```ts
   * // msw intercepts the global fetch, not undici: hand the client a fetch.
   * new Dub({ fetch: (url, init) => fetch(url, init) });
   * ```
   */
  fetch?: FetchLike;
  /**
   * An undici `Dispatcher` for the Node build to send through instead of its own keep-alive pool:
   * a `ProxyAgent` for a corporate proxy, an `EnvHttpProxyAgent`, an `Agent` with your TLS
   * settings, a `MockAgent`. It stays yours: `close()` does not close it. Node build only (the
   * fetch build, picked by Bun, Deno, edge runtimes and browsers, refuses it); not with `fetch` or
   * `proxy`. Default: none.
   *
   * @example
   * ```ts
   * import { ProxyAgent } from "undici";
   * new Dub({ dispatcher: new ProxyAgent("http://proxy.corp.example:3128") });
   * ```
   */
  dispatcher?: DispatcherLike;
  /**
   * `"env"`: send through the proxy that `HTTPS_PROXY` / `HTTP_PROXY` (or their lower-case forms)
   * name, except to the hosts `NO_PROXY` lists, with undici's `EnvHttpProxyAgent`. Opt-in, as in
   * Node itself, so that a variable meant for other tools never reroutes the API key unnoticed.
   * In the fetch build the runtime decides (Bun's and Deno's `fetch` read these variables
   * themselves). Not with `fetch` or `dispatcher`. Default: none (direct connections).
   *
   * @example
   * ```ts
   * // HTTPS_PROXY=http://proxy.corp.example:3128 NO_PROXY=localhost,.internal node app.js
   * new Dub({ proxy: "env" });
   * ```
   */
  proxy?: ProxySetting;
  /**
   * Let the client run in a browser (a page or a browser Web Worker). Default `false`: building a
   * client there throws `SDKValidationError`, because the API key would be readable by anyone who
   * opens the page, and the Dub API sends no CORS headers. Call Dub from your server, and give the
   * page a referral embed token made there. Set `true` only when the key is not secret (a test
   * page against the fake API, an internal tool behind your own proxy). Detected at run time;
   * Node, Deno, Bun, edge runtimes and Cloudflare Workers are never taken for browsers.
   *
   * @example
   * ```ts
   * new Dub({ serverURL: "https://dub-proxy.example.com", token: sessionToken, dangerouslyAllowBrowser: true });
   * ```
   */
  dangerouslyAllowBrowser?: boolean;
  /**
   * Receives one line per attempt, response and retry wait. `Authorization` is always redacted.
   * A logger that throws changes nothing (reported once per client on `console.warn`). Default:
   * none, unless the `DUB_LOG` environment variable is `debug` (then lines go to stderr through
   * `console.error`); a logger given here wins over `DUB_LOG`.
   *
   * @example
   * ```ts
   * new Dub({ debugLogger: console });
   * ```
   */
  debugLogger?: DebugLogger;
  /**
   * Largest response body read, in bytes; a larger one fails with `ResponseValidationError`. Default 16 MiB.
   *
   * @example
   * ```ts
   * new Dub({ maxResponseBytes: 1024 * 1024 }); // 1 MiB
   * ```
   */
  maxResponseBytes?: number;
  /**
   * Your functions around every attempt (logging, metrics, tracing): see {@link Hooks}. Default: none.
   *
   * @example
   * ```ts
   * new Dub({ hooks: { afterResponse: (res) => console.log(res.operation, res.status, `${res.durationMs} ms`) } });
   * ```
   */
  hooks?: Hooks;
}

/** Per-call options: the second argument of every operation. Each overrides the client's setting for this call. */
export interface RequestOptions {
  /**
   * Retry configuration for this call, merged field by field over the client's `retryConfig`
   * (`strategy: "none"` turns retries off for the call). Default: the client's.
   *
   * @example
   * ```ts
   * await dub.partners.create(body, { retries: { strategy: "none" } });
   * await dub.partners.upsertLink(body, { retries: { strategy: "backoff", backoff: { maxElapsedTime: 60_000 } } });
   * ```
   */
  retries?: RetryConfig;
  /**
   * Per-attempt deadline in milliseconds for this call, at most `2147483647`. Default: the client's `timeoutMs`.
   *
   * @example
   * ```ts
   * await dub.partners.create(body, { timeoutMs: 5_000 });
   * ```
   */
  timeoutMs?: number;
  /**
   * Aborts the call, immediately, during a request, a backoff wait, or while the token function
   * or the `beforeRequest` hook runs; the call throws `RequestAbortedError`. A signal from another
   * realm or a polyfill works if it has `aborted`, `addEventListener` and `removeEventListener`;
   * anything else is refused with `SDKValidationError`. Default: none (only `timeoutMs` and the
   * retry budget bound the call).
   *
   * @example
   * ```ts
   * await dub.partners.create(body, { signal: AbortSignal.timeout(8_000) }); // the whole call, retries included
   * ```
   */
  signal?: AbortSignal;
  /**
   * Extra request headers for this call. They may replace the client's own, `Authorization`
   * included (a per-call key, redacted from errors and hooks like the client's). Names must be
   * HTTP tokens and values free of CR, LF, NUL and other controls; the framing headers
   * `content-length`, `transfer-encoding`, `host`, `connection`, `keep-alive`, `upgrade`, `te`,
   * `trailer`, `expect` and `proxy-connection` are set by the client and refused here. A bad
   * header is an `SDKValidationError` naming it, before anything is sent. Default: none.
   *
   * @example
   * ```ts
   * await dub.partners.create(body, { headers: { "x-request-id": requestId } });
   * ```
   */
  headers?: Record<string, string>;
}
