import { describe, expect, it } from "vitest";
import { parseRateLimit } from "../../src/core/rate-limit.js";
import { parseServerWait } from "../../src/core/retry/retry-after.js";

const NOW = Date.parse("2026-11-24T10:00:00.000Z");

describe("parseServerWait", () => {
  it("reads delta seconds (RFC 9110)", () => {
    expect(parseServerWait("120", NOW)).toBe(120_000);
    expect(parseServerWait("0", NOW)).toBe(0);
    expect(parseServerWait(" 1.5 ", NOW)).toBe(1_500);
  });

  it("reads an HTTP date", () => {
    expect(parseServerWait("Tue, 24 Nov 2026 10:00:30 GMT", NOW)).toBe(30_000);
    expect(parseServerWait("Tue, 24 Nov 2026 09:59:00 GMT", NOW)).toBe(0);
  });

  it("reads Dub's epoch milliseconds", () => {
    expect(parseServerWait(String(NOW + 2_500), NOW)).toBe(2_500);
    expect(parseServerWait(String(NOW - 10_000), NOW)).toBe(0);
  });

  it("reads epoch seconds", () => {
    expect(parseServerWait(String(NOW / 1000 + 42), NOW)).toBe(42_000);
  });

  it("reads retry-after-ms as milliseconds", () => {
    expect(parseServerWait("1500", NOW, "ms")).toBe(1_500);
    expect(parseServerWait("Tue, 24 Nov 2026 10:00:30 GMT", NOW, "ms")).toBeUndefined();
  });

  it("ignores absent and unreadable values", () => {
    for (const value of [undefined, "", "  ", "soon", "-5", "NaN", "Infinity"]) {
      expect(parseServerWait(value, NOW)).toBeUndefined();
    }
  });
});

describe("parseRateLimit", () => {
  it("reads Dub's headers, with the reset in epoch milliseconds", () => {
    const info = parseRateLimit(
      { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW + 30_000), "retry-after": String(NOW + 30_000) },
      429,
      NOW,
    );
    expect(info).toEqual({ limit: 60, remaining: 0, resetAt: new Date(NOW + 30_000), retryAfterMs: 30_000 });
  });

  it("prefers retry-after-ms over Retry-After", () => {
    expect(parseRateLimit({ "retry-after-ms": "250", "retry-after": "10" }, 429, NOW)?.retryAfterMs).toBe(250);
  });

  it("on a 429 without Retry-After, the wait runs to X-RateLimit-Reset", () => {
    const headers = { "x-ratelimit-reset": String(NOW + 7_000) };
    expect(parseRateLimit(headers, 429, NOW)?.retryAfterMs).toBe(7_000);
    expect(parseRateLimit(headers, 200, NOW)?.retryAfterMs).toBeUndefined();
  });

  it("returns undefined when there is no rate-limit header", () => {
    expect(parseRateLimit({ "content-type": "application/json" }, 200, NOW)).toBeUndefined();
  });
});

describe("parseRateLimit measures the server's times against its Date header when the clocks disagree", () => {
  const HOUR = 3_600_000;
  const at = (ms: number) => new Date(ms).toUTCString();

  it.each([
    ["an hour ahead of the client", NOW + HOUR],
    ["an hour behind the client", NOW - HOUR],
  ])("server clock %s: Retry-After (epoch ms, HTTP date, epoch s) and X-RateLimit-Reset give the server's wait", (_case, serverNow) => {
    expect(parseRateLimit({ date: at(serverNow), "retry-after": String(serverNow + 30_000) }, 429, NOW)?.retryAfterMs).toBe(30_000);
    expect(parseRateLimit({ date: at(serverNow), "retry-after": at(serverNow + 30_000) }, 429, NOW)?.retryAfterMs).toBe(30_000);
    expect(parseRateLimit({ date: at(serverNow), "retry-after": String((serverNow + 30_000) / 1000) }, 429, NOW)?.retryAfterMs).toBe(30_000);
    const reset = parseRateLimit({ date: at(serverNow), "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(serverNow + 45_000) }, 200, NOW);
    // resetAt is on the client's clock: when, locally, the window opens again.
    expect(reset?.resetAt?.getTime()).toBe(NOW + 45_000);
  });

  it("delta forms do not depend on either clock", () => {
    expect(parseRateLimit({ date: at(NOW + HOUR), "retry-after": "2" }, 429, NOW)?.retryAfterMs).toBe(2_000);
    expect(parseRateLimit({ date: at(NOW - HOUR), "retry-after-ms": "700" }, 429, NOW)?.retryAfterMs).toBe(700);
  });

  it("within the Date header's one-second resolution, or without a readable Date, the local clock is used", () => {
    expect(parseRateLimit({ date: at(NOW - 900), "retry-after": String(NOW + 300) }, 429, NOW)?.retryAfterMs).toBe(300);
    expect(parseRateLimit({ date: "yesterday-ish", "retry-after": String(NOW + 300) }, 429, NOW)?.retryAfterMs).toBe(300);
    expect(parseRateLimit({ "retry-after": String(NOW + 300) }, 429, NOW)?.retryAfterMs).toBe(300);
  });
});
