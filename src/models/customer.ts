import * as z from "zod/mini";
import { openEnum, responseObject } from "../core/schema.js";
import { partnerSummaryFields } from "./partner-summary.js";
import { linkIdentityFields } from "./link-identity.js";

const nullableString = z.nullable(z.string());
const optionalNullableString = z.optional(nullableString);

/** The fields of a customer as every response carries them (schema fields). */
const customerFields = {
  /** The unique ID of the customer on Dub (`cus_…`). Where an `id` is asked for, `ext_` + their `externalId` names them too. */
  id: z.string(),
  /** Name of the customer. */
  name: optionalNullableString,
  /** Email of the customer. */
  email: optionalNullableString,
  /** Avatar URL of the customer. */
  avatar: optionalNullableString,
  /** Unique identifier for the customer in your app. */
  externalId: z.string(),
  /** The customer's Stripe customer ID. This is useful for attributing recurring sale events to the partner who referred the customer. */
  stripeCustomerId: optionalNullableString,
  /** Country of the customer. */
  country: optionalNullableString,
  /** Total number of sales for the customer. */
  sales: z.optional(z.nullable(z.number())),
  /** Total amount of sales for the customer, in cents. */
  saleAmount: z.optional(z.nullable(z.number())),
  /** The date the customer was created (usually the signup date or trial start date). */
  createdAt: z.string(),
  /** The date the customer made their first sale. Useful for calculating the time to first sale and LTV. */
  firstSaleAt: optionalNullableString,
  /** The date the customer canceled their subscription. Useful for calculating LTV and churn rate. */
  subscriptionCanceledAt: optionalNullableString,
};

/** Response schema of the customer a commission is for. */
export const commissionCustomerSchema = responseObject(customerFields);

/** The customer a commission is for. */
export type CommissionCustomer = z.output<typeof commissionCustomerSchema>;

/** Response schema of a customer (`customers.list`, `get`, `update`), with the expanded fields when asked for. */
export const customerSchema = responseObject({
  ...customerFields,
  /** The referral link the customer came through (with `includeExpandedFields`). */
  link: z.optional(
    z.nullable(
      responseObject({
        ...linkIdentityFields,
        /** The ID of the program the short link is associated with. */
        programId: nullableString,
      }),
    ),
  ),
  /** The ID of the program the customer was referred to (with `includeExpandedFields`). */
  programId: optionalNullableString,
  /** The partner who referred the customer (with `includeExpandedFields`). */
  partner: z.optional(z.nullable(responseObject(partnerSummaryFields))),
  /** The discount the customer got through the partner (with `includeExpandedFields`). */
  discount: z.optional(
    z.nullable(
      responseObject({
        /** The discount's unique ID on Dub. */
        id: z.string(),
        /** The discount amount: a percentage or an amount in cents, as `type` says. */
        amount: z.number(),
        /** Whether `amount` is a percentage or a flat amount. */
        type: openEnum<"percentage" | "flat">(),
        /** For how many months the discount applies; `null` for the whole subscription. */
        maxDuration: z.nullable(z.number()),
        /** The coupon ID on the payment processor. */
        couponId: nullableString,
        /** The test-mode coupon ID on the payment processor. */
        couponTestId: nullableString,
        /** The discount's description. */
        description: optionalNullableString,
        /** How many partners give this discount. */
        partnersCount: z.optional(z.nullable(z.number())),
      }),
    ),
  ),
});

/** A customer of your program: someone who signed up (a lead) through a partner's link, with their sales. */
export type Customer = z.output<typeof customerSchema>;
