import * as z from "zod/mini";
import { openEnum, responseObject } from "../core/schema.js";
import { commissionCustomerSchema } from "./customer.js";
import { jsonObject } from "./metadata.js";
import { partnerSummaryFields } from "./partner-summary.js";

/** The commission types the spec lists. */
export const COMMISSION_TYPES = ["click", "lead", "sale", "referral", "custom"] as const;

/**
 * What a commission rewards.
 *
 * @useDeclaredType
 */
export type CommissionType = (typeof COMMISSION_TYPES)[number];

/** The commission statuses the spec lists (`hold` included). */
export const COMMISSION_STATUSES = ["pending", "processed", "paid", "refunded", "duplicate", "fraud", "canceled", "hold"] as const;

/**
 * The state of a commission.
 *
 * @useDeclaredType
 */
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

/**
 * The statuses a commission can be set to (`commissions.update`, `commissions.updateMany`); the
 * others follow from payouts.
 */
export const SETTABLE_COMMISSION_STATUSES = ["pending", "refunded", "duplicate", "canceled", "fraud"] as const;

/**
 * A status a commission can be set to.
 *
 * @useDeclaredType
 */
export type SettableCommissionStatus = (typeof SETTABLE_COMMISSION_STATUSES)[number];

const nullableString = z.nullable(z.string());

/** Response schema of a commission (`commissions.list`, `commissions.update`). */
export const commissionSchema = responseObject({
  /** The commission's unique ID on Dub (`cm_…`). */
  id: z.string(),
  /** What the commission rewards: a click, a lead, a sale, a referral, or a custom (manual) amount. */
  type: z.optional(openEnum<CommissionType>()),
  /** The amount the commission is computed from, in cents (the sale amount for a sale; 0 for a custom commission). */
  amount: z.number(),
  /** What the partner earns, in cents; negative for a clawback. */
  earnings: z.number(),
  /** The currency of `amount` and `earnings`. */
  currency: z.string(),
  /** The state of the commission: `pending` until its holding period ends, `processed` once in a payout, `paid` once paid out. */
  status: openEnum<CommissionStatus>(),
  /** The invoice ID of the sale the commission is for. */
  invoiceId: nullableString,
  /** The description of the commission (a clawback's reason). */
  description: nullableString,
  /** How many events (clicks, leads, sales) the commission covers. */
  quantity: z.number(),
  /** The user who created the manual commission. */
  userId: z.optional(nullableString),
  /** The metadata of the lead or sale event the commission is for (newer responses). */
  metadata: z.optional(z.nullable(jsonObject)),
  /** When the commission was created. */
  createdAt: z.string(),
  /** When the commission was last updated. */
  updatedAt: z.string(),
  /** The date the commission was paid out to the partner. Null if not paid yet. */
  paidAt: nullableString,
  /** The partner who earns the commission. */
  partner: responseObject({
    ...partnerSummaryFields,
    /** The date when the partner enabled payouts. */
    payoutsEnabledAt: nullableString,
    /** The partner's country (required for tax purposes). */
    country: nullableString,
    /** The partner's group ID on Dub. */
    groupId: z.optional(nullableString),
  }),
  /** The customer the commission is for; `null` for click-based and custom commissions. */
  customer: z.optional(z.nullable(commissionCustomerSchema)),
});

/** A commission a partner earned (or, negative, lost in a clawback). */
export type Commission = z.output<typeof commissionSchema>;
