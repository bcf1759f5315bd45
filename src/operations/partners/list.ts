import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { oneOf, pageFields } from "../../core/schema.js";
import { createPartnerResponseSchema, PARTNER_STATUSES } from "../../models/partner.js";

const SORT_BY = [
  "createdAt",
  "totalClicks",
  "totalLeads",
  "totalConversions",
  "totalSaleAmount",
  "totalCommissions",
  "netRevenue",
  "earningsPerClick",
  "averageLifetimeValue",
  "clickToLeadRate",
  "clickToConversionRate",
  "leadToConversionRate",
  "returnOnAdSpend",
] as const;

/**
 * A field `partners.list` can sort by.
 *
 * @useDeclaredType
 */
export type ListPartnersSortBy = (typeof SORT_BY)[number];

/** Request schema of `partners.list`: closed enums, integer page bounds; the output is the query string's content. */
const listPartnersQuerySchema = z.strictObject({
  /** A filter on the list based on the partner's `groupId` field. */
  groupId: z.optional(z.string()),
  /** A filter on the list based on the partner's `status` field. */
  status: z.optional(oneOf(PARTNER_STATUSES)),
  /** A filter on the list based on the partner's `country` field (e.g. `"US"`). */
  country: z.optional(z.string()),
  /** The field to sort the partners by. The default is `totalSaleAmount`. */
  sortBy: z.optional(oneOf(SORT_BY)),
  /** The sort order. The default is `desc`. */
  sortOrder: z.optional(oneOf(["asc", "desc"])),
  /** Filter the partner list based on the partner's `email`. Takes precedence over `search`. */
  email: z.optional(z.string()),
  /** Filter the partner list based on the partner's `tenantId`. Takes precedence over `email` and `search`. */
  tenantId: z.optional(z.string()),
  /** A search query to filter partners by ID, name, email, or company name. */
  search: z.optional(z.string()),
  ...pageFields,
});

/** Query of `partners.list` (`GET /partners`). Every field is optional. */
export type ListPartnersQuery = z.input<typeof listPartnersQuerySchema>;

export default {
  /**
   * Lists the partners of your program, filtered and sorted. Await it for one page (an array), or
   * iterate it with `for await` for every partner of every page from `page` on; pages are fetched
   * as the loop needs them. Safe to retry.
   *
   * @example
   * ```ts
   * const firstPage = await dub.partners.list({ status: "approved", pageSize: 50 });
   * for await (const partner of dub.partners.list({ sortBy: "createdAt", sortOrder: "asc" })) console.log(partner.email);
   * ```
   */
  list: defineOperation({
    operationId: "listPartners",
    http: "GET /partners",
    argument: "query",
    request: listPartnersQuerySchema,
    response: z.array(createPartnerResponseSchema),
    idempotent: true,
    paging: "page",
  }),
};
