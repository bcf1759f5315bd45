import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Dub, RateLimitExceeded } from "../../src/index.js";
import { parseServerWait } from "../../src/core/retry/retry-after.js";
import { createFakeDub, type RunningServer } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";
import { assertSpecResponse } from "./helpers/spec.js";

const WINDOW_START = Date.parse("2026-11-24T10:00:00.000Z");
let clock = WINDOW_START + 15_000;
const fake = createFakeDub({ rateLimit: { limit: 2, windowMs: 60_000 }, now: () => clock });
let server: RunningServer;

beforeAll(async () => {
  server = await fake.listen();
});
afterEach(() => {
  fake.reset();
  clock = WINDOW_START + 15_000;
});
afterAll(() => server.close());

describe("fixed-window rate limit per API key", () => {
  it("puts X-RateLimit-* on successes and errors, then answers 429 with the window end in epoch ms", async () => {
    const reset = String(WINDOW_START + 60_000);
    const ok = await call(server.url, "POST", "/partners", { email: "a@example.com" });
    expect(ok.status).toBe(201);
    expect(ok.headers).toMatchObject({ "x-ratelimit-limit": "2", "x-ratelimit-remaining": "1", "x-ratelimit-reset": reset });
    expect(ok.headers["retry-after"]).toBeUndefined();

    const notFound = await call(server.url, "POST", "/partners/links", { partnerId: "pn_x" });
    expect(notFound.status).toBe(404);
    // The real server repeats the window end as Retry-After on every error.
    expect(notFound.headers).toMatchObject({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset, "retry-after": reset });

    const limited = await call(server.url, "POST", "/partners", { email: "b@example.com" });
    expect(limited.status).toBe(429);
    expect(limited.json.error).toEqual({
      code: "rate_limit_exceeded",
      message: expect.any(String),
      doc_url: "https://dub.co/docs/api-reference/errors#rate-limit_exceeded",
    });
    assertSpecResponse("POST", "/partners", 429, limited.json);
    expect(limited.headers).toMatchObject({ "retry-after": reset, "x-ratelimit-reset": reset, "x-ratelimit-remaining": "0", "x-ratelimit-limit": "2" });
    // Read as an epoch-ms timestamp, the quirky value is the 45 s left in the window.
    expect(parseServerWait(limited.headers["retry-after"], clock)).toBe(45_000);
    expect(fake.partners()).toHaveLength(1);
  });

  it("opens a new window at the epoch-aligned boundary", async () => {
    await call(server.url, "POST", "/partners", { email: "a@example.com" });
    await call(server.url, "POST", "/partners", { email: "a@example.com" });
    expect((await call(server.url, "POST", "/partners", { email: "a@example.com" })).status).toBe(429);
    clock = WINDOW_START + 60_000;
    const next = await call(server.url, "POST", "/partners", { email: "a@example.com" });
    expect(next.status).toBe(201);
    expect(next.headers).toMatchObject({ "x-ratelimit-remaining": "1", "x-ratelimit-reset": String(WINDOW_START + 120_000) });
  });

  it("counts each API key on its own and does not count refused keys", async () => {
    await call(server.url, "POST", "/partners", { email: "a@example.com" }, { token: "dub_one" });
    await call(server.url, "POST", "/partners", { email: "a@example.com" }, { token: "dub_one" });
    expect((await call(server.url, "POST", "/partners", { email: "a@example.com" }, { token: "dub_one" })).status).toBe(429);
    expect((await call(server.url, "POST", "/partners", { email: "a@example.com" }, { token: "dub_two" })).status).toBe(201);
    const refused = await call(server.url, "POST", "/partners", { email: "a@example.com" }, { token: "bad" });
    expect(refused.status).toBe(401);
    expect(refused.headers["x-ratelimit-limit"]).toBeUndefined();
  });

  it("surfaces as RateLimitExceeded with the real delay when the client does not retry", async () => {
    const dub = new Dub({ serverURL: server.url, token: "dub_test", retryConfig: { strategy: "none" } });
    await dub.partners.create({ email: "a@example.com" });
    await dub.partners.create({ email: "a@example.com" });
    const error = await dub.partners.create({ email: "a@example.com" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitExceeded);
    expect((error as RateLimitExceeded).headers["retry-after"]).toBe(String(WINDOW_START + 60_000));
    await dub.close();
  });
});

describe("with the real clock", () => {
  it("lets a retrying client wait for the window end and succeed", async () => {
    const live = createFakeDub({ rateLimit: { limit: 1, windowMs: 300 } });
    const liveServer = await live.listen();
    const dub = new Dub({ serverURL: liveServer.url, token: "dub_test" });
    try {
      await dub.partners.create({ email: "a@example.com" });
      const started = Date.now();
      await dub.partners.create({ email: "a@example.com" });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(live.requests.length).toBeGreaterThanOrEqual(3);
    } finally {
      await dub.close();
      await liveServer.close();
    }
  });
});
