import { afterEach, describe, expect, it, vi } from "vitest";
import { Dub, SDKError } from "../../src/index.js";
import { errorFromResponse } from "../../src/core/errors/from-response.js";
import { ConnectionError, RequestTimeoutError, ResponseValidationError } from "../../src/core/errors/client-errors.js";
import { NO_SECRETS } from "../../src/core/secrets.js";
import { toRetryPlan } from "../../src/core/retry/retry-config.js";
import { backoffDelay, isRetryable, serverRequestedWait } from "../../src/core/retry/retry-policy.js";

const plan = toRetryPlan({ strategy: "backoff" });
const optIn = toRetryPlan({ strategy: "backoff", retryNonIdempotent: true });
const noConnRetries = toRetryPlan({ strategy: "backoff", retryConnectionErrors: false });
const http = (status: number, headers: Record<string, string> = {}) =>
  errorFromResponse(status, JSON.stringify({ error: { code: "x", message: "m" } }), headers, "POST /partners/links", NO_SECRETS);
const conn = (requestSent: boolean) => new ConnectionError("reset", "POST /x", { requestSent, errorCode: requestSent ? "ECONNRESET" : "ECONNREFUSED" });

describe("isRetryable", () => {
  it.each([
    ["429", http(429), true, true, true],
    ["502", http(502), true, false, true],
    ["503", http(503), true, false, true],
    ["504", http(504), true, false, true],
    ["500", http(500), true, false, true],
    ["400", http(400), false, false, false],
    ["409", http(409), false, false, false],
    ["refused (not sent)", conn(false), true, true, true],
    ["reset (sent)", conn(true), true, false, true],
    ["timeout", new RequestTimeoutError("POST /x", 10), true, false, true],
    ["bad response", new ResponseValidationError({ reason: "r", statusCode: 201, body: "", headers: {}, request: "POST /x" }), false, false, false],
    ["unknown", new TypeError("bug"), false, false, false],
  ])("%s: idempotent %s, createLink %s, createLink with opt-in %s", (_name, error, idempotent, nonIdempotent, nonIdempotentOptIn) => {
    expect(isRetryable(error, true, plan)).toBe(idempotent);
    expect(isRetryable(error, false, plan)).toBe(nonIdempotent);
    expect(isRetryable(error, false, optIn)).toBe(nonIdempotentOptIn);
  });

  it("retryConnectionErrors: false turns off connection and timeout retries only", () => {
    expect(isRetryable(conn(false), true, noConnRetries)).toBe(false);
    expect(isRetryable(new RequestTimeoutError("POST /x", 10), true, noConnRetries)).toBe(false);
    expect(isRetryable(http(503), true, noConnRetries)).toBe(true);
  });
});

describe("serverRequestedWait", () => {
  it("uses Retry-After, capped at 60 s", () => {
    expect(serverRequestedWait(http(429, { "retry-after": "2" }))).toBe(2_000);
    expect(serverRequestedWait(http(429, { "retry-after": String(Date.now() + 10 * 60_000) }))).toBe(60_000);
  });

  it("falls back to X-RateLimit-Reset on a 429 only", () => {
    const reset = { "x-ratelimit-reset": String(Date.now() + 5_000) };
    expect(serverRequestedWait(http(429, reset))).toBeGreaterThan(4_000);
    expect(serverRequestedWait(http(503, reset))).toBeUndefined();
  });

  it("is undefined without headers or for non-HTTP errors", () => {
    expect(serverRequestedWait(http(503))).toBeUndefined();
    expect(serverRequestedWait(conn(true))).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  it("grows exponentially to maxInterval with jitter between half and all of the ceiling", () => {
    expect(backoffDelay(1, plan, () => 1)).toBe(500);
    expect(backoffDelay(1, plan, () => 0)).toBe(250);
    expect(backoffDelay(2, plan, () => 1)).toBe(1_000);
    expect(backoffDelay(3, plan, () => 1)).toBe(2_000);
    expect(backoffDelay(4, plan, () => 1)).toBe(4_000);
    expect(backoffDelay(10, plan, () => 1)).toBe(4_000);
  });
});

describe("default retry budget", () => {
  afterEach(() => vi.useRealTimers());

  it("is short: against a server that always answers 503, the call gives up within 10 s, after several attempts", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
    const attempts: number[] = [];
    const fetch = async () => {
      attempts.push(Date.now());
      return new Response("", { status: 503 });
    };
    const dub = new Dub({ token: "dub_budget", serverURL: "https://api.dub.test", fetch });
    const started = Date.now();
    const outcome = dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await vi.runAllTimersAsync();
    expect(await outcome).toBeInstanceOf(SDKError);
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts.at(-1)! - started).toBeLessThan(10_000);
    // Each wait at least half the backoff delay (0.5 s, then doubling), none longer than 4 s.
    const waits = attempts.slice(1).map((t, i) => t - attempts[i]!);
    expect(waits[0]).toBeGreaterThanOrEqual(250);
    expect(Math.max(...waits)).toBeLessThanOrEqual(4_000);
  });

  it("strategy none: one attempt", async () => {
    let calls = 0;
    const fetch = async () => (calls++, new Response("", { status: 503 }));
    const dub = new Dub({ token: "dub_budget", serverURL: "https://api.dub.test", fetch, retryConfig: { strategy: "none" } });
    await expect(dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" })).rejects.toBeInstanceOf(SDKError);
    expect(calls).toBe(1);
  });
});
