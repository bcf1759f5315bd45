import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { pageFields } from "../../core/schema.js";
import { discountCodeSchema } from "../../models/discount-code.js";

/** Request schema of `discountCodes.list`: integer page bounds; the output is the query string's content. */
const listDiscountCodesQuerySchema = z.strictObject({
  /** The ID of the partner to list the discount codes of. Default: the codes of the whole program. An unknown partner is a 404 `NotFound`. */
  partnerId: z.optional(z.string()),
  /** Only the codes of this discount. An unknown discount is a 404 `NotFound`. */
  discountId: z.optional(z.string()),
  ...pageFields,
});

/** Query of `discountCodes.list` (`GET /discount-codes`). Every field is optional. */
export type ListDiscountCodesRequest = z.input<typeof listDiscountCodesQuerySchema>;

export default {
  /**
   * Lists the discount codes of your program, newest first: of one partner (`partnerId`), of one
   * discount (`discountId`), or all of them. Await it for one page (an array), or iterate it with
   * `for await` for every code of every page from `page` on. Safe to retry.
   *
   * @example
   * ```ts
   * for await (const discountCode of dub.discountCodes.list({ partnerId: "pn_1K2QY4ZKJ9D7S8T6V5W3X2Y1Z0" })) {
   *   console.log(discountCode.code, discountCode.linkId);
   * }
   * ```
   */
  list: defineOperation({
    operationId: "listDiscountCodes",
    http: "GET /discount-codes",
    argument: "query",
    request: listDiscountCodesQuerySchema,
    response: z.array(discountCodeSchema),
    idempotent: true,
    paging: "page",
  }),
};
