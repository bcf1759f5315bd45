/**
 * Server-requested waits, as pure functions of a header value and the current time.
 *
 * Dub's rate limiter puts a Unix timestamp in MILLISECONDS into `Retry-After` and
 * `X-RateLimit-Reset`, where RFC 9110 expects delta-seconds or an HTTP date. A client that reads
 * the number as seconds waits for decades (or its own maximum on every 429). Every form is read
 * here and turned into a delay:
 *
 * - `retry-after-ms: 1500` (milliseconds, as some gateways send)
 * - `Retry-After: 120` (delta seconds, RFC 9110)
 * - `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT` (HTTP date, RFC 9110)
 * - `Retry-After: 1795000000000` (Dub: epoch milliseconds)
 * - `X-RateLimit-Reset: 1795000000` (epoch seconds, as other APIs send)
 */

/** Numbers at or above this are epoch milliseconds (this is 2001-09-09 in ms; as seconds it is 31,000 years). */
const EPOCH_MS_THRESHOLD = 1e12;
/** Numbers at or above this (and below the ms threshold) are epoch seconds (2001-09-09); as a delta it would be 31 years. */
const EPOCH_S_THRESHOLD = 1e9;
/** An HTTP date (IMF-fixdate, RFC 850 or asctime) always names a weekday or a month in letters. */
const HAS_LETTERS = /[a-z]/i;

/**
 * The delay in milliseconds a header value asks for, or `undefined` when the value is absent or
 * unreadable. A time in the past gives 0. `unit` says how a plain number is read: `"auto"` tells
 * delta-seconds from epoch seconds and epoch milliseconds by magnitude, `"ms"` reads milliseconds.
 */
export function parseServerWait(value: string | undefined, now: number, unit: "auto" | "ms" = "auto"): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (HAS_LETTERS.test(text)) {
    if (unit === "ms") return undefined;
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
  }
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) return undefined;
  if (unit === "ms") return Math.ceil(n);
  if (n >= EPOCH_MS_THRESHOLD) return Math.max(0, Math.ceil(n - now));
  if (n >= EPOCH_S_THRESHOLD) return Math.max(0, Math.ceil(n * 1000 - now));
  return Math.ceil(n * 1000);
}
