import { parseServerWait } from "./retry/retry-after.js";

/** Rate-limit figures read from a response's `X-RateLimit-*` and `Retry-After` headers. */
export interface RateLimitInfo {
  /** Requests allowed per window (`X-RateLimit-Limit`). */
  readonly limit?: number;
  /** Requests left in the current window (`X-RateLimit-Remaining`). */
  readonly remaining?: number;
  /** When the window resets (`X-RateLimit-Reset`, read as epoch milliseconds, epoch seconds or delta seconds). */
  readonly resetAt?: Date;
  /**
   * How long the server asked the client to wait before the next request, in milliseconds, from
   * `retry-after-ms`, `Retry-After` (delta seconds, HTTP date, or Dub's epoch milliseconds) or, on
   * a 429, `X-RateLimit-Reset`. Not capped.
   */
  readonly retryAfterMs?: number;
}

function toCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * Reads the rate-limit headers of a response (lower-cased names) with its status. Returns `undefined` when the
 * response carries none, so callers can tell "no information" from "zero remaining".
 */
export function parseRateLimit(headers: Readonly<Record<string, string>>, status = 0, now = Date.now()): RateLimitInfo | undefined {
  const limit = toCount(headers["x-ratelimit-limit"]);
  const remaining = toCount(headers["x-ratelimit-remaining"]);
  const resetRaw = headers["x-ratelimit-reset"];
  const resetWait = resetRaw === undefined ? undefined : parseServerWait(resetRaw, now);
  const retryAfterMs =
    parseServerWait(headers["retry-after-ms"], now, "ms") ??
    parseServerWait(headers["retry-after"], now) ??
    // A 429 without Retry-After: the window's reset is when the next request can pass.
    (status === 429 ? resetWait : undefined);
  if (limit === undefined && remaining === undefined && resetWait === undefined && retryAfterMs === undefined) {
    return undefined;
  }
  const info: { -readonly [K in keyof RateLimitInfo]: RateLimitInfo[K] } = {};
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = remaining;
  if (resetWait !== undefined) info.resetAt = new Date(now + resetWait);
  if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
  return info;
}
