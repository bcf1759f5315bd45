import * as z from "zod/mini";
import type { PageQuery } from "../core/pagination.js";
import { oneOf, pageFields } from "./schema-helpers.js";

/** A status of a partner's enrollment in the program. */
export type PartnerStatus = "pending" | "approved" | "rejected" | "invited" | "declined" | "deactivated" | "banned" | "archived";

/** A field `partners.list` can sort by. */
export type ListPartnersSortBy =
  | "createdAt"
  | "totalClicks"
  | "totalLeads"
  | "totalConversions"
  | "totalSaleAmount"
  | "totalCommissions"
  | "netRevenue"
  | "earningsPerClick"
  | "averageLifetimeValue"
  | "clickToLeadRate"
  | "clickToConversionRate"
  | "leadToConversionRate"
  | "returnOnAdSpend";

/** Query of `partners.list` (`GET /partners`). Every field is optional. */
export interface ListPartnersQuery extends PageQuery {
  /** A filter on the list based on the partner's `groupId` field. */
  groupId?: string;
  /** A filter on the list based on the partner's `status` field. */
  status?: PartnerStatus;
  /** A filter on the list based on the partner's `country` field (e.g. `"US"`). */
  country?: string;
  /** The field to sort the partners by. The default is `totalSaleAmount`. */
  sortBy?: ListPartnersSortBy;
  /** The sort order. The default is `desc`. */
  sortOrder?: "asc" | "desc";
  /** Filter the partner list based on the partner's `email`. Takes precedence over `search`. */
  email?: string;
  /** Filter the partner list based on the partner's `tenantId`. Takes precedence over `email` and `search`. */
  tenantId?: string;
  /** A search query to filter partners by ID, name, email, or company name. */
  search?: string;
  /** The page number for pagination, from `1`. Default `1`; iterating the result goes on from this page. */
  page?: number;
  /** The number of items per page, from 1 to 100. Default `100`. */
  pageSize?: number;
}

/** The enrollment statuses the spec lists. */
export const PARTNER_STATUSES = ["pending", "approved", "rejected", "invited", "declined", "deactivated", "banned", "archived"] as const;
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

/** Request schema of `partners.list`: closed enums, integer page bounds; the output is the query string's content. */
export const listPartnersQuerySchema: z.ZodMiniType<ListPartnersQuery, ListPartnersQuery> = z.strictObject({
  groupId: z.optional(z.string()),
  status: z.optional(oneOf(PARTNER_STATUSES)),
  country: z.optional(z.string()),
  sortBy: z.optional(oneOf(SORT_BY)),
  sortOrder: z.optional(oneOf(["asc", "desc"])),
  email: z.optional(z.string()),
  tenantId: z.optional(z.string()),
  search: z.optional(z.string()),
  ...pageFields,
});
