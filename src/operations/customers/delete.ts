import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { responseObject } from "../../core/schema.js";
import { pathId } from "../../models/path-id.js";

const deleteCustomerResponseSchema = responseObject({
  /** The ID of the deleted customer on Dub (after a repeat that found the customer gone: the `id` given). */
  id: z.string(),
});

/** What `customers.delete` returns (`200`). */
export type DeleteCustomerResponseBody = z.output<typeof deleteCustomerResponseSchema>;

export default {
  /**
   * Deletes a customer, named by their ID on Dub (`cus_…`) or by `ext_` + their ID in your
   * system; the argument is that ID itself, as in the official SDK. Safe to retry: when an
   * attempt deleted the customer but its answer was lost, the repeat's 404 is not an error, and
   * the call resolves with `{ id }` (the ID you gave). A customer that did not exist is a
   * `NotFound` (404).
   *
   * @example
   * ```ts
   * await dub.customers.delete("cus_1JZ0XKA2B3C4D5E6F7G8H9J0K1");
   * await dub.customers.delete(`ext_${user.id}`);
   * ```
   */
  delete: defineOperation({
    operationId: "deleteCustomer",
    http: "DELETE /customers/{id}",
    argument: "path",
    request: pathId,
    response: deleteCustomerResponseSchema,
    idempotent: true,
    repeat: { deleted: (id: string): DeleteCustomerResponseBody => ({ id }) },
  }),
};
