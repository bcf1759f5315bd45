/**
 * `track.bulkSale` against the fake over a real loopback server: a backfill under a low rate
 * limit with failures injected after the fake recorded the sale, where every invoice ends up
 * recorded exactly once; an item without `invoiceId` refused before anything is sent for it; and
 * the opt-in that sends it anyway.
 */
import { describe, expect, it } from "vitest";
import { type BulkProgress, InternalServerError, SDKValidationError } from "../../src/index.js";
import { createFakeDub, errorReply } from "../../src/testing/index.js";
import { undiciOverHttp } from "../helpers/transports.js";

/** A fake with one enrolled partner and a click on their link, for direct sale tracking. */
async function programWithClick(options: Parameters<typeof createFakeDub>[0] = {}) {
  const fake = createFakeDub({ seed: "bulk-sale", ...options });
  const harness = await undiciOverHttp.start(fake.handler);
  const dub = harness.client({ retryConfig: { strategy: "backoff", backoff: { initialInterval: 5, maxInterval: 50 } } });
  await dub.partners.create({ email: "kim@example.com", username: "kim" });
  const { clickId } = fake.recordClick({ linkId: fake.links()[0]!.id });
  return { fake, harness, dub, clickId };
}

const saleRequests = (fake: ReturnType<typeof createFakeDub>) => fake.requests.filter((r) => r.method === "POST" && r.path === "/track/sale");

describe("track.bulkSale", () => {
  it("a 2,000-sale backfill under 200 requests per 100 ms, with 40 answers lost after the sale was recorded: each invoice recorded once", async () => {
    const { fake, harness, dub, clickId } = await programWithClick({ rateLimit: { limit: 200, windowMs: 100 } });
    try {
      fake.inject(errorReply("internal_server_error"), { route: "POST /track/sale", afterEffect: true, times: 40 });
      const items = Array.from({ length: 2_000 }, (_, i) => ({ customerExternalId: `cus_${i % 50}`, clickId, amount: 1_000 + i, invoiceId: `in_${i}`, paymentProcessor: "stripe" as const }));
      const progress: BulkProgress[] = [];
      const results = await dub.track.bulkSale(items, { concurrency: 16, onProgress: (p) => progress.push(p) });

      expect(results.every((r, i) => r.ok && r.index === i && r.value.sale?.invoiceId === `in_${i}`)).toBe(true);
      expect(progress.at(-1)).toEqual({ total: 2_000, completed: 2_000, succeeded: 2_000, failed: 0 });
      // What the server recorded: one sale commission per invoice, none twice.
      const invoices = fake.commissions().map((c) => c.invoiceId);
      expect(invoices).toHaveLength(2_000);
      expect(new Set(invoices).size).toBe(2_000);
      expect(fake.customers().reduce((sum, c) => sum + (c.sales ?? 0), 0)).toBe(2_000);
      // The lost answers were repeated (and 429s ridden out): more requests than sales.
      expect(saleRequests(fake).length).toBeGreaterThanOrEqual(2_040);

      // The same batch again, within the server's 7 days: answered, nothing recorded.
      const again = await dub.track.bulkSale(items, { concurrency: 16 });
      expect(again.every((r) => r.ok)).toBe(true);
      expect(fake.commissions()).toHaveLength(2_000);
    } finally {
      await harness.stop();
    }
  }, 60_000);

  it("an item without invoiceId fails alone with SDKValidationError saying why, and nothing is sent for it", async () => {
    const { fake, harness, dub, clickId } = await programWithClick();
    try {
      const before = saleRequests(fake).length;
      const results = await dub.track.bulkSale([
        { customerExternalId: "cus_a", clickId, amount: 100, invoiceId: "in_a" },
        { customerExternalId: "cus_b", clickId, amount: 200 },
        { customerExternalId: "cus_c", clickId, amount: 300, invoiceId: null },
        { customerExternalId: "cus_d", clickId, amount: 400, invoiceId: "in_d" },
      ]);
      expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
      for (const failed of [results[1]!, results[2]!]) {
        const error = !failed.ok && failed.error;
        expect(error).toBeInstanceOf(SDKValidationError);
        expect((error as SDKValidationError).issues).toEqual([{ path: [], code: "not_repeatable", message: expect.stringMatching(/^track\.bulkSale retries every item .* without invoiceId .*pass the sale's invoiceId/) }]);
        expect((error as SDKValidationError).requestSent).toBe(false);
      }
      const sent = saleRequests(fake).slice(before).map((r) => JSON.parse(r.body).customerExternalId);
      expect(sent.sort()).toEqual(["cus_a", "cus_d"]);
    } finally {
      await harness.stop();
    }
  });

  it("with retryNonIdempotent the caller accepts duplicates: the item is sent, and a lost answer is repeated", async () => {
    const { fake, harness, dub, clickId } = await programWithClick();
    try {
      fake.inject(errorReply("internal_server_error"), { route: "POST /track/sale", afterEffect: true });
      const [result] = await dub.track.bulkSale([{ customerExternalId: "cus_a", clickId, amount: 100 }], {
        retries: { strategy: "backoff", backoff: { initialInterval: 5, maxInterval: 50 }, retryNonIdempotent: true },
      });
      expect(result!.ok).toBe(true);
      // What the opt-in means: the repeat recorded the sale a second time.
      expect(fake.commissions()).toHaveLength(2);
    } finally {
      await harness.stop();
    }
  });

  it("track.sale itself is unchanged: without invoiceId it is sent, and a lost answer is not repeated", async () => {
    const { fake, harness, dub, clickId } = await programWithClick();
    try {
      fake.inject(errorReply("internal_server_error"), { route: "POST /track/sale", afterEffect: true });
      await expect(dub.track.sale({ customerExternalId: "cus_a", clickId, amount: 100 })).rejects.toBeInstanceOf(InternalServerError);
      expect(saleRequests(fake)).toHaveLength(1);
      expect(fake.commissions()).toHaveLength(1);
    } finally {
      await harness.stop();
    }
  });
});
