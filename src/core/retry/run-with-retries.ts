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
 *
 * The first attempt runs on its own: most calls succeed at once, and setting up p-retry costs
 * more than the rest of a call's bookkeeping on Node 20. From the first retry on, p-retry owns
 * the loop, the attempt count and the abort checks. The wait before each retry is computed here
 * (the server-requested wait, else backoff with jitter) and slept in `onFailedAttempt`, so
 * p-retry's own delay is zero. A wait that would end past `maxElapsedTime` fails at once with
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

  /** Throws `error` unless it may be retried in time; otherwise waits as long as it should. */
  const waitBeforeRetry = async (error: unknown, attemptNumber: number) => {
    if (!isRetryable(error, idempotent, plan)) throw error;
    const serverWait = serverRequestedWait(error);
    const waitMs = serverWait === undefined ? backoffDelay(attemptNumber, plan) : Math.max(serverWait, MIN_SERVER_WAIT_MS);
    if (waitMs >= plan.maxElapsedTime - (performance.now() - startedAt)) throw error;
    onRetry?.({ error, attempt: attemptNumber, waitMs });
    await sleep(waitMs, signal);
  };

  try {
    return await attempt(1);
  } catch (error) {
    await waitBeforeRetry(error, 1);
  }
  return pRetry((retry) => attempt(retry + 1), {
    retries: Number.POSITIVE_INFINITY,
    minTimeout: 0,
    maxRetryTime: Math.max(0, plan.maxElapsedTime - (performance.now() - startedAt)),
    signal,
    onFailedAttempt: ({ error, attemptNumber }) => waitBeforeRetry(error, attemptNumber + 1),
  });
}
