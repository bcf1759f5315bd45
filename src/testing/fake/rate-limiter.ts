import type { RateLimitOptions } from "./options.js";

/** The outcome of counting one request. */
export interface RateLimitVerdict {
  /** `false` when the request is past the limit and must get a 429. */
  readonly allowed: boolean;
  /** The headers the real server sends for this request. */
  readonly headers: Record<string, string>;
}

interface WindowCount {
  start: number;
  count: number;
}

/**
 * A fixed window per API key, aligned to the epoch like the real server's limiter. The real
 * server reports the window end as a Unix timestamp in MILLISECONDS in `X-RateLimit-Reset` (and
 * in `Retry-After`, where RFC 9110 expects seconds); the fake reproduces that quirk on purpose so
 * that clients are tested against it.
 */
export class FixedWindowLimiter {
  readonly #options: RateLimitOptions;
  #windows = new Map<string, WindowCount>();

  constructor(options: RateLimitOptions) {
    this.#options = options;
  }

  /** Counts one request of `key` at time `now` (a rejected one is not counted). */
  hit(key: string, now: number): RateLimitVerdict {
    const { limit, windowMs } = this.#options;
    const start = Math.floor(now / windowMs) * windowMs;
    let window = this.#windows.get(key);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.#windows.set(key, window);
    }
    const allowed = window.count < limit;
    if (allowed) window.count++;
    const reset = String(start + windowMs);
    const headers: Record<string, string> = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - window.count)),
      "x-ratelimit-reset": reset,
    };
    // The real server sends Retry-After (epoch ms) with every error; a rejected request is always one.
    if (!allowed) headers["retry-after"] = reset;
    return { allowed, headers };
  }

  /** A copy with the same counts, for answers computed without keeping their effect. */
  clone(): FixedWindowLimiter {
    const copy = new FixedWindowLimiter(this.#options);
    for (const [key, w] of this.#windows) copy.#windows.set(key, { ...w });
    return copy;
  }

  /** Forgets every count. */
  reset(): void {
    this.#windows.clear();
  }
}
