/**
 * Query and path contract of `customers.list`, `customers.get`, `customers.update` (its query),
 * `customers.delete`, `commissions.list` and `payouts.list`: what goes in the query string
 * validates against the spec's parameters and is what was given; path parameters are one encoded
 * segment; every constraint (and the server's rules on combining the paging fields) is refused
 * before anything is sent.
 */
import { describe, expect, it } from "vitest";
import { type Dub, type GetCustomersQuery, type ListCommissionsQuery, type ListPayoutsQuery, SDKValidationError } from "../../src/index.js";
import {
  type AnyOperationId,
  expectInvalid,
  expectValid,
  queryOf,
  queryParameters,
  queryValidator,
  responseSchema,
  sampleFromSchema,
  SERVER_URL,
  specOperation,
  stubClient,
} from "./spec.js";

interface ListOperation<Query> {
  readonly sdkName: string;
  readonly operationId: AnyOperationId;
  readonly call: (dub: Dub, query: Query) => Promise<unknown>;
  /** What the query string holds for this input (beyond what is given: the first page's number, for page paging). */
  readonly wire: (query: Query) => Record<string, unknown>;
  /** Parameters newer than the spec: sent as given, left out of the spec's check. */
  readonly newer?: readonly string[];
}

const withoutNulls = (q: object | undefined) => Object.fromEntries(Object.entries(q ?? {}).filter(([, v]) => v !== null && v !== undefined));

const CUSTOMERS: ListOperation<GetCustomersQuery | undefined> = {
  sdkName: "customers.list",
  operationId: "getCustomers",
  call: (dub, q) => dub.customers.list(q),
  // Paged by cursor: the first page is not named by number.
  wire: withoutNulls,
};
const COMMISSIONS: ListOperation<ListCommissionsQuery | undefined> = {
  sdkName: "commissions.list",
  operationId: "listCommissions",
  call: (dub, q) => dub.commissions.list(q),
  wire: withoutNulls,
  newer: ["query"],
};
const PAYOUTS: ListOperation<ListPayoutsQuery | undefined> = {
  sdkName: "payouts.list",
  operationId: "listPayouts",
  call: (dub, q) => dub.payouts.list(q),
  wire: (q) => ({ ...withoutNulls(q), page: q?.page ?? 1 }),
};

const FULL_CUSTOMERS: GetCustomersQuery = {
  email: "kim+test@example.com",
  externalId: "user 42/äö",
  search: "kim & co",
  country: "US",
  linkId: "link_1",
  programId: "prog_1",
  partnerId: "pn_1",
  includeExpandedFields: true,
  sortBy: "createdAt",
  sortOrder: "asc",
  endingBefore: "cus_9",
  pageSize: 50,
};

const FULL_COMMISSIONS: ListCommissionsQuery = {
  type: "sale",
  customerId: "cus_1",
  payoutId: "po_1",
  partnerId: "pn_a,pn_b",
  tenantId: "user_42",
  groupId: "-grp_1",
  partnerTagId: "ptag_1",
  invoiceId: "in_1",
  status: "hold",
  sortBy: "createdAt",
  sortOrder: "desc",
  interval: "30d",
  start: "2026-11-01T00:00:00.000Z",
  end: "2026-11-24T00:00:00.000Z",
  timezone: "America/New_York",
  startingAfter: "cm_1",
  pageSize: 100,
};

const FULL_PAYOUTS: ListPayoutsQuery = {
  status: "processing",
  partnerId: "pn_1",
  tenantId: "user_42",
  invoiceId: "inv_1",
  groupId: "grp_a,grp_b",
  sortBy: "paidAt",
  sortOrder: "asc",
  page: 3,
  pageSize: 25,
};

interface Case<Query> {
  readonly name: string;
  readonly input: Query;
}

const CUSTOMER_CASES: Case<GetCustomersQuery | undefined>[] = [
  { name: "no query at all", input: undefined },
  { name: "every parameter but the two exclusive ones", input: FULL_CUSTOMERS },
  { name: "the next page by cursor", input: { startingAfter: "cus_1", pageSize: 1 } },
  { name: "a deprecated page number", input: { page: 2, sortBy: "saleAmount" } },
  { name: "includeExpandedFields false", input: { includeExpandedFields: false } },
  ...(["createdAt", "saleAmount", "firstSaleAt", "subscriptionCanceledAt"] as const).map((sortBy) => ({ name: `sortBy ${sortBy}`, input: { sortBy } })),
];

const COMMISSION_CASES: Case<ListCommissionsQuery | undefined>[] = [
  { name: "no query at all", input: undefined },
  { name: "every parameter but the newer query and the exclusive ones", input: FULL_COMMISSIONS },
  { name: "the query filter of dub 0.73.5 (newer than the spec)", input: { query: "metadata['plan']:'pro'" } },
  ...(["click", "lead", "sale", "referral", "custom"] as const).map((type) => ({ name: `type ${type}`, input: { type } })),
  ...(["pending", "processed", "paid", "refunded", "duplicate", "fraud", "canceled", "hold"] as const).map((status) => ({ name: `status ${status}`, input: { status } })),
  ...(["24h", "7d", "30d", "90d", "1y", "mtd", "qtd", "ytd", "all"] as const).map((interval) => ({ name: `interval ${interval}`, input: { interval } })),
  { name: "sortBy amount, a page number", input: { sortBy: "amount", page: 2 } },
];

const PAYOUT_CASES: Case<ListPayoutsQuery | undefined>[] = [
  { name: "no query at all", input: undefined },
  { name: "every parameter", input: FULL_PAYOUTS },
  ...(["pending", "processing", "processed", "sent", "completed", "failed", "canceled"] as const).map((status) => ({ name: `status ${status}`, input: { status } })),
  ...(["amount", "initiatedAt", "paidAt"] as const).map((sortBy) => ({ name: `sortBy ${sortBy}`, input: { sortBy } })),
];

function querySuite<Query>(op: ListOperation<Query>, cases: readonly Case<Query>[]) {
  describe(`${op.sdkName} → ${op.operationId}`, () => {
    const { path, method } = specOperation(op.operationId);
    it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, { input }) => {
      const reply = sampleFromSchema(responseSchema(op.operationId, "200"));
      const { dub, fetch, sent } = stubClient({ status: 200, body: reply });
      const result = await op.call(dub, input);
      expect(fetch).toHaveBeenCalledTimes(1);
      const request = sent[0]!;
      expect(request.method).toBe(method);
      expect(request.url.split("?")[0]).toBe(SERVER_URL + path);
      expect(request.body).toBeUndefined();
      const query = queryOf(request.url, op.operationId);
      expect(query).toStrictEqual(op.wire(input));
      const documented = Object.fromEntries(Object.entries(query).filter(([name]) => !(op.newer ?? []).includes(name)));
      expectValid(queryValidator(op.operationId), documented, `${op.sdkName} query`);
      expect(result).toStrictEqual(reply);
    });
  });
}

querySuite(CUSTOMERS, CUSTOMER_CASES);
querySuite(COMMISSIONS, COMMISSION_CASES);
querySuite(PAYOUTS, PAYOUT_CASES);

describe("the full inputs cover the spec's query parameters", () => {
  it.each([
    ["getCustomers", FULL_CUSTOMERS, ["startingAfter", "page"]],
    ["listCommissions", FULL_COMMISSIONS, ["endingBefore", "page"]],
    ["listPayouts", FULL_PAYOUTS, []],
  ] as const)("%s (but the parameters that exclude one another)", (operationId, full, excluded) => {
    expect([...Object.keys(full), ...excluded].sort()).toEqual(queryParameters(operationId).map((p) => p.name).sort());
  });
});

interface InvalidCase {
  readonly name: string;
  readonly input: unknown;
  readonly path: readonly (string | number)[];
  readonly specRejects: boolean;
}

const PAGING_INVALID: InvalidCase[] = [
  { name: "pageSize 101", input: { pageSize: 101 }, path: ["pageSize"], specRejects: true },
  { name: "pageSize 0", input: { pageSize: 0 }, path: ["pageSize"], specRejects: false },
  { name: "page 1.5", input: { page: 1.5 }, path: ["page"], specRejects: true },
  { name: "page 0", input: { page: 0 }, path: ["page"], specRejects: false },
];

const CURSOR_INVALID: InvalidCase[] = [
  ...PAGING_INVALID,
  { name: "startingAfter and endingBefore (mutually exclusive)", input: { startingAfter: "a", endingBefore: "b" }, path: [], specRejects: false },
  { name: "a cursor and a page number", input: { startingAfter: "a", page: 2 }, path: [], specRejects: false },
  { name: "a cursor and an order other than createdAt", input: { endingBefore: "a", sortBy: "saleAmount" }, path: [], specRejects: false },
  { name: "startingAfter as a number", input: { startingAfter: 1 }, path: ["startingAfter"], specRejects: true },
];

const CUSTOMERS_INVALID: InvalidCase[] = [
  ...CURSOR_INVALID,
  { name: 'sortBy "name"', input: { sortBy: "name" }, path: ["sortBy"], specRejects: true },
  { name: 'includeExpandedFields "yes"', input: { includeExpandedFields: "yes" }, path: ["includeExpandedFields"], specRejects: true },
  { name: "an undocumented parameter (customerIds)", input: { customerIds: ["cus_1"] }, path: [], specRejects: true },
];

const COMMISSIONS_INVALID: InvalidCase[] = [
  ...CURSOR_INVALID.filter((c) => !c.name.includes("createdAt")),
  { name: "a cursor and the amount order", input: { startingAfter: "cm_1", sortBy: "amount" }, path: [], specRejects: false },
  { name: 'type "sale,lead" (the spec lists single values)', input: { type: "sale,lead" }, path: ["type"], specRejects: true },
  { name: 'status "approved"', input: { status: "approved" }, path: ["status"], specRejects: true },
  { name: 'interval "2d"', input: { interval: "2d" }, path: ["interval"], specRejects: true },
  { name: 'sortBy "earnings"', input: { sortBy: "earnings" }, path: ["sortBy"], specRejects: true },
  { name: "query as a number", input: { query: 1 }, path: ["query"], specRejects: true },
];

const PAYOUTS_INVALID: InvalidCase[] = [
  ...PAGING_INVALID,
  { name: 'status "paid"', input: { status: "paid" }, path: ["status"], specRejects: true },
  { name: 'sortBy "createdAt"', input: { sortBy: "createdAt" }, path: ["sortBy"], specRejects: true },
  { name: "an undocumented parameter (startingAfter: payouts page by number)", input: { startingAfter: "po_1" }, path: [], specRejects: true },
];

function invalidSuite<Query>(op: ListOperation<Query>, cases: readonly InvalidCase[]) {
  describe(`${op.sdkName} refuses what breaks a constraint, sending nothing`, () => {
    it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, { input, path, specRejects }) => {
      const validate = queryValidator(op.operationId);
      if (specRejects) expectInvalid(validate, input);
      else expectValid(validate, input);
      const { dub, fetch } = stubClient({ status: 200, body: [] });
      const error = await op.call(dub, input as Query).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SDKValidationError);
      expect((error as SDKValidationError).issues.map((i) => i.path)).toContainEqual(path);
      expect(fetch).not.toHaveBeenCalled();
    });
  });
}

invalidSuite(CUSTOMERS, CUSTOMERS_INVALID);
invalidSuite(COMMISSIONS, COMMISSIONS_INVALID);
invalidSuite(PAYOUTS, PAYOUTS_INVALID);

describe("customers by ID: one encoded path segment, the rest in the query", () => {
  const customer = () => sampleFromSchema(responseSchema("getCustomer", "200"));

  it.each([
    ["cus_1JZ0XKA2B3C4D5E6F7G8H9J0K1", "/customers/cus_1JZ0XKA2B3C4D5E6F7G8H9J0K1"],
    ["ext_user_42", "/customers/ext_user_42"],
    ["ext_user/42?x=1#y", "/customers/ext_user%2F42%3Fx%3D1%23y"],
    ["ext_kim lee", "/customers/ext_kim%20lee"],
  ])("get(%j) → GET %s", async (id, target) => {
    const { dub, sent } = stubClient({ status: 200, body: customer() });
    await dub.customers.get({ id, includeExpandedFields: true });
    expect(sent[0]!.method).toBe("GET");
    expect(sent[0]!.url).toBe(`${SERVER_URL}${target}?includeExpandedFields=true`);
  });

  it("update: the id in the path, includeExpandedFields in the query, requestBody as the body", async () => {
    const { dub, sent } = stubClient({ status: 200, body: customer() });
    await dub.customers.update({ id: "ext_user_42", includeExpandedFields: false, requestBody: { name: "Kim", externalId: "user_42" } });
    expect(sent[0]!).toMatchObject({ method: "PATCH", url: `${SERVER_URL}/customers/ext_user_42?includeExpandedFields=false`, body: '{"name":"Kim","externalId":"user_42"}' });
  });

  it("update without a requestBody sends {} (the server refuses a PATCH without JSON)", async () => {
    const { dub, sent } = stubClient({ status: 200, body: customer() });
    await dub.customers.update({ id: "cus_1" });
    expect(sent[0]!.body).toBe("{}");
  });

  it("delete takes the bare ID, as the official SDK", async () => {
    const { dub, sent } = stubClient({ status: 200, body: { id: "cus_1" } });
    await expect(dub.customers.delete("ext_user_42")).resolves.toEqual({ id: "cus_1" });
    expect(sent[0]!).toMatchObject({ method: "DELETE", url: `${SERVER_URL}/customers/ext_user_42`, body: undefined });
  });

  it.each([
    ["get", (dub: Dub) => dub.customers.get({ id: "" }), ["id"]],
    ["get with an unknown field", (dub: Dub) => dub.customers.get({ id: "cus_1", expand: true } as never), []],
    ["get with a dot segment", (dub: Dub) => dub.customers.get({ id: ".." }), ["id"]],
    ["delete of an empty ID", (dub: Dub) => dub.customers.delete(""), []],
    ["delete of a dot segment", (dub: Dub) => dub.customers.delete("."), ["id"]],
    ["delete of an object (the official SDK takes the bare ID)", (dub: Dub) => dub.customers.delete({ id: "cus_1" } as never), []],
    ["update with an invalid email", (dub: Dub) => dub.customers.update({ id: "cus_1", requestBody: { email: "kim@" } }), ["requestBody", "email"]],
    ["update with an unknown body field", (dub: Dub) => dub.customers.update({ id: "cus_1", requestBody: { sales: 3 } as never }), ["requestBody"]],
  ] as const)("%s is refused before sending", async (_name, call, path) => {
    const { dub, fetch } = stubClient({ status: 200, body: customer() });
    const error = await call(dub).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).issues.map((i) => i.path)).toContainEqual(path);
    expect(fetch).not.toHaveBeenCalled();
  });
});
