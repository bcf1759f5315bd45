import { DEFAULT_BACKOFF } from "../constants.js";

/** Exponential backoff settings. Every field is optional; a missing one takes its default. */
export interface BackoffStrategy {
  /**
   * Wait before the first retry, in milliseconds. Default `500`.
   *
   * @example
   * ```ts
   * new Dub({ retryConfig: { strategy: "backoff", backoff: { initialInterval: 250 } } });
   * ```
   */
  initialInterval?: number;
  /**
   * Longest wait between two attempts, in milliseconds. Default `4000`.
   *
   * @example
   * ```ts
   * new Dub({ retryConfig: { strategy: "backoff", backoff: { maxInterval: 10_000 } } });
   * ```
   */
  maxInterval?: number;
  /**
   * Growth factor of the wait from one retry to the next. Default `2`.
   *
   * @example
   * ```ts
   * new Dub({ retryConfig: { strategy: "backoff", backoff: { exponent: 1.5 } } });
   * ```
   */
  exponent?: number;
  /**
   * No retry starts after this many milliseconds since the first attempt, and a server-requested
   * wait (`Retry-After`) that would end later fails at once. Default `10000`.
   *
   * @example
   * ```ts
   * // Ride out a rate limit of up to a minute instead of failing with RateLimitExceeded.
   * new Dub({ retryConfig: { strategy: "backoff", backoff: { maxElapsedTime: 60_000 } } });
   * ```
   */
  maxElapsedTime?: number;
}

/**
 * When and how failed requests are retried. The shape of the official Dub SDK's `RetryConfig`,
 * so a configuration carries over.
 *
 * Retried: 429, 500, 502, 503 and 504 responses (as the official Dub SDK), connection errors and
 * timeouts. Never retried: other statuses, invalid requests or responses. Operations that are not idempotent
 * (`partners.createLink`) are retried only where the server cannot have acted (429, a connection
 * refused before any byte was sent) unless `retryNonIdempotent` is set.
 *
 * @example
 * ```ts
 * new Dub({ retryConfig: { strategy: "backoff", backoff: { maxElapsedTime: 60_000 } } });
 * await dub.partners.create(body, { retries: { strategy: "none" } });
 * ```
 */
export type RetryConfig =
  | {
      /**
       * `"none"`: no call is retried. The default configuration is `{ strategy: "backoff" }`.
       *
       * @example
       * ```ts
       * await dub.partners.create(body, { retries: { strategy: "none" } });
       * ```
       */
      strategy: "none";
    }
  | {
      /**
       * `"backoff"`: retry with exponential backoff and jitter, honouring `Retry-After`. The default
       * (`retryConfig: { strategy: "backoff" }`).
       *
       * @example
       * ```ts
       * new Dub({ retryConfig: { strategy: "backoff" } });
       * ```
       */
      strategy: "backoff";
      /**
       * Timing of the retries. Default: 0.5 s doubling to at most 4 s, and no retry starts after 10 s
       * (see {@link BackoffStrategy}).
       *
       * @example
       * ```ts
       * new Dub({ retryConfig: { strategy: "backoff", backoff: { initialInterval: 1_000, maxElapsedTime: 30_000 } } });
       * ```
       */
      backoff?: BackoffStrategy;
      /**
       * Retry connection errors and timeouts. Default `true`.
       *
       * @example
       * ```ts
       * // Fail fast when the network is down; still ride out 429 and 503.
       * new Dub({ retryConfig: { strategy: "backoff", retryConnectionErrors: false } });
       * ```
       */
      retryConnectionErrors?: boolean;
      /**
       * Also retry non-idempotent operations (`partners.createLink`) after a failure where the
       * server may have acted: a 500, 502, 503 or 504, or a timeout or reset after the request was sent. This can
       * create the same link twice, unless the request names its `key` (a repeat then fails with
       * 409 `Conflict`). Default `false`.
       *
       * @example
       * ```ts
       * // Safe: with a key, a repeated creation fails with Conflict instead of making a second link.
       * await dub.partners.createLink({ partnerId, key: "summer" }, { retries: { strategy: "backoff", retryNonIdempotent: true } });
       * ```
       */
      retryNonIdempotent?: boolean;
    };

/** A retry configuration with every default filled in. */
export interface RetryPlan {
  readonly enabled: boolean;
  readonly initialInterval: number;
  readonly maxInterval: number;
  readonly exponent: number;
  readonly maxElapsedTime: number;
  readonly retryConnectionErrors: boolean;
  readonly retryNonIdempotent: boolean;
}

/** The default: backoff on, within 10 s. */
export const DEFAULT_RETRY_CONFIG: RetryConfig = { strategy: "backoff" };

/**
 * A call's retry configuration over the client's: `strategy: "none"` on either side wins as
 * given; otherwise the call's fields replace the client's one by one (backoff fields too), so
 * `{ strategy: "backoff", retryNonIdempotent: true }` on one call keeps the client's timings.
 */
export function mergeRetryConfig(client: RetryConfig, call: RetryConfig): RetryConfig {
  if (call.strategy === "none" || client.strategy === "none") return call;
  return { ...client, ...call, backoff: { ...client.backoff, ...call.backoff } };
}

/** Fills the defaults in. Called once per client and once per call that overrides `retries`. */
export function toRetryPlan(config: RetryConfig): RetryPlan {
  if (config.strategy === "none") {
    return { ...DEFAULT_BACKOFF, enabled: false, retryConnectionErrors: false, retryNonIdempotent: false };
  }
  return {
    enabled: true,
    initialInterval: config.backoff?.initialInterval ?? DEFAULT_BACKOFF.initialInterval,
    maxInterval: config.backoff?.maxInterval ?? DEFAULT_BACKOFF.maxInterval,
    exponent: config.backoff?.exponent ?? DEFAULT_BACKOFF.exponent,
    maxElapsedTime: config.backoff?.maxElapsedTime ?? DEFAULT_BACKOFF.maxElapsedTime,
    retryConnectionErrors: config.retryConnectionErrors ?? true,
    retryNonIdempotent: config.retryNonIdempotent ?? false,
  };
}
