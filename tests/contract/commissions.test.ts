/**
 * Request contract of `commissions.create` (the spec's three variants, in the deprecated shape
 * and in the newer one of `dub` 0.73.5), `commissions.update` and `commissions.updateMany`:
 * bodies that validate against the spec, every constraint refused before anything is sent, with
 * its path.
 */
import { describe, expect, it } from "vitest";
import {
  type BulkUpdateCommissionsRequestBody,
  type CreateCommissionRequestBody,
  type Dub,
  SDKValidationError,
  type UpdateCommissionRequest,
} from "../../src/index.js";
import { bodySuite, type InvalidCase, type ValidCase } from "./body-suite.js";
import { deref, propertyNames, requestSchema, responseSchema, sampleFromSchema, stubClient } from "./spec.js";

const CREATE = {
  sdkName: "commissions.create",
  operationId: "createCommission",
  status: 202,
  reply: () => ({ success: true, message: "Your commissions are being created and will appear shortly." }),
  call: (dub: Dub, input: CreateCommissionRequestBody) => dub.commissions.create(input),
} as const;

const customer = { externalId: "user_42", country: "US" };
const FULL_CUSTOMER = {
  email: "kim@example.com",
  name: "Kim Lee",
  avatar: "https://acme.com/avatars/kim.png",
  externalId: "user_42",
  stripeCustomerId: "cus_QxYz2Ab3Cd4Ef5",
  country: "US",
};

const FULL_CUSTOM = { type: "custom", partnerId: "pn_1", amount: 2500, date: "2026-11-01T00:00:00.000Z", description: "Conference talk" } as const;
const FULL_LEAD_OLD = {
  type: "lead",
  partnerId: "pn_1",
  customerId: null,
  customer: FULL_CUSTOMER,
  linkId: "link_1",
  leadEventDate: "2026-11-01T00:00:00.000Z",
  leadEventName: "Sign up",
} as const;
const FULL_SALE_OLD = {
  type: "sale",
  partnerId: "pn_1",
  customerId: "cus_1",
  customer: null,
  linkId: "link_1",
  importStripeInvoices: false,
  saleAmount: 12_900,
  saleEventDate: "2026-11-01T00:00:00.000Z",
  invoiceId: "in_1QxYz2Ab3Cd4Ef5G",
  productId: "prod_pro",
} as const;

const CREATE_VALID: ValidCase<CreateCommissionRequestBody>[] = [
  { name: "custom: every field", input: FULL_CUSTOM },
  { name: "custom: the required fields", input: { type: "custom", partnerId: "pn_1", amount: 100 } },
  { name: "a clawback with its reason", input: { type: "custom", partnerId: "pn_1", amount: -2500, description: "order_canceled" } },
  { name: "custom: a description of 190 characters", input: { type: "custom", partnerId: "pn_1", amount: 1, description: "d".repeat(190), date: null } },
  { name: "lead (spec shape): every field", input: FULL_LEAD_OLD },
  { name: "lead: an existing customer", input: { type: "lead", partnerId: "pn_1", customerId: "cus_1" } },
  { name: "lead: a customer with only the required fields", input: { type: "lead", partnerId: "pn_1", customer } },
  {
    name: "lead (dub 0.73.5 shape): date and lead",
    input: { type: "lead", partnerId: "pn_1", customerId: "cus_1", date: "2026-11-01", lead: { eventName: "Trial started", metadata: { plan: "pro" } } },
    newer: ["date", "lead"],
  },
  { name: "sale (spec shape): every field", input: FULL_SALE_OLD },
  { name: "sale: importing Stripe invoices", input: { type: "sale", partnerId: "pn_1", customerId: "cus_1", importStripeInvoices: true } },
  {
    name: "sale (dub 0.73.5 shape): every field of sale",
    input: {
      type: "sale",
      partnerId: "pn_1",
      customer: FULL_CUSTOMER,
      date: "2026-11-01T00:00:00.000Z",
      sale: { amount: 12_900, currency: "usd", eventName: "Invoice paid", paymentProcessor: "lemonsqueezy", invoiceId: "in_1QxYz2Ab3Cd4Ef5G", metadata: { productId: "prod_pro" } },
    },
    newer: ["date", "sale"],
  },
  { name: "sale (dub 0.73.5 shape): only sale.amount", input: { type: "sale", partnerId: "pn_1", customerId: "cus_1", sale: { amount: 500 } }, newer: ["sale"] },
  {
    name: "sale: both shapes at once (the deprecated amount as a fallback)",
    input: { type: "sale", partnerId: "pn_1", customerId: "cus_1", saleAmount: 500, sale: { invoiceId: "in_2" } },
    newer: ["sale"],
  },
];

const CREATE_INVALID: InvalidCase[] = [
  { name: "no type", input: { partnerId: "pn_1", amount: 100 }, path: ["type"], specRejects: true },
  { name: 'type "bounty"', input: { type: "bounty", partnerId: "pn_1", amount: 100 }, path: ["type"], specRejects: true },
  { name: "custom without an amount", input: { type: "custom", partnerId: "pn_1" }, path: ["amount"], specRejects: true },
  { name: "custom without a partnerId", input: { type: "custom", amount: 100 }, path: ["partnerId"], specRejects: true },
  { name: "custom: an amount as a string", input: { type: "custom", partnerId: "pn_1", amount: "100" }, path: ["amount"], specRejects: true },
  { name: "custom: a description of 191 characters", input: { type: "custom", partnerId: "pn_1", amount: 1, description: "d".repeat(191) }, path: ["description"], specRejects: true },
  { name: "a clawback without a description", input: { type: "custom", partnerId: "pn_1", amount: -100 }, path: ["description"], specRejects: false },
  { name: "a clawback with a blank description", input: { type: "custom", partnerId: "pn_1", amount: -100, description: "  " }, path: ["description"], specRejects: false },
  { name: "custom with a sale field", input: { type: "custom", partnerId: "pn_1", amount: 100, saleAmount: 100 }, path: [], specRejects: true },
  { name: "lead with a customer missing its country", input: { type: "lead", partnerId: "pn_1", customer: { externalId: "user_42" } }, path: ["customer", "country"], specRejects: true },
  {
    name: "lead with an invalid customer email",
    input: { type: "lead", partnerId: "pn_1", customer: { ...customer, email: "kim@" } },
    path: ["customer", "email"],
    specRejects: true,
  },
  {
    name: "lead with a customer avatar that is not a URI",
    input: { type: "lead", partnerId: "pn_1", customer: { ...customer, avatar: "kim.png" } },
    path: ["customer", "avatar"],
    specRejects: true,
  },
  { name: "lead with an invoiceId (only sales have one)", input: { type: "lead", partnerId: "pn_1", customerId: "cus_1", invoiceId: "in_1" }, path: [], specRejects: true },
  { name: "sale without an amount", input: { type: "sale", partnerId: "pn_1", customerId: "cus_1" }, path: ["saleAmount"], specRejects: false },
  { name: "sale (dub 0.73.5 shape) without sale.amount", input: { type: "sale", partnerId: "pn_1", customerId: "cus_1", sale: { invoiceId: "in_1" } }, path: ["sale", "amount"], specRejects: false, newer: ["sale"] },
  { name: "sale: a saleAmount as a string", input: { type: "sale", partnerId: "pn_1", customerId: "cus_1", saleAmount: "10" }, path: ["saleAmount"], specRejects: true },
  {
    name: 'sale: sale.paymentProcessor "gumroad"',
    input: { type: "sale", partnerId: "pn_1", customerId: "cus_1", sale: { amount: 1, paymentProcessor: "gumroad" } },
    path: ["sale", "paymentProcessor"],
    specRejects: false, newer: ["sale"],
  },
  {
    name: "sale: sale.metadata of 10,001 characters as JSON",
    input: { type: "sale", partnerId: "pn_1", customerId: "cus_1", sale: { amount: 1, metadata: { k: "v".repeat(10_001 - 8) } } },
    path: ["sale", "metadata"],
    specRejects: false, newer: ["sale"],
  },
  { name: "sale: an unknown field in sale", input: { type: "sale", partnerId: "pn_1", customerId: "cus_1", sale: { amount: 1, quantity: 2 } }, path: ["sale"], specRejects: false, newer: ["sale"] },
  { name: "sale: importStripeInvoices as a string", input: { type: "sale", partnerId: "pn_1", customerId: "cus_1", importStripeInvoices: "yes" }, path: ["importStripeInvoices"], specRejects: true },
];

bodySuite(CREATE, CREATE_VALID, CREATE_INVALID);

describe("commissions.create lists every problem of a body at once", () => {
  it("field problems of the variant, and the rules across fields", async () => {
    const { dub, fetch } = stubClient({ status: 202, body: CREATE.reply() });
    const error = (await dub.commissions
      .create({ type: "custom", partnerId: 7, amount: -5, date: 1 } as never)
      .then(() => undefined, (e: unknown) => e)) as SDKValidationError;
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining([["partnerId"], ["date"], ["description"]]));
    expect(error.message).toMatch(/description: is required for a clawback/);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("the create cases cover the spec's variants", () => {
  const variants = deref(requestSchema("createCommission")).oneOf!.map((v) => deref(v));
  it.each([
    ["custom", FULL_CUSTOM, 0],
    ["lead", FULL_LEAD_OLD, 1],
    ["sale", FULL_SALE_OLD, 2],
  ] as const)("%s: one case sets every property of the spec's variant", (_type, full, index) => {
    expect(Object.keys(full).sort()).toEqual(propertyNames(variants[index]!).all.sort());
  });

  it("every customer property of the spec is sent", () => {
    expect(Object.keys(FULL_CUSTOMER).sort()).toEqual(Object.keys(variants[1]!.properties!.customer!.properties!).sort());
  });
});

const UPDATE = {
  sdkName: "commissions.update",
  operationId: "updateCommission",
  status: 200,
  reply: () => sampleFromSchema(responseSchema("updateCommission", "200")),
  call: (dub: Dub, input: UpdateCommissionRequest) => dub.commissions.update(input),
  bodyOf: (input: UpdateCommissionRequest) => input.requestBody,
  target: (input: UpdateCommissionRequest) => `/commissions/${encodeURIComponent(input.id)}`,
} as const;

const FULL_UPDATE = { earnings: 990, saleAmount: 9900, modifySaleAmount: -100, currency: "eur", status: "pending", amount: 9900, modifyAmount: -100 } as const;

bodySuite(
  UPDATE,
  [
    { name: "every field", input: { id: "cm_1", requestBody: FULL_UPDATE } },
    ...(["pending", "refunded", "duplicate", "canceled", "fraud"] as const).map((status) => ({ name: `status ${status}`, input: { id: "cm_1", requestBody: { status } } })),
    { name: "amounts of 0", input: { id: "cm_1", requestBody: { saleAmount: 0, earnings: 0 } } },
    { name: "a negative delta", input: { id: "cm_1", requestBody: { modifySaleAmount: -2500 } } },
    { name: "an ID that needs encoding", input: { id: "cm_1/../x", requestBody: { status: "refunded" } } },
  ],
  [
    { name: "an empty ID", input: { id: "", requestBody: { status: "refunded" } }, path: ["id"], specRejects: false },
    { name: 'status "paid" (the server sets it)', input: { id: "cm_1", requestBody: { status: "paid" } }, path: ["requestBody", "status"], specRejects: true },
    { name: "a negative saleAmount", input: { id: "cm_1", requestBody: { saleAmount: -1 } }, path: ["requestBody", "saleAmount"], specRejects: true },
    { name: "negative earnings", input: { id: "cm_1", requestBody: { earnings: -1 } }, path: ["requestBody", "earnings"], specRejects: true },
    { name: "a negative deprecated amount", input: { id: "cm_1", requestBody: { amount: -1 } }, path: ["requestBody", "amount"], specRejects: true },
    { name: "an undocumented field", input: { id: "cm_1", requestBody: { description: "x" } }, path: ["requestBody"], specRejects: true },
  ],
);

describe("commissions.update without a requestBody", () => {
  it("sends an empty JSON object (the server refuses a PATCH without JSON)", async () => {
    const { dub, sent } = stubClient({ status: 200, body: UPDATE.reply() });
    await dub.commissions.update({ id: "cm_1" });
    expect(sent[0]!.body).toBe("{}");
  });

  it("the cases set every property of the spec", () => {
    expect(Object.keys(FULL_UPDATE).sort()).toEqual(propertyNames(requestSchema("updateCommission")).all.sort());
  });
});

const UPDATE_MANY = {
  sdkName: "commissions.updateMany",
  operationId: "bulkUpdateCommissions",
  status: 200,
  reply: () => [{ id: "cm_1", status: "fraud" }],
  call: (dub: Dub, input: BulkUpdateCommissionsRequestBody) => dub.commissions.updateMany(input),
} as const;

const ids = (n: number) => Array.from({ length: n }, (_, i) => `cm_${i}`);

bodySuite(
  UPDATE_MANY,
  [
    { name: "one ID", input: { commissionIds: ["cm_1"], status: "fraud" } },
    { name: "100 IDs", input: { commissionIds: ids(100), status: "refunded" } },
    ...(["pending", "duplicate", "canceled"] as const).map((status) => ({ name: `status ${status}`, input: { commissionIds: ["cm_1"], status } })),
  ],
  [
    { name: "no IDs", input: { commissionIds: [], status: "fraud" }, path: ["commissionIds"], specRejects: true },
    { name: "101 IDs", input: { commissionIds: ids(101), status: "fraud" }, path: ["commissionIds"], specRejects: true },
    { name: "an ID twice (the server refuses it)", input: { commissionIds: ["cm_1", "cm_1"], status: "fraud" }, path: ["commissionIds"], specRejects: false },
    { name: "no status", input: { commissionIds: ["cm_1"] }, path: ["status"], specRejects: true },
    { name: 'status "processed"', input: { commissionIds: ["cm_1"], status: "processed" }, path: ["status"], specRejects: true },
    { name: "an ID that is not a string", input: { commissionIds: [1], status: "fraud" }, path: ["commissionIds", 0], specRejects: true },
  ],
);
