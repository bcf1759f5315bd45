import * as z from "zod/mini";
import { withCrossFieldRules } from "../../core/cross-field-rules.js";
import { defineOperation } from "../../core/operation.js";
import { oneOf } from "../../core/schema.js";
import { COMMISSION_STATUSES, COMMISSION_TYPES, commissionSchema } from "../../models/commission.js";
import { cursorPageFields, cursorPagingRules } from "../../models/cursor-paging.js";

/** Request schema of `commissions.list`. */
const listCommissionsQuerySchema = withCrossFieldRules(
  z.strictObject({
    /** Only commissions of this type. */
    type: z.optional(oneOf(COMMISSION_TYPES)),
    /** Only the commissions of this customer. */
    customerId: z.optional(z.string()),
    /** Only the commissions of this payout. */
    payoutId: z.optional(z.string()),
    /** Only the commissions of this partner; several comma-separated (`pn_a,pn_b`), or all but one (`-pn_a`). Takes precedence over `tenantId`. */
    partnerId: z.optional(z.string()),
    /** Only the commissions of the partner with this ID in your system. */
    tenantId: z.optional(z.string()),
    /** Only the commissions of partners in this group; comma-separated or `-`-prefixed as `partnerId`. */
    groupId: z.optional(z.string()),
    /** Only the commissions of partners with this tag; comma-separated or `-`-prefixed as `partnerId`. */
    partnerTagId: z.optional(z.string()),
    /** Only the commission of this invoice (one per invoice in a program). */
    invoiceId: z.optional(z.string()),
    /** Only commissions in this status. Default: all but `duplicate`, `fraud` and `canceled`, unless filtered by type, customer, payout or partner. */
    status: z.optional(oneOf(COMMISSION_STATUSES)),
    /** The field to sort by. Default `createdAt`. */
    sortBy: z.optional(oneOf(["createdAt", "amount"])),
    /** The sort order. Default `desc`. */
    sortOrder: z.optional(oneOf(["asc", "desc"])),
    /** The interval to list commissions of. Default `all`. */
    interval: z.optional(oneOf(["24h", "7d", "30d", "90d", "1y", "mtd", "qtd", "ytd", "all"])),
    /** The start of the date range (takes precedence over `interval`). */
    start: z.optional(z.string()),
    /** The end of the date range. Default: now. */
    end: z.optional(z.string()),
    /** The IANA time zone the interval is aligned to (e.g. `America/New_York`). Default UTC. */
    timezone: z.optional(z.string()),
    /** Filter by the lead or sale event's metadata (top-level keys, string values), e.g. `metadata['plan']:'pro'`. Newer than the spec. */
    query: z.optional(z.string()),
    ...cursorPageFields,
  }),
  ...cursorPagingRules,
);

/** Query of `commissions.list` (`GET /commissions`). Every field is optional. */
export type ListCommissionsQuery = z.input<typeof listCommissionsQuerySchema>;

export default {
  /**
   * Lists the commissions of your program, newest first unless sorted otherwise. Await it for
   * one page (an array), or iterate it with `for await` for every commission of every page;
   * pages follow each other by cursor (`startingAfter`), or by page number when sorted by
   * `amount`. A commission created with `commissions.create` shows here shortly after its 202.
   * Safe to retry.
   *
   * @example
   * ```ts
   * for await (const commission of dub.commissions.list({ partnerId: "pn_1JZ0XK7N3Q9R5S8T2U4V6W8X0Y", status: "pending" })) {
   *   console.log(commission.id, commission.earnings, commission.customer?.externalId);
   * }
   * ```
   */
  list: defineOperation({
    operationId: "listCommissions",
    http: "GET /commissions",
    argument: "query",
    request: listCommissionsQuerySchema,
    response: z.array(commissionSchema),
    idempotent: true,
    paging: "cursor",
  }),
};
