import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { maxString, oneOf, optionalNullable, responseObject } from "../../core/schema.js";
import { byKey } from "../../models/by-key.js";
import { emailString } from "../../models/email.js";
import { metadataSchema } from "../../models/metadata.js";
import { PAYMENT_PROCESSORS } from "../../models/payment-processor.js";
import { uriString } from "../../models/uri.js";

/** The customer of a lead or sale commission, created (or updated) on demand by `externalId`. */
const customerRequestSchema = z.strictObject({
  /** The customer's email address. */
  email: optionalNullable(emailString()),
  /** The customer's name. Default: the email, else a random name. */
  name: optionalNullable(z.string()),
  /** The URL of the customer's avatar (an absolute URI). Default: a random avatar. */
  avatar: optionalNullable(uriString),
  /** The customer's unique ID in your system: later conversion events of theirs are attributed by it. */
  externalId: z.string(),
  /** The customer's Stripe customer ID, for attributing recurring sales to the partner who referred them. */
  stripeCustomerId: optionalNullable(z.string()),
  /** The customer's country, an ISO 3166-1 alpha-2 code. */
  country: z.string(),
});

/** The partner and customer of a lead or sale commission (schema fields). */
const conversionFields = {
  /** The ID of the partner to create the commission for. */
  partnerId: z.string(),
  /** The ID of an existing customer to associate the commission with. Give this or `customer`. */
  customerId: optionalNullable(z.string()),
  /** The customer to associate the commission with, created on demand. Give this or `customerId`. */
  customer: optionalNullable(customerRequestSchema),
  /** The partner's link to attribute the commission to. Default: their link with the most revenue. */
  linkId: optionalNullable(z.string()),
  /** The date of the event. Default: now. */
  date: optionalNullable(z.string()),
};

const customCommissionSchema = z.strictObject({
  /** A custom (manual) commission: an amount you decide, or a clawback. */
  type: oneOf(["custom"]),
  /** The ID of the partner to create the commission for. */
  partnerId: z.string(),
  /** The commission earnings in cents; a negative amount creates a clawback. Not 0. */
  amount: z.number(),
  /** The date of the commission. Default: now. */
  date: optionalNullable(z.string()),
  /**
   * The description of the commission (at most 190 characters); required for a clawback. May
   * be a clawback reason (`order_canceled`, `fraud`, `terms_violation`, `tracking_error`,
   * `payment_failed`, `ineligible_partner`, `duplicate_commission`) or any text.
   */
  description: optionalNullable(maxString(190)),
});

/** A custom commission, or with a negative `amount` a clawback (`commissions.create`). */
export type CreateCustomCommissionRequestBody = z.input<typeof customCommissionSchema>;

const leadCommissionSchema = z.strictObject({
  /** A lead commission: a lead event is recorded for the customer, and the partner earns their lead reward. */
  type: oneOf(["lead"]),
  ...conversionFields,
  /** The lead event. */
  lead: optionalNullable(
    z.strictObject({
      /** The name of the lead event. Default `Sign up`. */
      eventName: optionalNullable(z.string()),
      /** Additional data stored with the lead event: an object of at most 10,000 characters as JSON. */
      metadata: optionalNullable(metadataSchema),
    }),
  ),
  /** @deprecated Use `date`: the date of the lead event. */
  leadEventDate: optionalNullable(z.string()),
  /** @deprecated Use `lead.eventName`: the name of the lead event. */
  leadEventName: optionalNullable(z.string()),
});

/** A lead commission (`commissions.create`). */
export type CreateLeadCommissionRequestBody = z.input<typeof leadCommissionSchema>;

const saleCommissionSchema = z.strictObject({
  /** A sale commission: a sale event is recorded for the customer, and the partner earns their sale reward on it. */
  type: oneOf(["sale"]),
  ...conversionFields,
  /** `true` imports every paid Stripe invoice of the customer not imported yet, one commission each; then no sale fields. Default `false`: one sale, of `sale.amount`. */
  importStripeInvoices: optionalNullable(z.boolean()),
  /** The sale event (not with `importStripeInvoices`). */
  sale: optionalNullable(
    z.strictObject({
      /** The amount of the sale in cents; required unless `importStripeInvoices` is `true`. */
      amount: optionalNullable(z.number()),
      /** The currency of the sale, an ISO 4217 code. Default `usd`. */
      currency: z.optional(z.string()),
      /** The name of the sale event. Default `Purchase`. */
      eventName: z.optional(z.string()),
      /** The payment processor of the sale. Default `custom`. */
      paymentProcessor: z.optional(oneOf(PAYMENT_PROCESSORS)),
      /**
       * The invoice ID of the sale: the server creates one commission per invoice ID and
       * refuses another (409), which makes the call safe to retry.
       */
      invoiceId: optionalNullable(z.string()),
      /** Additional data stored with the sale event: an object of at most 10,000 characters as JSON. */
      metadata: optionalNullable(metadataSchema),
    }),
  ),
  /** @deprecated Use `date`: the date of the sale event. */
  saleEventDate: optionalNullable(z.string()),
  /** @deprecated Use `sale.amount`: the amount of the sale in cents. */
  saleAmount: optionalNullable(z.number()),
  /** @deprecated Use `sale.invoiceId`: the invoice ID of the sale (one commission per invoice ID). */
  invoiceId: optionalNullable(z.string()),
  /** @deprecated Use `sale.metadata.productId`: a product ID stored with the sale. */
  productId: optionalNullable(z.string()),
});

/** A sale commission (`commissions.create`), in the newer shape (`date`, `sale`) or the deprecated one (`saleAmount`, `invoiceId`, ...). */
export type CreateSaleCommissionRequestBody = z.input<typeof saleCommissionSchema>;

/** Request schema of `commissions.create`: the variant named by `type`, with the rules the spec states in words. */
const createCommissionRequestSchema = byKey("type", { custom: customCommissionSchema, lead: leadCommissionSchema, sale: saleCommissionSchema }, (body) => {
  if (body.type === "custom" && typeof body.amount === "number" && body.amount < 0 && !(typeof body.description === "string" && body.description.trim())) {
    return [{ path: ["description"], message: "is required for a clawback (a negative amount)" }];
  }
  const sale = body.sale as { amount?: unknown } | null | undefined;
  if (body.type === "sale" && body.importStripeInvoices !== true && (sale?.amount ?? body.saleAmount) == null) {
    return [{ path: sale ? ["sale", "amount"] : ["saleAmount"], message: "is required unless importStripeInvoices is true" }];
  }
  return [];
});

/** Body of `commissions.create` (`POST /commissions`): a custom, lead or sale commission, by `type`. */
export type CreateCommissionRequestBody = z.input<typeof createCommissionRequestSchema>;

const createCommissionResponseSchema = responseObject({
  /** Whether the commission was queued. */
  success: z.boolean(),
  /** The server's message. */
  message: z.string(),
});

/** What `commissions.create` returns (`202`): the creation was queued; the commission shows in `commissions.list` shortly after. */
export type CreateCommissionResponseBody = z.output<typeof createCommissionResponseSchema>;

/** The invoice ID of a sale commission, in either shape. */
export function commissionInvoiceId(body: CreateCommissionRequestBody): string | null | undefined {
  return body.type === "sale" ? body.sale?.invoiceId || body.invoiceId : undefined;
}

/**
 * Whether a commission may be repeated: only a sale commission with an invoice ID, which the
 * server creates once (a repeat is refused with 409).
 */
function commissionIsRepeatable(body: CreateCommissionRequestBody): true | string {
  if (commissionInvoiceId(body)) return true;
  switch (body.type) {
    case "custom":
      return `a ${body.amount < 0 ? "clawback" : "custom commission"} is created again by every repeat and nothing makes it unique: check commissions.list({ partnerId, type: "custom" }) before repeating it`;
    case "lead":
      return 'a lead commission has no invoice ID, so a repeat records its lead again: check commissions.list({ customerId, type: "lead" }) before repeating it';
    default:
      return "a sale commission without an invoice ID is created again by every repeat: pass sale.invoiceId (the server then refuses a second one with 409)";
  }
}

export default {
  /**
   * Creates a commission by hand (custom, clawback, lead or sale); retried after an ambiguous
   * failure only for a sale commission with an invoice ID. `custom` is an amount you decide
   * (negative for a clawback, with a `description`); `lead` and `sale` record an event for a
   * customer, and the partner earns the commission their reward gives. The server answers 202 and creates it shortly after, so it is not
   * in the answer: list it with `commissions.list`. Both shapes of sale commissions are
   * accepted: the newer one (`date`, `sale: { amount, invoiceId, ... }`, `lead: { eventName }`)
   * and the deprecated one (`saleAmount`, `invoiceId`, `saleEventDate`, `leadEventName`, ...).
   * Safe to retry only for a sale commission with an invoice ID (`sale.invoiceId` or
   * `invoiceId`): the server creates one commission per invoice, so when an attempt's answer was
   * lost the repeat's 409 is reported as `AlreadyApplied` (done). Custom, clawback and lead
   * commissions are not retried after an ambiguous failure unless `retryNonIdempotent` is set.
   *
   * @example
   * ```ts
   * await dub.commissions.create({
   *   type: "sale",
   *   partnerId: "pn_1JZ0XK7N3Q9R5S8T2U4V6W8X0Y",
   *   customerId: "cus_1JZ0XKA2B3C4D5E6F7G8H9J0K1",
   *   sale: { amount: 12_900, invoiceId: "in_1QxYz2Ab3Cd4Ef5G" },
   * });
   * await dub.commissions.create({ type: "custom", partnerId: "pn_1JZ0XK7N3Q9R5S8T2U4V6W8X0Y", amount: -2_500, description: "order_canceled" });
   * ```
   */
  create: defineOperation({
    operationId: "createCommission",
    http: "POST /commissions",
    argument: "body",
    request: createCommissionRequestSchema,
    response: createCommissionResponseSchema,
    idempotent: commissionIsRepeatable,
    repeat: { alreadyApplied: { statuses: [409], message: /already a commission for the invoice/i } },
  }),
};
