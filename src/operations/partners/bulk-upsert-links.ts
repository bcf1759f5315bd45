import { defineBulk } from "../../core/operation.js";
import upsertLink from "./upsert-link.js";

export default {
  /**
   * Upserts many partner links (idempotent: safe to repeat), with the same concurrency,
   * throttling and per-item results as `bulkCreate`.
   *
   * @example
   * ```ts
   * const results = await dub.partners.bulkUpsertLinks(partners.map((p) => ({ partnerId: p.id, url: "https://acme.com/pricing" })));
   * ```
   */
  bulkUpsertLinks: defineBulk(upsertLink),
};
