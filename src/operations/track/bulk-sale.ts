import { defineBulk } from "../../core/operation.js";
import sale from "./sale.js";

export default {
  /**
   * Reports many sales (a backfill of historical payments, a nightly import), each recorded
   * exactly once: every item needs its `invoiceId`, by which the server records one sale per
   * invoice, so the retries a large batch needs (429s, 5XXs, timeouts) never count a sale twice.
   * An item without one fails with `SDKValidationError` before anything is sent for it. Runs
   * with the bounded concurrency, rate-limit throttling, progress and per-item results of
   * `partners.bulkCreate`; one item's failure never stops the others. The server remembers an
   * invoice for 7 days: re-running a batch within them records nothing new, later it would.
   *
   * @example
   * ```ts
   * const results = await dub.track.bulkSale(
   *   invoices.map((inv) => ({ customerExternalId: inv.customerId, amount: inv.amountCents, invoiceId: inv.id, paymentProcessor: "stripe" })),
   *   { concurrency: 8, onProgress: ({ completed, total }) => console.log(`${completed}/${total}`) },
   * );
   * const failed = results.filter((r) => !r.ok);
   * ```
   */
  bulkSale: defineBulk(sale, { repeatableItemsOnly: true }),
};
