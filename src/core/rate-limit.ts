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

/**
 * How far the two clocks may differ before the response's `Date` is trusted over the local
 * clock: `Date` has one-second resolution and travels with some latency, so within this margin
 * the local clock is the more precise of the two.
 */
const CLOCK_SKEW_TOLERANCE_MS = 2_000;

/**
 * "Now" for the server-sent times of a response: its `Date` header when the local clock is off
 * by more than {@link CLOCK_SKEW_TOLERANCE_MS} (a client clock an hour fast would read every
 * `Retry-After` as past and retry at once; an hour slow, as an hour away, and give up), the local
 * clock otherwise or without a readable `Date`.
 */
export function serverClock(date: string | undefined, now: number): number {
  if (date === undefined) return now;
  const at = Date.parse(date);
  return Number.isNaN(at) || Math.abs(at - now) <= CLOCK_SKEW_TOLERANCE_MS ? now : at;
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
  // Absolute times (an HTTP date, epoch seconds or milliseconds) are the server's: measured
  // against its own clock, as RFC 9110 measures Retry-After against Date.
  const serverNow = serverClock(headers["date"], now);
  const resetWait = resetRaw === undefined ? undefined : parseServerWait(resetRaw, serverNow);
  const retryAfterMs =
    parseServerWait(headers["retry-after-ms"], serverNow, "ms") ??
    parseServerWait(headers["retry-after"], serverNow) ??
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
