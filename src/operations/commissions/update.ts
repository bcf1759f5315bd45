import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { oneOf } from "../../core/schema.js";
import { commissionSchema, SETTABLE_COMMISSION_STATUSES } from "../../models/commission.js";
import { pathId } from "../../models/path-id.js";

const nonNegative = z.number().check(z.gte(0));

/** Request schema of `commissions.update`. */
const updateCommissionRequestSchema = z.strictObject({
  /** The commission's ID on Dub (`cm_…`). */
  id: pathId,
  /** What to change. A paid commission cannot be changed. */
  requestBody: z.optional(
    z.strictObject({
      /** The new earnings in cents (from 0), overriding those computed from the sale amount. */
      earnings: z.optional(nonNegative),
      /** The new sale amount in cents (from 0): absolute, so safe to repeat. Earnings are recomputed from the partner's reward. */
      saleAmount: z.optional(nonNegative),
      /**
       * A change of the sale amount in cents (positive to increase, negative to decrease); takes
       * precedence over `saleAmount`. A delta: a repeat applies it again, so an update with it is
       * not retried after an ambiguous failure.
       */
      modifySaleAmount: z.optional(z.number()),
      /** The currency of `saleAmount` / `modifySaleAmount`, an ISO 4217 code. Default `usd`. */
      currency: z.optional(z.string()),
      /** Marks the commission pending, refunded, duplicate, canceled or fraudulent (it then leaves its payout). Takes precedence over the amounts. */
      status: z.optional(oneOf(SETTABLE_COMMISSION_STATUSES)),
      /** @deprecated Use `saleAmount`. */
      amount: z.optional(nonNegative),
      /** @deprecated Use `modifySaleAmount` (a delta too, so not retried either). */
      modifyAmount: z.optional(z.number()),
    }),
  ),
});

/** Argument of `commissions.update` (`PATCH /commissions/{id}`). */
export type UpdateCommissionRequest = z.input<typeof updateCommissionRequestSchema>;

/** The fields `commissions.update` changes. */
export type UpdateCommissionRequestBody = NonNullable<UpdateCommissionRequest["requestBody"]>;

/** The wire form: an empty body when none is given, since the server refuses a PATCH without JSON. */
function withBody(request: UpdateCommissionRequest): UpdateCommissionRequest & { requestBody: UpdateCommissionRequestBody } {
  return { ...request, requestBody: request.requestBody ?? {} };
}

/** Whether an update may be repeated: not when it changes the sale amount by a delta. */
function updateIsRepeatable(request: UpdateCommissionRequest): true | string {
  const body = request.requestBody;
  if (body?.modifySaleAmount === undefined && body?.modifyAmount === undefined) return true;
  return "modifySaleAmount is a delta, applied again by every repeat: send the new absolute saleAmount to make it safe to retry";
}

export default {
  /**
   * Updates a commission's sale amount, earnings or status; retried after an ambiguous failure,
   * except with a `modifySaleAmount` delta. The sale amount is absolute (`saleAmount`) or a delta
   * (`modifySaleAmount`); the status is pending, refunded, duplicate, canceled or fraud (the
   * commission then leaves its payout). A paid commission, or one whose payout is
   * under way, cannot be changed (`BadRequest`). Safe to retry, except with `modifySaleAmount` /
   * `modifyAmount`: a delta applies again on every repeat, so such an update is not retried
   * after an ambiguous failure unless `retryNonIdempotent` is set. A status change repeated
   * after its answer was lost meets the server's 400 "This commission is already in the …
   * status": the change was made.
   *
   * @example
   * ```ts
   * await dub.commissions.update({ id: "cm_1JZ0XKB3C4D5E6F7G8H9J0K1L2", requestBody: { saleAmount: 9_900 } });
   * await dub.commissions.update({ id: "cm_1JZ0XKB3C4D5E6F7G8H9J0K1L2", requestBody: { status: "refunded" } });
   * ```
   */
  update: defineOperation({
    operationId: "updateCommission",
    http: "PATCH /commissions/{id}",
    argument: "parameters",
    request: updateCommissionRequestSchema,
    toWire: withBody,
    response: commissionSchema,
    idempotent: updateIsRepeatable,
  }),
};
