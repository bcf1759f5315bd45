import pRetry from "p-retry";
import { sleep } from "../sleep.js";
import type { RetryPlan } from "./retry-config.js";
import { backoffDelay, isRetryable, serverRequestedWait } from "./retry-policy.js";

/** Floor under a server-requested wait, so `Retry-After: 0` on every answer cannot make a hot loop. */
const MIN_SERVER_WAIT_MS = 100;

/** What the retry loop tells its caller before each wait (for debug logging). */
export interface RetryNotice {
  readonly error: unknown;
  readonly attempt: number;
  readonly waitMs: number;
}

/**
 * Runs `attempt` until it succeeds, the failure is not retryable, or the retry budget is spent.
 * p-retry owns the loop, the attempt count and the abort checks; the wait before each retry is
 * computed here (server-requested wait, else backoff with jitter) and slept in `onFailedAttempt`,
 * so p-retry's own delay is zero. A wait that would end past `maxElapsedTime` fails at once with
 * the last error instead of sleeping first.
 */
export async function runWithRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  plan: RetryPlan,
  idempotent: boolean,
  signal: AbortSignal | undefined,
  onRetry?: (notice: RetryNotice) => void,
): Promise<T> {
  if (!plan.enabled) return attempt(1);
  const startedAt = performance.now();
  return pRetry(attempt, {
    retries: Number.POSITIVE_INFINITY,
    minTimeout: 0,
    maxRetryTime: plan.maxElapsedTime,
    signal,
    onFailedAttempt: async ({ error, attemptNumber }) => {
      if (!isRetryable(error, idempotent, plan)) throw error;
      const serverWait = serverRequestedWait(error);
      const waitMs = serverWait === undefined ? backoffDelay(attemptNumber, plan) : Math.max(serverWait, MIN_SERVER_WAIT_MS);
      const remaining = plan.maxElapsedTime - (performance.now() - startedAt);
      if (waitMs >= remaining) throw error;
      onRetry?.({ error, attempt: attemptNumber, waitMs });
      await sleep(waitMs, signal);
    },
  });
}
