import { FakeApiError } from "../api-error.js";
import type { CustomerRecord } from "../program-records.js";
import { customerView } from "../program-views.js";
import type { FakeState } from "../state.js";
import type { Route } from "./context.js";
import { cursorPage, sortedBy } from "./cursor-pages.js";

/**
 * The customer an `id` names: their ID on Dub, or `ext_` + their externalId; the server's 404
 * otherwise.
 */
export function customerOrThrow(state: FakeState, id: string): CustomerRecord {
  const customer = id.startsWith("ext_") ? state.program.customerByExternalId(id.slice(4)) : state.program.customers.get(id);
  if (!customer) {
    throw new FakeApiError(
      "not_found",
      "Customer not found. Make sure you're using the correct customer ID (e.g. `cus_3TagGjzRzmsFJdH8od2BNCsc`) or external ID (has to be prefixed with `ext_`).",
    );
  }
  return customer;
}

const SORT_FIELDS = {
  createdAt: (c: CustomerRecord) => c.createdAt,
  saleAmount: (c: CustomerRecord) => c.saleAmount,
  firstSaleAt: (c: CustomerRecord) => c.firstSaleAt,
  subscriptionCanceledAt: (c: CustomerRecord) => c.subscriptionCanceledAt,
};

/**
 * `GET /customers` (200): the workspace's customers. `email` (exact) takes precedence over
 * `externalId` (exact), which takes precedence over `search` (with an `@`: the exact email; else
 * a case-insensitive part of the email or name); `country`, `linkId` and `partnerId` filter
 * exactly, and `programId` or `partnerId` keep the program's customers. Sorted by `sortBy`
 * (default `createdAt`) in `sortOrder` (default `desc`), paged by cursor or by page number.
 */
export const listCustomersRoute: Route<"getCustomers"> = (ctx, input) => {
  const { state } = ctx;
  const search = input.search?.toLowerCase();
  const byField =
    input.email !== undefined
      ? (c: CustomerRecord) => c.email === input.email
      : input.externalId !== undefined
        ? (c: CustomerRecord) => c.externalId === input.externalId
        : search === undefined
          ? () => true
          : search.includes("@")
            ? (c: CustomerRecord) => c.email === input.search
            : (c: CustomerRecord) => [c.email, c.name].some((v) => v?.toLowerCase().includes(search));
  const inProgram = input.programId !== undefined || input.partnerId !== undefined;
  const matching = (c: CustomerRecord) =>
    byField(c) &&
    (input.country === undefined || c.country === input.country) &&
    (input.linkId === undefined || c.linkId === input.linkId) &&
    (input.partnerId === undefined || c.partnerId === input.partnerId) &&
    (!inProgram || c.programId !== null);
  const page = cursorPage([...state.program.customers.values()], matching, input, (items) => sortedBy(items, SORT_FIELDS[input.sortBy ?? "createdAt"], input.sortOrder));
  return { status: 200, body: page.map((c) => customerView(state, c, input.includeExpandedFields)) };
};

/** `GET /customers/{id}` (200): the customer, by ID or `ext_` + externalId; 404 unknown. */
export const getCustomerRoute: Route<"getCustomer"> = (ctx, input) => ({
  status: 200,
  body: customerView(ctx.state, customerOrThrow(ctx.state, input.id), input.includeExpandedFields),
});

/**
 * `PATCH /customers/{id}` (200): sets the given `name`, `email`, `avatar`, `externalId` and
 * `stripeCustomerId` (`null` clears one); 409 when another customer has the new `externalId`;
 * 404 unknown. `country` is accepted and ignored, as by the server.
 */
export const updateCustomerRoute: Route<"updateCustomer"> = (ctx, input) => {
  const { program } = ctx.state;
  const customer = customerOrThrow(ctx.state, input.id);
  const body = input.requestBody ?? {};
  const owner = body.externalId === undefined ? undefined : program.customerByExternalId(body.externalId);
  if (owner && owner.id !== customer.id) {
    throw new FakeApiError("conflict", "A customer with this external ID already exists.");
  }
  const next: CustomerRecord = {
    ...customer,
    ...(body.name !== undefined && { name: body.name }),
    ...(body.email !== undefined && { email: body.email }),
    ...(body.avatar !== undefined && { avatar: body.avatar }),
    ...(body.externalId !== undefined && { externalId: body.externalId }),
    ...(body.stripeCustomerId !== undefined && { stripeCustomerId: body.stripeCustomerId }),
  };
  program.putCustomer(next);
  return { status: 200, body: customerView(ctx.state, next, input.includeExpandedFields) };
};

/** `DELETE /customers/{id}` (200 `{ id }`, the Dub ID): the customer is gone; a second delete is a 404. Their commissions stay, without a customer. */
export const deleteCustomerRoute: Route<"deleteCustomer"> = (ctx, id) => {
  const customer = customerOrThrow(ctx.state, id);
  ctx.state.program.removeCustomer(customer.id);
  return { status: 200, body: { id: customer.id } };
};
