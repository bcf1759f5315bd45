import { describe, expect, it } from "vitest";
import { type BulkProgress, RequestAbortedError, SDKValidationError } from "../../src/index.js";
import { createFakeDub } from "../../src/testing/index.js";
import { undiciOverHttp } from "../helpers/transports.js";

describe("bulk helpers against the fake API with a low rate limit", () => {
  it("10,000 partners, 16 at a time, 400 requests per 250 ms: every item succeeds exactly once, in input order", async () => {
    const fake = createFakeDub({ rateLimit: { limit: 400, windowMs: 250 } });
    const harness = await undiciOverHttp.start(fake.handler);
    try {
      const dub = harness.client({ retryConfig: { strategy: "backoff" } });
      const items = Array.from({ length: 10_000 }, (_, i) => ({ email: `partner${i}@example.com`, tenantId: `user_${i}` }));
      const progress: BulkProgress[] = [];
      const results = await dub.partners.bulkCreate(items, { concurrency: 16, onProgress: (p) => progress.push(p) });

      expect(results).toHaveLength(10_000);
      expect(results.every((r, i) => r.ok && r.index === i && r.value.email === items[i]!.email)).toBe(true);
      expect(fake.partners()).toHaveLength(10_000);
      const created = fake.requests.filter((r) => r.method === "POST" && r.path === "/partners");
      // Each email reached the server at most a couple of times (a 429 is answered before any effect).
      expect(new Set(created.map((r) => JSON.parse(r.body).email)).size).toBe(10_000);
      expect(progress).toHaveLength(10_000);
      expect(progress.at(-1)).toEqual({ total: 10_000, completed: 10_000, succeeded: 10_000, failed: 0 });
      // The throttle keeps 429s rare: the batch mostly waits for the window instead of being refused.
      expect(created.length - 10_000).toBeLessThan(1_000);
    } finally {
      await harness.stop();
    }
  }, 60_000);

  it("bulkUpsertLinks is idempotent: the same batch twice leaves one link per (partner, URL)", async () => {
    const fake = createFakeDub({ rateLimit: { limit: 100, windowMs: 100 } });
    const harness = await undiciOverHttp.start(fake.handler);
    try {
      const dub = harness.client();
      const partners = await dub.partners.bulkCreate(Array.from({ length: 50 }, (_, i) => ({ email: `p${i}@example.com` })));
      const ids = partners.map((r) => (r.ok ? r.value.id : ""));
      const items = ids.flatMap((partnerId) => [1, 2, 3].map((n) => ({ partnerId, url: `https://acme.com/page-${n}` })));
      const first = await dub.partners.bulkUpsertLinks(items, { concurrency: 8 });
      const second = await dub.partners.bulkUpsertLinks(items, { concurrency: 8 });
      expect(first.every((r) => r.ok) && second.every((r) => r.ok)).toBe(true);
      expect(second.map((r) => r.ok && r.value.id)).toEqual(first.map((r) => r.ok && r.value.id));
      expect(fake.links()).toHaveLength(50 + 150); // default links + one per (partner, URL)
    } finally {
      await harness.stop();
    }
  }, 30_000);

  it("an invalid item fails alone, with its typed error at its index", async () => {
    const fake = createFakeDub();
    const harness = await undiciOverHttp.start(fake.handler);
    try {
      const results = await harness.client().partners.bulkCreate([{ email: "a@example.com" }, { email: "not an email" }, { email: "c@example.com" }]);
      expect(results.map((r) => r.ok)).toEqual([true, false, true]);
      expect(results[1]!.ok === false && results[1]!.error).toBeInstanceOf(SDKValidationError);
      expect(fake.partners()).toHaveLength(2);
    } finally {
      await harness.stop();
    }
  });

  it("abort stops the batch: the rest settle as RequestAbortedError, and no request starts after it", async () => {
    const fake = createFakeDub();
    const harness = await undiciOverHttp.start(fake.handler);
    try {
      const controller = new AbortController();
      const items = Array.from({ length: 200 }, (_, i) => ({ email: `p${i}@example.com` }));
      let receivedAtAbort = 0;
      const results = await harness.client().partners.bulkCreate(items, {
        concurrency: 2,
        signal: controller.signal,
        onProgress: ({ completed }) => {
          if (completed !== 20) return;
          receivedAtAbort = fake.requests.length;
          controller.abort();
        },
      });
      expect(results).toHaveLength(200);
      const succeeded = results.filter((r) => r.ok).length;
      expect(succeeded).toBeGreaterThanOrEqual(20);
      expect(succeeded).toBeLessThanOrEqual(21);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error instanceof RequestAbortedError)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // At most the one call already under way (concurrency 2) may still reach the server.
      expect(fake.requests.length).toBeLessThanOrEqual(receivedAtAbort + 1);
    } finally {
      await harness.stop();
    }
  });

  it("refuses bad options before sending anything", async () => {
    const fake = createFakeDub();
    const harness = await undiciOverHttp.start(fake.handler);
    try {
      const dub = harness.client();
      await expect(dub.partners.bulkCreate([{ email: "a@example.com" }], { concurrency: 0 })).rejects.toBeInstanceOf(SDKValidationError);
      await expect(dub.partners.bulkCreate("nope" as never)).rejects.toBeInstanceOf(SDKValidationError);
      expect(fake.requests).toHaveLength(0);
    } finally {
      await harness.stop();
    }
  });
});
