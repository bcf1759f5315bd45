import type { ClientContext } from "./client-config.js";
import { MAX_SERVER_WAIT_MS } from "./constants.js";
import type { RateLimitInfo } from "./rate-limit.js";
import { sleep } from "./sleep.js";

/** Spread of the restart after a window reset, so the workers do not fire at the same instant. */
const RESET_JITTER_MS = 50;

/**
 * Holds the bulk helpers' calls back while the server's rate-limit window is used up: when the
 * latest figures say fewer requests remain than are already under way, the next call waits for
 * the window's reset instead of drawing a 429.
 *
 * The wait is capped like every other server-requested wait ({@link MAX_SERVER_WAIT_MS}): a
 * reset in 2099 (a bad header, a skewed clock) holds the calls for a minute at most, once per
 * set of figures, and then they go; a real limit answers with 429s, which the retry policy
 * handles. The cap also keeps every sleep within what a timer can hold (a longer one fires after
 * 1 ms, which turned the wait into a busy loop).
 */
export class RateLimitGate {
  #inFlight = 0;
  /** When the calls held back by a set of figures go, whatever those figures say. */
  readonly #releaseAt = new WeakMap<RateLimitInfo, number>();

  constructor(private readonly observed: ClientContext["observed"]) {}

  async acquire(signal: AbortSignal | undefined): Promise<void> {
    // Bounded: each pass waits until a release time, after which the same figures no longer block,
    // and a new response replaces them at most once per call.
    for (;;) {
      const figures = this.observed.rateLimit;
      if (!figures?.resetAt || figures.remaining === undefined || this.#inFlight < figures.remaining) break;
      const now = Date.now();
      let releaseAt = this.#releaseAt.get(figures);
      if (releaseAt === undefined) {
        releaseAt = now + Math.min(figures.resetAt.getTime() - now, MAX_SERVER_WAIT_MS);
        this.#releaseAt.set(figures, releaseAt);
      }
      if (releaseAt <= now) break;
      await sleep(releaseAt - now + Math.random() * RESET_JITTER_MS, signal);
    }
    this.#inFlight++;
  }

  release(): void {
    this.#inFlight--;
  }
}
