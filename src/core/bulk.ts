import type { ClientContext } from "./client-config.js";
import { RequestAbortedError, SDKValidationError } from "./errors/client-errors.js";
import type { RequestOptions } from "./options.js";
import type { RetryConfig } from "./retry/retry-config.js";
import { RateLimitGate } from "./rate-limit-gate.js";

/** Options of the bulk helpers (`dub.partners.bulkCreate`, `dub.partners.bulkUpsertLinks`). */
export interface BulkOptions {
  /**
   * How many calls run at once, 1 to 64. Default `5`.
   *
   * @example
   * ```ts
   * await dub.partners.bulkCreate(items, { concurrency: 16 });
   * ```
   */
  concurrency?: number;
  /**
   * Called after each item settles, with the running totals. If it throws, no new item starts
   * and the batch rejects with that error once the calls under way settle. Default: none.
   *
   * @example
   * ```ts
   * await dub.partners.bulkCreate(items, { onProgress: ({ completed, total }) => bar.update(completed / total) });
   * ```
   */
  onProgress?: (progress: BulkProgress) => void;
  /**
   * Stops the batch: calls under way are aborted, and items not started yet settle at once with
   * `RequestAbortedError`. The batch still resolves, with a result for every item. Default: none.
   *
   * @example
   * ```ts
   * await dub.partners.bulkUpsertLinks(items, { signal: AbortSignal.timeout(5 * 60_000) });
   * ```
   */
  signal?: AbortSignal;
  /**
   * Retry configuration of each item, merged over the client's. Default
   * `{ strategy: "backoff", backoff: { maxElapsedTime: 120000 } }`: long enough to wait out a
   * one-minute rate-limit window, so a large batch does not fail on 429s.
   *
   * @example
   * ```ts
   * await dub.partners.bulkCreate(items, { retries: { strategy: "backoff", backoff: { maxElapsedTime: 300_000 } } });
   * ```
   */
  retries?: RetryConfig;
}

/** Running totals of a batch. */
export interface BulkProgress {
  /** Items in the batch. */
  readonly total: number;
  /** Items settled so far (succeeded + failed). */
  readonly completed: number;
  /** Items that succeeded so far. */
  readonly succeeded: number;
  /** Items that failed so far. */
  readonly failed: number;
}

/** The outcome of one item that succeeded. */
export interface BulkSuccess<T> {
  /** `true`: the call succeeded. */
  readonly ok: true;
  /** The item's position in the input. */
  readonly index: number;
  /** What the call returned. */
  readonly value: T;
}

/** The outcome of one item that failed. */
export interface BulkFailure {
  /** `false`: the call failed. */
  readonly ok: false;
  /** The item's position in the input. */
  readonly index: number;
  /** The typed error of the call (`SDKValidationError`, `DubError`, `ConnectionError`, `RequestAbortedError`, ...). */
  readonly error: Error;
}

/** The outcome of one item, at its position in the input. */
export type BulkResult<T> = BulkSuccess<T> | BulkFailure;

const DEFAULT_CONCURRENCY = 5;
const MAX_CONCURRENCY = 64;
const BULK_RETRIES: RetryConfig = { strategy: "backoff", backoff: { maxElapsedTime: 120_000 } };
function checkBulkOptions(options: BulkOptions): number {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new SDKValidationError("bulk options", [{ path: ["concurrency"], code: "invalid_value", message: `must be an integer from 1 to ${MAX_CONCURRENCY}` }]);
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== "function") {
    throw new SDKValidationError("bulk options", [{ path: ["onProgress"], code: "invalid_type", message: "expected a function" }]);
  }
  return concurrency;
}

/**
 * Runs `call` for every item with bounded concurrency and adaptive throttling, and returns one
 * result per item in input order: the value, or the typed error. Never rejects for an item's
 * failure; rejects only when `onProgress` throws (after the calls under way have settled).
 */
export async function runBulk<Item, Value>(
  ctx: ClientContext,
  label: string,
  items: readonly Item[],
  call: (item: Item, options: RequestOptions) => Promise<Value>,
  options: BulkOptions = {},
): Promise<BulkResult<Value>[]> {
  if (!Array.isArray(items)) {
    throw new SDKValidationError("bulk items", [{ path: [], code: "invalid_type", message: "expected an array of request bodies" }]);
  }
  const concurrency = checkBulkOptions(options);
  const { signal, onProgress } = options;
  const perItem: RequestOptions = { retries: options.retries ?? BULK_RETRIES, signal };
  const gate = new RateLimitGate(ctx.observed);
  const results: BulkResult<Value>[] = new Array(items.length);
  const totals = { total: items.length, completed: 0, succeeded: 0, failed: 0 };
  let next = 0;
  let progressError: { error: unknown } | undefined;

  const settle = (result: BulkResult<Value>) => {
    results[result.index] = result;
    totals.completed++;
    if (result.ok) totals.succeeded++;
    else totals.failed++;
    if (!onProgress || progressError) return;
    try {
      onProgress({ ...totals });
    } catch (error) {
      progressError = { error };
    }
  };

  const worker = async () => {
    while (next < items.length && !progressError) {
      const index = next++;
      try {
        await gate.acquire(signal);
      } catch {
        settle({ ok: false, index, error: new RequestAbortedError(label, signal?.reason) });
        continue;
      }
      try {
        settle({ ok: true, index, value: await call(items[index]!, perItem) });
      } catch (error) {
        settle({ ok: false, index, error: error instanceof Error ? error : new Error(String(error)) });
      } finally {
        gate.release();
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (progressError) throw progressError.error;
  return results;
}
