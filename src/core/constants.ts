/**
 * Defaults of the client, stated once. Every public option documents its default by naming
 * the constant here.
 */

/** The package version, sent in the `User-Agent` header where the runtime allows one. */
export const SDK_VERSION = "0.1.0";

/** Where requests go when neither `serverURL` nor `DUB_BASE_URL` is set. */
export const DEFAULT_SERVER_URL = "https://api.dub.co";

/** Per-attempt deadline covering connect, response headers and the whole body. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Connect deadline of the Node (undici) transport. Shorter than the attempt deadline so that an
 * unreachable host fails within the default retry budget instead of after a full minute.
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/**
 * The largest response body the client reads, in bytes. A Partners API response is at most a few
 * hundred kilobytes (100 partners per page); a body past this bound is a proxy or server fault,
 * and reading it whole would only cost memory.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** How much of an error body is kept on the error (`error.body`), in characters (64 Ki). */
export const MAX_ERROR_BODY_CHARS = 64 * 1024;

/**
 * Upper bound on a server-requested wait (`Retry-After`, `X-RateLimit-Reset`). Dub's rate-limit
 * windows are at most a minute; anything longer is a malformed header, not a real instruction.
 */
export const MAX_SERVER_WAIT_MS = 60_000;

/**
 * The longest wait a timer can hold, in milliseconds (2^31 - 1, about 24.8 days). A longer delay
 * is not an error to `setTimeout`: it fires after 1 ms, so a deadline or a backoff past it would
 * end at once, or spin. Every timing option is bounded by it.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** Default backoff: 0.5 s, 1 s, 2 s, 4 s (each with jitter), and no retry starts after 10 s. */
export const DEFAULT_BACKOFF = {
  initialInterval: 500,
  maxInterval: 4_000,
  exponent: 2,
  maxElapsedTime: 10_000,
} as const;
