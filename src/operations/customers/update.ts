import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { optionalNullable } from "../../core/schema.js";
import { customerSchema } from "../../models/customer.js";
import { emailString } from "../../models/email.js";
import { pathId } from "../../models/path-id.js";
import { uriString } from "../../models/uri.js";

/** Request schema of `customers.update`. */
const updateCustomerRequestSchema = z.strictObject({
  /** The customer's ID on Dub (`cus_…`), or `ext_` + their ID in your system (`ext_user_42`). */
  id: pathId,
  /** Whether the answer includes the expanded fields (`link`, `partner`, `discount`). */
  includeExpandedFields: z.optional(z.boolean()),
  /** The fields to change; those left out stay as they are. */
  requestBody: z.optional(
    z.strictObject({
      /** The customer's email address. */
      email: optionalNullable(emailString()),
      /** The customer's name. */
      name: optionalNullable(z.string()),
      /** The URL of the customer's avatar (an absolute URI). */
      avatar: optionalNullable(uriString),
      /** The customer's unique ID in your system; another customer with it already is a `Conflict` (409). */
      externalId: z.optional(z.string()),
      /** The customer's Stripe customer ID, for attributing recurring sales to the partner who referred them. */
      stripeCustomerId: optionalNullable(z.string()),
      /** The customer's country, an ISO 3166-1 alpha-2 code. Only Dub's record changes, not past conversion events. */
      country: z.optional(z.string()),
    }),
  ),
});

/** Argument of `customers.update` (`PATCH /customers/{id}`). */
export type UpdateCustomerRequest = z.input<typeof updateCustomerRequestSchema>;

/** The fields `customers.update` changes. */
export type UpdateCustomerRequestBody = NonNullable<UpdateCustomerRequest["requestBody"]>;

/** The wire form: an empty body when none is given, since the server refuses a PATCH without JSON. */
function withBody(request: UpdateCustomerRequest): UpdateCustomerRequest & { requestBody: UpdateCustomerRequestBody } {
  return { ...request, requestBody: request.requestBody ?? {} };
}

/**
 * Whether an update may be repeated: always, but for one that changes the `externalId` of the
 * customer it names by `ext_` + that ID: once applied, a repeat names a customer who no longer
 * exists.
 */
function updateIsRepeatable(request: UpdateCustomerRequest): true | string {
  const externalId = request.requestBody?.externalId;
  if (!request.id.startsWith("ext_") || externalId === undefined || `ext_${externalId}` === request.id) return true;
  return "it renames the externalId the customer is named by (ext_…), so a repeat would name no customer (404): name them by their Dub id (cus_…) to make it safe to retry";
}

export default {
  /**
   * Updates a customer and returns them; retried after an ambiguous failure, except when it
   * renames the `externalId` the customer is named by. The customer is named by their ID on Dub or
   * by `ext_` + their ID in your system. Safe to retry: a repeat writes the same values. One exception: an update that
   * changes the `externalId` of a customer named by `ext_` + that ID is not retried after an
   * ambiguous failure (a repeat would name a customer who no longer exists); name them by their
   * Dub `id` instead.
   *
   * @example
   * ```ts
   * const customer = await dub.customers.update({ id: `ext_${user.id}`, requestBody: { email: user.email, name: user.name } });
   * ```
   */
  update: defineOperation({
    operationId: "updateCustomer",
    http: "PATCH /customers/{id}",
    argument: "parameters",
    request: updateCustomerRequestSchema,
    toWire: withBody,
    response: customerSchema,
    idempotent: updateIsRepeatable,
  }),
};
