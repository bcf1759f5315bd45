import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { isInteger, maxString, oneOf, optionalNullable, responseObject } from "../../core/schema.js";
import { emailString } from "../../models/email.js";
import { jsonObject, metadataSchema } from "../../models/metadata.js";
import { PAYMENT_PROCESSORS } from "../../models/payment-processor.js";

/** Request schema of `track.sale`. */
const trackSaleRequestSchema = z.strictObject({
  /** The customer's unique ID in your system (1 to 100 characters), as given to `track.lead`. */
  customerExternalId: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The amount of the sale in cents (an integer from 0; for a zero-decimal currency, the full amount, e.g. `1580` JPY). */
  amount: z.number().check(isInteger, z.gte(0)),
  /** The currency of the sale, an ISO 4217 code. Default `usd`; others are converted to USD at the latest rates. */
  currency: z.optional(z.string()),
  /** The name of the sale event (at most 255 characters), e.g. `"Invoice paid"`. Default `Purchase`. */
  eventName: z.optional(maxString(255)),
  /** The payment processor of the sale. Default `custom`. */
  paymentProcessor: z.optional(oneOf(PAYMENT_PROCESSORS)),
  /**
   * The invoice ID of the sale: the server records one sale per invoice ID (it answers a repeat
   * within 7 days with the first answer), so a sale with an `invoiceId` is safe to retry and one
   * without is not.
   */
  invoiceId: optionalNullable(z.string()),
  /** Additional data stored with the sale event: an object of at most 10,000 characters as JSON. */
  metadata: optionalNullable(metadataSchema),
  /** The name of the lead event the sale follows (case-sensitive). Default: the customer's latest lead. */
  leadEventName: optionalNullable(z.string()),
  /** For direct sale tracking (no lead before): the ID of the click the sale is attributed to (the `dub_id` cookie). */
  clickId: optionalNullable(z.string()),
  /** For direct sale tracking: the customer's name (at most 100 characters). */
  customerName: optionalNullable(maxString(100)),
  /** For direct sale tracking: the customer's email address (at most 100 characters). */
  customerEmail: optionalNullable(emailString(100)),
  /** For direct sale tracking: the URL of the customer's avatar. */
  customerAvatar: optionalNullable(z.string()),
});

/** Body of `track.sale` (`POST /track/sale`). `customerExternalId` and `amount` are required; pass `invoiceId` to make it safe to retry. */
export type TrackSaleRequestBody = z.input<typeof trackSaleRequestSchema>;

const nullableString = z.nullable(z.string());

const trackSaleResponseSchema = responseObject({
  /** The name of the sale event. */
  eventName: z.string(),
  /** The customer the sale was recorded for; `null` when nothing was recorded (an unknown customer without `clickId`, or an amount of 0). */
  customer: z.nullable(
    responseObject({
      /** The customer's ID on Dub. */
      id: z.string(),
      /** The customer's name. */
      name: nullableString,
      /** The customer's email address. */
      email: nullableString,
      /** The URL of the customer's avatar. */
      avatar: nullableString,
      /** The customer's unique ID in your system. */
      externalId: nullableString,
    }),
  ),
  /** The recorded sale; `null` when nothing was recorded. */
  sale: z.nullable(
    responseObject({
      /** The amount of the sale, in cents (converted to USD). */
      amount: z.number(),
      /** The currency the amount is in. */
      currency: z.string(),
      /** The payment processor of the sale. */
      paymentProcessor: z.string(),
      /** The invoice ID of the sale. */
      invoiceId: nullableString,
      /** The metadata stored with the sale. */
      metadata: z.nullable(jsonObject),
    }),
  ),
});

/** What `track.sale` returns (`200`). */
export type TrackSaleResponseBody = z.output<typeof trackSaleResponseSchema>;

/** Whether a sale may be repeated: only one with an `invoiceId`, by which the server records it once. */
function saleIsRepeatable(body: TrackSaleRequestBody): true | string {
  if (body.invoiceId) return true;
  return "a sale without invoiceId is recorded again by every repeat: pass the sale's invoiceId (the server records one sale per invoice), or retryNonIdempotent if a duplicate is acceptable";
}

export default {
  /**
   * Reports a sale of a customer; retried after an ambiguous failure only when it has an
   * `invoiceId`. The customer is one you reported as a lead (or, with `clickId`, a new customer
   * straight from a click): the sale is counted on the partner's link, a sale commission is
   * created from the partner's reward, and the answer carries the recorded sale. Safe to retry
   * only with an `invoiceId`: the server records one sale per invoice ID and answers a repeat
   * with the first answer. Without one every call records another sale, so an ambiguous failure
   * (a 5XX, a timeout, a connection lost after sending) is not retried unless
   * `retryNonIdempotent` is set, and its error says so; a 429 or a refused connection is retried
   * all the same (nothing was recorded).
   *
   * @example
   * ```ts
   * await dub.track.sale({
   *   customerExternalId: user.id,
   *   amount: 4900,
   *   currency: "usd",
   *   paymentProcessor: "stripe",
   *   invoiceId: invoice.id,
   * });
   * ```
   */
  sale: defineOperation({
    operationId: "trackSale",
    http: "POST /track/sale",
    argument: "body",
    request: trackSaleRequestSchema,
    response: trackSaleResponseSchema,
    idempotent: saleIsRepeatable,
  }),
};
