import { MAX_SERVER_WAIT_MS } from "../constants.js";
import { ConnectionError, RequestTimeoutError } from "../errors/client-errors.js";
import { DubError } from "../errors/http-errors.js";
import { BROWSER_FETCH_FAILED } from "../transport/transport-errors.js";
import type { RetryPlan } from "./retry-config.js";

/**
 * Statuses worth another attempt: rate limited, a server failure, or a gateway/overload
 * failure, as the official `dub` package retries them. All but 429 may come after the server
 * acted, so they are retried only where a repeat is safe (see {@link isRetryable}).
 */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * Whether `error` may be retried for an operation. 429 means the server did nothing, and a
 * connection refused before the request left cannot have reached it: both are always safe. A 5XX,
 * a timeout, or a reset after sending may have taken effect, so they are retried only for
 * idempotent operations, or when the caller accepted the risk with `retryNonIdempotent`.
 */
export function isRetryable(error: unknown, idempotent: boolean, plan: RetryPlan): boolean {
  const repeatable = idempotent || plan.retryNonIdempotent;
  if (error instanceof DubError) {
    if (!RETRYABLE_STATUSES.has(error.statusCode)) return false;
    return error.statusCode === 429 || repeatable;
  }
  if (error instanceof ConnectionError) {
    // Mostly a CORS or policy refusal, which every attempt would meet again.
    if (error.errorCode === BROWSER_FETCH_FAILED) return false;
    return plan.retryConnectionErrors && (!error.requestSent || repeatable);
  }
  if (error instanceof RequestTimeoutError) {
    return plan.retryConnectionErrors && repeatable;
  }
  return false;
}

/**
 * The wait the server asked for before the next attempt (429/503 with `Retry-After`, or a 429's
 * `X-RateLimit-Reset`), capped at {@link MAX_SERVER_WAIT_MS}; `undefined` when it asked for none.
 */
export function serverRequestedWait(error: unknown): number | undefined {
  const wait = error instanceof DubError ? error.rateLimit?.retryAfterMs : undefined;
  return wait === undefined ? undefined : Math.min(wait, MAX_SERVER_WAIT_MS);
}

/**
 * Exponential backoff with jitter: attempt n (1-based) waits between half and all of
 * `initialInterval * exponent^(n-1)`, capped at `maxInterval`. Jitter spreads the retries of many
 * clients that failed together, so they do not hit the server again at the same instant.
 */
export function backoffDelay(retryNumber: number, plan: RetryPlan, random = Math.random): number {
  const ceiling = Math.min(plan.maxInterval, plan.initialInterval * plan.exponent ** (retryNumber - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
