import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { customerSchema } from "../../models/customer.js";
import { pathId } from "../../models/path-id.js";

/** Request schema of `customers.get`. */
const getCustomerRequestSchema = z.strictObject({
  /** The customer's ID on Dub (`cus_…`), or `ext_` + their ID in your system (`ext_user_42`). */
  id: pathId,
  /** Whether to include the expanded fields (`link`, `partner`, `discount`). */
  includeExpandedFields: z.optional(z.boolean()),
});

/** Argument of `customers.get` (`GET /customers/{id}`). */
export type GetCustomerRequest = z.input<typeof getCustomerRequestSchema>;

export default {
  /**
   * Returns a customer, named by their ID on Dub or by `ext_` + their ID in your system. A
   * customer that does not exist is a `NotFound` (404). Safe to retry.
   *
   * @example
   * ```ts
   * const customer = await dub.customers.get({ id: `ext_${user.id}`, includeExpandedFields: true });
   * console.log(customer.partner?.name, customer.link?.shortLink);
   * ```
   */
  get: defineOperation({
    operationId: "getCustomer",
    http: "GET /customers/{id}",
    argument: "parameters",
    request: getCustomerRequestSchema,
    response: customerSchema,
    idempotent: true,
  }),
};
