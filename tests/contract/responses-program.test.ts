/**
 * Response contract of the conversion, customer, commission and payout operations: every
 * spec-valid response (and what the API may add later: new fields, new enum values) parses
 * through the SDK with the same data, the SDK's models name the spec's properties (plus the
 * newer ones of `dub` 0.73.5), and a 2XX body that lacks a required field is a
 * `ResponseValidationError` carrying the raw text.
 */
import { describe, expect, it } from "vitest";
import { type Dub, ResponseValidationError } from "../../src/index.js";
import { declared } from "../helpers/declarations.js";
import {
  type AnyOperationId,
  deref,
  expectInvalid,
  expectValid,
  type OasSchema,
  propertyNames,
  responseSchema,
  responseValidator,
  sampleFromSchema,
  stubClient,
  withNullablesNull,
  withoutOptionals,
} from "./spec.js";

type Body = Record<string, unknown>;

interface ResponseCase {
  readonly name: string;
  readonly operationId: AnyOperationId;
  readonly status: string;
  readonly call: (dub: Dub) => Promise<unknown>;
  /** Properties the SDK's model has beyond the spec: the newer fields of `dub` 0.73.5. */
  readonly newer?: readonly string[];
}

const CASES: readonly ResponseCase[] = [
  { name: "track.lead", operationId: "trackLead", status: "200", call: (dub) => dub.track.lead({ clickId: "c", eventName: "Sign up", customerExternalId: "user_42" }) },
  { name: "track.sale", operationId: "trackSale", status: "200", call: (dub) => dub.track.sale({ customerExternalId: "user_42", amount: 100 }) },
  { name: "track.open", operationId: "trackOpen", status: "200", call: (dub) => dub.track.open({ deepLink: "https://acme.link/spring" }) },
  { name: "customers.list", operationId: "getCustomers", status: "200", call: (dub) => dub.customers.list() },
  { name: "customers.get", operationId: "getCustomer", status: "200", call: (dub) => dub.customers.get({ id: "cus_1" }) },
  { name: "customers.update", operationId: "updateCustomer", status: "200", call: (dub) => dub.customers.update({ id: "cus_1", requestBody: { name: "Kim" } }) },
  { name: "customers.delete", operationId: "deleteCustomer", status: "200", call: (dub) => dub.customers.delete("cus_1") },
  {
    name: "commissions.create",
    operationId: "createCommission",
    status: "202",
    call: (dub) => dub.commissions.create({ type: "custom", partnerId: "pn_1", amount: 100 }),
  },
  { name: "commissions.list", operationId: "listCommissions", status: "200", call: (dub) => dub.commissions.list(), newer: ["metadata"] },
  {
    name: "commissions.update",
    operationId: "updateCommission",
    status: "200",
    call: (dub) => dub.commissions.update({ id: "cm_1", requestBody: { status: "refunded" } }),
    newer: ["metadata"],
  },
  {
    name: "commissions.updateMany",
    operationId: "bulkUpdateCommissions",
    status: "200",
    call: (dub) => dub.commissions.updateMany({ commissionIds: ["cm_1"], status: "fraud" }),
  },
  { name: "payouts.list", operationId: "listPayouts", status: "200", call: (dub) => dub.payouts.list() },
];

/** The property names of a zod/mini object schema, looking through arrays. */
function modelKeys(schema: unknown): string[] {
  let def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
  while (def.type === "array") def = (def.element as { _zod: { def: Record<string, unknown> } })._zod.def;
  return Object.keys(def.shape as object);
}

async function respond(c: ResponseCase, body: unknown): Promise<{ value?: unknown; error?: unknown }> {
  const { dub, fetch } = stubClient({ status: Number(c.status), body });
  try {
    return { value: await c.call(dub) };
  } catch (error) {
    return { error };
  } finally {
    expect(fetch).toHaveBeenCalledTimes(1);
  }
}

async function expectParsesUnchanged(c: ResponseCase, body: unknown): Promise<void> {
  const { value, error } = await respond(c, body);
  expect(error).toBeUndefined();
  expect(value).toStrictEqual(body);
}

const itemOf = (body: unknown) => (Array.isArray(body) ? body[0] : body) as Body;
const itemPath = (body: unknown, prop: string) => (Array.isArray(body) ? [0, prop] : [prop]);

describe.each(CASES)("$name ($operationId $status)", (c) => {
  const schema = responseSchema(c.operationId, c.status);
  const validate = responseValidator(c.operationId, c.status);
  const itemSchema = deref(schema).items ?? schema;
  const { all, required } = propertyNames(itemSchema);
  const full = () => sampleFromSchema(schema);

  it("the SDK's model names the spec's properties, and the newer ones", () => {
    expect(modelKeys(declared(c.operationId as never).declaration.response).sort()).toEqual([...all, ...(c.newer ?? [])].sort());
  });

  it.each([
    ["every property present", full],
    ["every nullable field null", () => withNullablesNull(schema, full())],
    ["optional fields absent", () => withoutOptionals(schema, full())],
    ["optional fields absent and nullable fields null", () => withNullablesNull(schema, withoutOptionals(schema, full()))],
  ] as const)("%s: valid, and parses with the same data", async (_name, make) => {
    const body = make();
    expectValid(validate, body);
    await expectParsesUnchanged(c, body);
  });

  if (deref(schema).type === "array") {
    it("an empty array parses", async () => {
      await expectParsesUnchanged(c, []);
    });
  }

  it.each(required)("without %s: ResponseValidationError with the raw body", async (prop) => {
    const body = full();
    delete itemOf(body)[prop];
    expectInvalid(validate, body);
    const raw = JSON.stringify(body, null, 2);
    const { value, error } = await respond(c, raw);
    expect(value).toBeUndefined();
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).body).toBe(raw);
    expect((error as ResponseValidationError).issues.map((i) => i.path)).toContainEqual(itemPath(body, prop));
  });

  it("unknown fields are kept as sent, at the top and nested", async () => {
    const body = full();
    const item = itemOf(body);
    item.addedLater = { nested: [1, "two"] };
    for (const value of Object.values(item)) if (typeof value === "object" && value !== null && !Array.isArray(value)) (value as Body).alsoNew = true;
    expectInvalid(validate, body);
    await expectParsesUnchanged(c, body);
  });
});

describe("what the API may add later parses through", () => {
  const byId = (id: AnyOperationId) => CASES.find((c) => c.operationId === id)!;
  const sampled = (id: AnyOperationId, status = "200") => sampleFromSchema(responseSchema(id, status)) as Body[];

  it.each([
    ["a new commission type and status", (c: Body) => Object.assign(c, { type: "bounty", status: "clawed_back" })],
    ["the newer paidAt, type and metadata of dub 0.73.5", (c: Body) => Object.assign(c, { paidAt: "2026-12-01T00:00:00.000Z", type: "sale", metadata: { plan: "pro", seats: 3 } })],
    ["metadata null", (c: Body) => Object.assign(c, { metadata: null })],
    ["status hold", (c: Body) => Object.assign(c, { status: "hold" })],
  ] as const)("commissions.list: %s", async (_name, mutate) => {
    const body = sampled("listCommissions");
    mutate(body[0]!);
    await expectParsesUnchanged(byId("listCommissions"), body);
  });

  it("commissions.list: metadata that is not an object is refused, with the raw body", async () => {
    const body = sampled("listCommissions");
    body[0]!.metadata = "plan=pro";
    const { error } = await respond(byId("listCommissions"), body);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.map((i) => i.path)).toContainEqual([0, "metadata"]);
  });

  it("payouts.list: a new status, mode and payout method", async () => {
    const body = sampled("listPayouts");
    Object.assign(body[0]!, { status: "scheduled", mode: "hybrid", method: "wise" });
    (body[0]!.partner as Body).defaultPayoutMethod = "wise";
    expectInvalid(responseValidator("listPayouts", "200"), body);
    await expectParsesUnchanged(byId("listPayouts"), body);
  });

  it("customers.get: a new discount type", async () => {
    const body = sampleFromSchema(responseSchema("getCustomer", "200")) as Body;
    (body.discount as Body).type = "free_trial";
    expectInvalid(responseValidator("getCustomer", "200"), body);
    await expectParsesUnchanged(byId("getCustomer"), body);
  });

  it("commissions.updateMany: a new status", async () => {
    const body = [{ id: "cm_1", status: "clawed_back" }];
    await expectParsesUnchanged(byId("bulkUpdateCommissions"), body);
  });

  it("track.sale: a payment processor the SDK does not know, and a sale that recorded nothing", async () => {
    const body = sampleFromSchema(responseSchema("trackSale", "200")) as Body;
    (body.sale as Body).paymentProcessor = "gumroad";
    await expectParsesUnchanged(byId("trackSale"), body);
    await expectParsesUnchanged(byId("trackSale"), { eventName: "Purchase", customer: null, sale: null });
  });
});
