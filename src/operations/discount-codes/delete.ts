import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { responseObject } from "../../core/schema.js";
import { pathParameter } from "../../models/path-parameter.js";

/** Response schema of `discountCodes.delete`. */
const deleteDiscountCodeResponseSchema = responseObject({
  /** The unique ID of the deleted discount code (`dcode_...`). */
  id: z.string(),
});

/** What `discountCodes.delete` returns (`200`): the ID of the deleted discount code. */
export type DeleteDiscountCodeResponseBody = z.output<typeof deleteDiscountCodeResponseSchema>;

export default {
  /**
   * Deletes a discount code, named by its ID (`dcode_...`) or by the code itself (`KIM10OFF`,
   * whatever its case), and disables it at the discount's provider (Stripe, Shopify, or your
   * app through the `discount_code.deleted` webhook). An unknown code is a 404 `NotFound`. Safe to
   * retry: when an attempt deleted the code but its answer was lost, the retry's 404 resolves the
   * call; its `id` is then the argument given (the code itself, when the code was deleted by
   * code).
   *
   * @example
   * ```ts
   * await dub.discountCodes.delete("dcode_1K2QY7B8C9D0E1F2G3H4J5K6M7");
   * ```
   */
  delete: defineOperation({
    operationId: "deleteDiscountCode",
    http: "DELETE /discount-codes/{idOrCode}",
    argument: "path",
    request: pathParameter,
    response: deleteDiscountCodeResponseSchema,
    idempotent: true,
    repeat: { deleted: (idOrCode: string): DeleteDiscountCodeResponseBody => ({ id: idOrCode }) },
  }),
};
