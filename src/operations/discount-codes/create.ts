import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { discountCodeSchema } from "../../models/discount-code.js";

/** Letters, digits, `-` and `_`: what the spec allows in a discount code (Stripe promotion codes allow no more). */
const CODE = /^[a-zA-Z0-9\-_]+$/;

/** Request schema of `discountCodes.create`. */
const createDiscountCodeRequestSchema = z.strictObject({
  /**
   * The discount code to create: 1 to 100 letters, digits, `-` or `_`. Codes are unique in the
   * program, whatever their case (a taken one is a 409 `Conflict`); with Stripe they are stored in
   * upper case. When omitted, the server makes one from the partner's first name and the discount
   * (`KIM10OFF`).
   */
  code: z.optional(z.string().check(z.maxLength(100), z.regex(CODE, "must contain only letters, digits, - and _"))),
  /** The ID of the partner to create the discount code for. Their group must have a discount (else a 400 `BadRequest`). */
  partnerId: z.string(),
  /** The ID of the partner's referral link to associate the code with. A link has at most one code: a second is a 400 `BadRequest`. */
  linkId: z.string(),
});

/** Body of `discountCodes.create` (`POST /discount-codes`). `partnerId` and `linkId` are required. */
export type CreateDiscountCodeRequestBody = z.input<typeof createDiscountCodeRequestSchema>;

export default {
  /**
   * Creates a discount code for one of a partner's links; the partner's group must have a
   * discount. Customers who enter the code at checkout get the discount, and the sale is credited
   * to the partner. Safe to retry: a link carries at most one code, so a repeat cannot create a
   * second one. When an attempt created the code but its answer was lost, the retry's refusal
   * ("this link already has a discount code", or 409 "already in use") is reported as
   * `AlreadyApplied` (done; read it back with `discountCodes.list({ partnerId })`).
   *
   * @example
   * ```ts
   * const discountCode = await dub.discountCodes.create({ partnerId: partner.id, linkId: partner.links[0].id, code: "KIM10OFF" });
   * ```
   */
  create: defineOperation({
    operationId: "createDiscountCode",
    http: "POST /discount-codes",
    argument: "body",
    request: createDiscountCodeRequestSchema,
    response: discountCodeSchema,
    idempotent: true,
    repeat: { alreadyApplied: { statuses: [400, 409], message: /already (?:has a discount code|in use)/i } },
  }),
};
