import type { Hooks } from "./hooks.js";
import type { RetryConfig } from "./retry/retry-config.js";
import type { FetchLike } from "./transport/fetch-transport.js";

/** The API key, or a function returning it (called once per API call, for keys that rotate). */
export type TokenSource = string | (() => string | Promise<string>);

/** Where debug lines go. `console` fits. The API key never appears in a line. */
export interface DebugLogger {
  debug(message: string, ...data: unknown[]): void;
}

/** Options of a {@link Dub} client. Every field is optional. */
export interface DubOptions {
  /**
   * The Dub API key (`dub_...`), or a function that returns it. Default: the `DUB_API_KEY`
   * environment variable. A call without a key fails with `SDKValidationError` before any
   * network I/O; building the client without one does not (so modules can build it at import).
   */
  token?: TokenSource;
  /**
   * Base URL of the API, with an optional path prefix (for a proxy). Default: the `DUB_BASE_URL`
   * environment variable, else `"https://api.dub.co"`. Plain `http://` is refused for any host
   * but loopback unless `allowInsecureHttp` is set, because the key would cross the network in
   * clear text.
   */
  serverURL?: string;
  /** Allow a plain `http://` `serverURL` to a non-loopback host. Default `false`. */
  allowInsecureHttp?: boolean;
  /** When and how to retry. Default `{ strategy: "backoff" }`: see {@link RetryConfig}. */
  retryConfig?: RetryConfig;
  /**
   * Deadline of each attempt in milliseconds, covering connect, response headers and the whole
   * body; a retry gets a fresh deadline. Default `60000`.
   */
  timeoutMs?: number;
  /**
   * A `fetch` implementation. Passing one forces the fetch transport, also on Node (for msw,
   * proxies, tracing). Default: undici on Node; the global `fetch` elsewhere.
   */
  fetch?: FetchLike;
  /** Receives one line per attempt, response and retry wait. `Authorization` is always redacted. Default: none. */
  debugLogger?: DebugLogger;
  /** Largest response body read, in bytes; a larger one fails with `ResponseValidationError`. Default 16 MiB. */
  maxResponseBytes?: number;
  /** Your functions around every attempt (logging, metrics, tracing): see {@link Hooks}. Default: none. */
  hooks?: Hooks;
}

/** Per-call options: the second argument of every operation. Each overrides the client's setting for this call. */
export interface RequestOptions {
  /**
   * Retry configuration for this call, merged field by field over the client's `retryConfig`
   * (`strategy: "none"` turns retries off for the call). Default: the client's.
   */
  retries?: RetryConfig;
  /** Per-attempt deadline in milliseconds for this call. Default: the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Aborts the call, immediately, during a request or a backoff wait; the call throws `RequestAbortedError`. */
  signal?: AbortSignal;
  /** Extra request headers for this call. They may replace the client's own, `Authorization` included (a per-call key). */
  headers?: Record<string, string>;
}
