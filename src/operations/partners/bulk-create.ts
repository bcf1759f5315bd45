import { defineBulk } from "../../core/operation.js";
import create from "./create.js";

export default {
  /**
   * Creates or updates many partners (by email, so safe to repeat), with bounded concurrency and
   * throttling from the rate-limit headers, so a large batch waits out the server's windows
   * instead of failing on 429s. Resolves with one result per item, in input order: the partner,
   * or the typed error of that item; one item's failure never stops the others.
   *
   * @example
   * ```ts
   * const results = await dub.partners.bulkCreate(users.map((u) => ({ email: u.email, tenantId: u.id })), {
   *   concurrency: 8,
   *   onProgress: ({ completed, total }) => console.log(`${completed}/${total}`),
   * });
   * const failed = results.filter((r) => !r.ok);
   * ```
   */
  bulkCreate: defineBulk(create),
};
