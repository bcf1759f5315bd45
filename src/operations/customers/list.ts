import * as z from "zod/mini";
import { withCrossFieldRules } from "../../core/cross-field-rules.js";
import { defineOperation } from "../../core/operation.js";
import { oneOf } from "../../core/schema.js";
import { customerSchema } from "../../models/customer.js";
import { cursorPageFields, cursorPagingRules } from "../../models/cursor-paging.js";

const SORT_BY = ["createdAt", "saleAmount", "firstSaleAt", "subscriptionCanceledAt"] as const;

/**
 * A field `customers.list` can sort by.
 *
 * @useDeclaredType
 */
export type GetCustomersSortBy = (typeof SORT_BY)[number];

/** Request schema of `customers.list`. */
const getCustomersQuerySchema = withCrossFieldRules(
  z.strictObject({
    /** Only the customer with this email (case-sensitive). Takes precedence over `externalId`. */
    email: z.optional(z.string()),
    /** Only the customer with this ID in your system (case-sensitive). Takes precedence over `search`. */
    externalId: z.optional(z.string()),
    /** Customers whose email, externalId or name matches. Ignored with `email` or `externalId`. */
    search: z.optional(z.string()),
    /** Only customers from this country. */
    country: z.optional(z.string()),
    /** Only customers referred through this link (its ID). */
    linkId: z.optional(z.string()),
    /** Only customers of this program. */
    programId: z.optional(z.string()),
    /** Only customers this partner referred. */
    partnerId: z.optional(z.string()),
    /** Whether to include the expanded fields (`link`, `partner`, `discount`). */
    includeExpandedFields: z.optional(z.boolean()),
    /** The field to sort the customers by. Default `createdAt`. */
    sortBy: z.optional(oneOf(SORT_BY)),
    /** The sort order. Default `desc`. */
    sortOrder: z.optional(oneOf(["asc", "desc"])),
    ...cursorPageFields,
  }),
  ...cursorPagingRules,
);

/** Query of `customers.list` (`GET /customers`). Every field is optional. */
export type GetCustomersQuery = z.input<typeof getCustomersQuerySchema>;

export default {
  /**
   * Lists the customers of your workspace, newest first unless sorted otherwise. Await it for one
   * page (an array), or iterate it with `for await` for every customer of every page; pages
   * follow each other by cursor (`startingAfter`: the last customer's ID), or by page number when
   * sorted by another field than `createdAt`. Safe to retry.
   *
   * @example
   * ```ts
   * for await (const customer of dub.customers.list({ partnerId: "pn_1JZ0XK7N3Q9R5S8T2U4V6W8X0Y" })) {
   *   console.log(customer.externalId, customer.saleAmount);
   * }
   * ```
   */
  list: defineOperation({
    operationId: "getCustomers",
    http: "GET /customers",
    argument: "query",
    request: getCustomersQuerySchema,
    response: z.array(customerSchema),
    idempotent: true,
    paging: "cursor",
  }),
};
