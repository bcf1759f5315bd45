import type { RateLimitInfo } from "./rate-limit.js";

/** An attempt about to be sent, as `beforeRequest` sees it. */
export interface HookRequest {
  /** The SDK's name of the operation (`partners.createLink`). */
  readonly operation: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The full URL of the request, query string included. */
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number;
  /**
   * The request headers, lower-cased, with `authorization` shown as `[REDACTED]`. Headers set or
   * changed here are sent (`authorization` excepted), so a hook can add tracing headers; a name
   * or value the HTTP rules refuse (CR, LF, NUL) or a framing header (`content-length`, `host`,
   * ...) fails the call with `SDKValidationError`.
   */
  readonly headers: Record<string, string>;
}

/** A response that arrived (any status), as `afterResponse` sees it. */
export interface HookResponse {
  /** The SDK's name of the operation (`partners.createLink`). */
  readonly operation: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The full URL of the request, query string included. */
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number;
  /** HTTP status of the response. */
  readonly status: number;
  /** Response headers, lower-cased; any echo of an API key is replaced by `[REDACTED]`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Time from sending the request to reading the whole body, in milliseconds. */
  readonly durationMs: number;
  /** Rate-limit figures of this response, when it had any. */
  readonly rateLimit: RateLimitInfo | undefined;
}

/** A failed attempt, as `onError` sees it. */
export interface HookError {
  /** The SDK's name of the operation (`partners.createLink`). */
  readonly operation: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The full URL of the request, query string included. */
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number;
  /** The typed error of the attempt (`DubError`, `ConnectionError`, `RequestTimeoutError`, ...). */
  readonly error: Error;
}

/**
 * Functions the client calls around every attempt, for your own logging, metrics and tracing.
 * None of them ever sees an API key (the client's or a per-call `Authorization`).
 *
 * `beforeRequest` is awaited (it may set headers), within the attempt's deadline and the
 * caller's signal: a hook that never settles ends in `RequestTimeoutError` or
 * `RequestAbortedError`. What it throws fails the call with that error, unretried, so a hook can
 * refuse a request on purpose. `afterResponse` and `onError` observe: they are not awaited, and
 * what they throw or reject never changes the call's outcome (a created link is still returned).
 * Such a failure is reported once per client on `console.warn`.
 *
 * @example
 * ```ts
 * const dub = new Dub({
 *   hooks: {
 *     beforeRequest: (req) => { req.headers["traceparent"] = currentTraceparent(); },
 *     afterResponse: (res) => metrics.timing("dub.request", res.durationMs, { op: res.operation, status: res.status }),
 *     onError: (err) => logger.warn({ op: err.operation, attempt: err.attempt, error: err.error.message }),
 *   },
 * });
 * ```
 */
export interface Hooks {
  /**
   * Before each attempt is sent; awaited within the attempt's deadline. Headers it sets are
   * checked like per-call headers. Default: none.
   *
   * @example
   * ```ts
   * new Dub({ hooks: { beforeRequest: (req) => { req.headers["x-request-id"] = crypto.randomUUID(); } } });
   * ```
   */
  beforeRequest?(request: HookRequest): void | Promise<void>;
  /**
   * After each response has been read, whatever its status. Not awaited; cannot change the
   * outcome. Default: none.
   *
   * @example
   * ```ts
   * new Dub({ hooks: { afterResponse: (res) => console.log(res.operation, res.status, res.durationMs) } });
   * ```
   */
  afterResponse?(response: HookResponse): void | Promise<void>;
  /**
   * After each failed attempt: an error status, an invalid body, or no response. Not awaited;
   * cannot change the outcome. Default: none.
   *
   * @example
   * ```ts
   * new Dub({ hooks: { onError: ({ operation, attempt, error }) => console.warn(operation, attempt, error.name) } });
   * ```
   */
  onError?(event: HookError): void | Promise<void>;
}
