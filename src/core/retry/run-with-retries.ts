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
 * (backoff with jitter, or the server-requested wait when that is longer) and slept in `onFailedAttempt`, so
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
    // The server's wait is a floor, not a replacement: `Retry-After: 0` (or a time already past
    // by a skewed clock) on every answer must not retry faster than the backoff would.
    const backoff = backoffDelay(attemptNumber, plan);
    const waitMs = serverWait === undefined ? backoff : Math.max(serverWait, backoff, MIN_SERVER_WAIT_MS);
    if (waitMs >= plan.maxElapsedTime - (performance.now() - startedAt)) throw error;
    onRetry?.({ error, attempt: attemptNumber, waitMs });
    await sleep(waitMs, signal);
  };

  try {
    return await attempt(1);
  } catch (error) {
    await waitBeforeRetry(error, 1);
  }
  // p-retry checks the signal once more after an attempt resolves; a result that arrived just
  // before the caller aborted (a link that was created) is the call's outcome all the same.
  let outcome: { value: T } | undefined;
  try {
    return await pRetry(
      async (retry) => {
        const value = await attempt(retry + 1);
        outcome = { value };
        return value;
      },
      {
        retries: Number.POSITIVE_INFINITY,
        minTimeout: 0,
        maxRetryTime: Math.max(0, plan.maxElapsedTime - (performance.now() - startedAt)),
        signal,
        onFailedAttempt: ({ error, attemptNumber }) => waitBeforeRetry(error, attemptNumber + 1),
      },
    );
  } catch (error) {
    if (outcome) return outcome.value;
    throw error;
  }
}
