import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RateLimitInfo } from "../../src/core/rate-limit.js";
import { RateLimitGate } from "../../src/core/rate-limit-gate.js";

describe("the bulk helpers' rate-limit gate", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse("2026-11-24T10:00:00Z") });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Acquires with the given figures and reports when the call was let through. */
  function holdWith(figures: RateLimitInfo) {
    const observed: { rateLimit?: RateLimitInfo } = { rateLimit: figures };
    const gate = new RateLimitGate(observed);
    let passed = false;
    void gate.acquire(undefined).then(() => {
      passed = true;
    });
    return { passed: () => passed, observed, gate };
  }

  it("waits for a near reset, then lets the call through", async () => {
    const held = holdWith({ remaining: 0, resetAt: new Date(Date.now() + 5_000) });
    await vi.advanceTimersByTimeAsync(4_900);
    expect(held.passed()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(held.passed()).toBe(true);
  });

  it("a reset in 2099 holds the call for at most a minute, without a busy loop", async () => {
    const timers = vi.spyOn(globalThis, "setTimeout");
    const held = holdWith({ remaining: 0, resetAt: new Date("2099-01-01T00:00:00Z") });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(held.passed()).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(held.passed()).toBe(true);
    expect(timers.mock.calls.length).toBeLessThan(5);
    expect(timers.mock.calls.every(([, ms]) => (ms ?? 0) <= 2 ** 31 - 1)).toBe(true);
  });

  it("does not hold a call while requests remain in the window", async () => {
    const held = holdWith({ remaining: 3, resetAt: new Date("2099-01-01T00:00:00Z") });
    await vi.advanceTimersByTimeAsync(0);
    expect(held.passed()).toBe(true);
  });
});
