import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { oneOf, openEnum, pageFields, responseObject } from "../../core/schema.js";
import { partnerSummaryFields } from "../../models/partner-summary.js";

/** The payout statuses the spec lists. */
const PAYOUT_STATUSES = ["pending", "processing", "processed", "sent", "completed", "failed", "canceled"] as const;

/**
 * The state of a payout.
 *
 * @useDeclaredType
 */
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/**
 * How a partner is paid: Stripe Connect, stablecoin (USDC), PayPal or Tremendous.
 *
 * @useDeclaredType
 */
export type PayoutMethod = "connect" | "stablecoin" | "paypal" | "tremendous";

/** Request schema of `payouts.list`. */
const listPayoutsQuerySchema = z.strictObject({
  /** Only payouts in this status. */
  status: z.optional(oneOf(PAYOUT_STATUSES)),
  /** Only the payouts of this partner. Takes precedence over `tenantId`. */
  partnerId: z.optional(z.string()),
  /** Only the payouts of the partner with this ID in your system. */
  tenantId: z.optional(z.string()),
  /** Only the payouts of this invoice (the invoice of a batch of payouts you paid; pending payouts have none). */
  invoiceId: z.optional(z.string()),
  /** Only the payouts of partners in this group; several comma-separated (`grp_a,grp_b`), or all but one (`-grp_a`). */
  groupId: z.optional(z.string()),
  /** The field to sort by. Default `amount`. */
  sortBy: z.optional(oneOf(["amount", "initiatedAt", "paidAt"])),
  /** The sort order. Default `desc`. */
  sortOrder: z.optional(oneOf(["asc", "desc"])),
  ...pageFields,
});

/** Query of `payouts.list` (`GET /payouts`). Every field is optional. */
export type ListPayoutsQuery = z.input<typeof listPayoutsQuerySchema>;

const nullableString = z.nullable(z.string());

const payoutSchema = responseObject({
  /** The payout's unique ID on Dub (`po_…`). */
  id: z.string(),
  /** The invoice the payout is paid from; `null` while pending. */
  invoiceId: nullableString,
  /** The amount of the payout, in cents: the sum of its commissions' earnings. */
  amount: z.number(),
  /** The currency of the payout. */
  currency: z.string(),
  /** The state of the payout: `pending` while it collects commissions, then `processing`, `processed`, `sent`, `completed` (or `failed`, `canceled`). */
  status: openEnum<PayoutStatus>(),
  /** The description of the payout. */
  description: z.optional(nullableString),
  /** The start of the period the payout covers. */
  periodStart: nullableString,
  /** The end of the period the payout covers. */
  periodEnd: nullableString,
  /** When the payout was created. */
  createdAt: z.string(),
  /** When the payout was last updated. */
  updatedAt: z.optional(z.string()),
  /** When the payout was initiated (confirmed). */
  initiatedAt: nullableString,
  /** When the payout was paid. */
  paidAt: nullableString,
  /** Why the payout failed, if it did. */
  failureReason: z.optional(nullableString),
  /** `internal`: Dub pays the partner; `external`: your program pays them itself. */
  mode: z.nullable(openEnum<"internal" | "external">()),
  /** How the partner is paid. */
  method: z.nullable(openEnum<PayoutMethod>()),
  /** The payment provider's trace ID, once paid. */
  traceId: z.optional(nullableString),
  /** The partner paid. */
  partner: responseObject({
    ...partnerSummaryFields,
    /** The partner's default payout method. */
    defaultPayoutMethod: z.nullable(openEnum<PayoutMethod>()),
    /** The date when the partner enabled payouts. */
    payoutsEnabledAt: nullableString,
    /** The partner's country (required for tax purposes). */
    country: nullableString,
    /** The partner's group ID on Dub. */
    groupId: z.optional(nullableString),
    /** The partner's unique ID within your database. */
    tenantId: nullableString,
  }),
  /** The user who confirmed the payout. */
  user: z.optional(
    z.nullable(
      responseObject({
        /** The user's ID. */
        id: z.string(),
        /** The user's name. */
        name: nullableString,
        /** The user's email address. */
        email: nullableString,
        /** The user's avatar image. */
        image: nullableString,
      }),
    ),
  ),
});

/** A payout to a partner: their processed commissions of a period, paid together. */
export type Payout = z.output<typeof payoutSchema>;

export default {
  /**
   * Lists the payouts of your program, largest first unless sorted otherwise. The answer is a
   * plain array paged by page number: await it for one page, or iterate it with `for await` for
   * every payout of every page. Safe to retry.
   *
   * @example
   * ```ts
   * const pending = await dub.payouts.list({ status: "pending", sortBy: "amount" });
   * for await (const payout of dub.payouts.list({ partnerId: "pn_1JZ0XK7N3Q9R5S8T2U4V6W8X0Y" })) console.log(payout.periodEnd, payout.amount);
   * ```
   */
  list: defineOperation({
    operationId: "listPayouts",
    http: "GET /payouts",
    argument: "query",
    request: listPayoutsQuerySchema,
    response: z.array(payoutSchema),
    idempotent: true,
    paging: "page",
  }),
};
