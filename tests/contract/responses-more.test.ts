/**
 * Response contract of list, retrieveLinks, analytics, ban, deactivate and the applications'
 * operations: every spec-valid response (and what the API may add later) parses through the SDK
 * with the same data, the SDK's models name exactly the spec's properties, and a 2XX body that
 * lacks a required field is a `ResponseValidationError` carrying the raw text.
 */
import { describe, expect, it } from "vitest";
import { type Dub, ResponseValidationError } from "../../src/index.js";
import { createPartnerResponseSchema, partnerLinkSchema } from "../../src/models/partner.js";
import { partnerIdResponseSchema } from "../../src/models/partner-identity.js";
import { partnerAnalyticsDataSchemas } from "../../src/operations/partners/analytics.js";
import { declared } from "../helpers/declarations.js";
import { examplePartner } from "../../src/testing/fixtures.js";
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
  /** The published schema of the 200 body (for analytics: one branch of its anyOf). */
  readonly schema: OasSchema;
  /** The SDK's schema of one item (of the body when it is not an array). */
  readonly model: unknown;
  readonly call: (dub: Dub) => Promise<unknown>;
  /** What the call resolves with for `body`. */
  readonly expected: (body: unknown) => unknown;
  /** Deprecated properties the spec requires that the SDK deliberately lets be absent. */
  readonly toleratedAbsent?: readonly string[];
}

const same = (body: unknown) => body;
const analyticsBranch = (i: number) => deref(deref(responseSchema("retrievePartnerAnalytics", "200")).anyOf![i]!);
const object = (operationId: AnyOperationId) => responseSchema(operationId, "200");

const CASES: readonly ResponseCase[] = [
  {
    name: "partners.list",
    operationId: "listPartners",
    schema: object("listPartners"),
    model: createPartnerResponseSchema,
    call: (dub) => dub.partners.list(),
    expected: same,
  },
  {
    name: "partners.retrieveLinks",
    operationId: "retrievePartnerLinks",
    schema: object("retrievePartnerLinks"),
    model: partnerLinkSchema,
    call: (dub) => dub.partners.retrieveLinks({ partnerId: "pn_1" }),
    expected: same,
  },
  {
    name: "partners.analytics, groupBy count",
    operationId: "retrievePartnerAnalytics",
    schema: analyticsBranch(0),
    model: partnerAnalyticsDataSchemas.count,
    call: (dub) => dub.partners.analytics({ partnerId: "pn_1" }),
    expected: same,
  },
  {
    name: "partners.analytics, groupBy timeseries",
    operationId: "retrievePartnerAnalytics",
    schema: analyticsBranch(1),
    model: partnerAnalyticsDataSchemas.timeseries,
    call: (dub) => dub.partners.analytics({ partnerId: "pn_1", groupBy: "timeseries" }),
    expected: same,
  },
  {
    name: "partners.analytics, groupBy top_links",
    operationId: "retrievePartnerAnalytics",
    schema: analyticsBranch(2),
    model: partnerAnalyticsDataSchemas.top_links,
    call: (dub) => dub.partners.analytics({ tenantId: "user_42", groupBy: "top_links" }),
    expected: same,
    toleratedAbsent: ["link"],
  },
  {
    name: "partners.ban",
    operationId: "banPartner",
    schema: object("banPartner"),
    model: partnerIdResponseSchema,
    call: (dub) => dub.partners.ban({ partnerId: "pn_1", reason: "fraud" }),
    expected: same,
  },
  {
    name: "partners.deactivate",
    operationId: "deactivatePartner",
    schema: object("deactivatePartner"),
    model: partnerIdResponseSchema,
    call: (dub) => dub.partners.deactivate({ partnerId: "pn_1" }),
    expected: same,
  },
  {
    name: "partnerApplications.list",
    operationId: "listPartnerApplications",
    schema: object("listPartnerApplications"),
    model: declared("listPartnerApplications").declaration.response,
    call: (dub) => dub.partnerApplications.list(),
    expected: same,
  },
  {
    name: "partnerApplications.approve",
    operationId: "approvePartnerApplication",
    schema: object("approvePartnerApplication"),
    model: partnerIdResponseSchema,
    call: (dub) => dub.partnerApplications.approve({ partnerId: "pn_1" }),
    expected: same,
  },
  {
    name: "partnerApplications.reject",
    operationId: "rejectPartnerApplication",
    schema: object("rejectPartnerApplication"),
    model: partnerIdResponseSchema,
    call: (dub) => dub.partnerApplications.reject({ partnerId: "pn_1" }),
    expected: same,
  },
];

/** The property names of a zod/mini object schema, looking through arrays and pipes. */
function modelKeys(schema: unknown): string[] {
  let def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
  while (def.type === "array" || def.type === "pipe") def = ((def.type === "array" ? def.element : def.in) as { _zod: { def: Record<string, unknown> } })._zod.def;
  return Object.keys(def.shape as object);
}

async function respond(c: ResponseCase, body: unknown): Promise<{ value?: unknown; error?: unknown }> {
  const { dub, fetch } = stubClient({ status: 200, body });
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
  expect(value).toStrictEqual(c.expected(body));
}

/** The first item of an array body, or the body itself. */
const itemOf = (body: unknown) => (Array.isArray(body) ? body[0] : body) as Body;
const itemPath = (body: unknown, prop: string) => (Array.isArray(body) ? [0, prop] : [prop]);

describe.each(CASES)("$name ($operationId 200)", (c) => {
  const validate = responseValidator(c.operationId, "200");
  const itemSchema = deref(c.schema).items ?? c.schema;
  const { all, required } = propertyNames(itemSchema);
  const full = () => sampleFromSchema(c.schema);

  it("the SDK's model names exactly the spec's properties", () => {
    expect(modelKeys(c.model).sort()).toEqual([...all].sort());
  });

  it.each([
    ["every property present", full],
    ["every nullable field null", () => withNullablesNull(c.schema, full())],
    ["optional fields absent", () => withoutOptionals(c.schema, full())],
    ["optional fields absent and nullable fields null", () => withNullablesNull(c.schema, withoutOptionals(c.schema, full()))],
  ] as const)("%s: valid, and parses with the same data", async (_name, make) => {
    const body = make();
    expectValid(validate, body);
    await expectParsesUnchanged(c, body);
  });

  if (deref(c.schema).type === "array") {
    it("an empty array parses", async () => {
      expectValid(validate, []);
      await expectParsesUnchanged(c, []);
    });
  }

  const enforced = required.filter((p) => !(c.toleratedAbsent ?? []).includes(p));
  it.each(enforced)("without %s: ResponseValidationError with the raw body", async (prop) => {
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

  it("the deprecated-but-required properties are exactly those the SDK tolerates missing", () => {
    const deprecated = required.filter((p) => deref(itemSchema).properties![p]!.deprecated === true);
    expect(deprecated.sort()).toEqual([...(c.toleratedAbsent ?? [])].sort());
  });

  it.each((c.toleratedAbsent ?? []).map((p) => [p]))("without the deprecated %s (tolerated by design)", async (prop) => {
    const body = full();
    delete itemOf(body)[prop];
    await expectParsesUnchanged(c, body);
  });

  it("unknown fields are kept as sent", async () => {
    const body = full();
    itemOf(body).addedLater = { nested: [1, "two"] };
    expectInvalid(validate, body);
    await expectParsesUnchanged(c, body);
  });
});

describe("what the API may add later parses through", () => {
  const list = CASES.find((c) => c.operationId === "listPartners")!;
  const applications = CASES.find((c) => c.operationId === "listPartnerApplications")!;

  const mutations: [string, (p: Body) => void][] = [
    ['status "paused"', (p) => void (p.status = "paused")],
    ['bannedReason "chargebacks"', (p) => void (p.bannedReason = "chargebacks")],
    ['networkStatus "suspended"', (p) => void (p.networkStatus = "suspended")],
  ];
  it.each(mutations)("partners.list: unknown enum value %s", async (_name, mutate) => {
    const body = [examplePartner(), examplePartner({ id: "pn_2", partnerId: "pn_2" })] as unknown as Body[];
    mutate(body[1]!);
    await expectParsesUnchanged(list, body);
  });

  it('partnerApplications.list: unknown partner status "waitlisted" and extra partner fields', async () => {
    const body = sampleFromSchema(applications.schema) as Body[];
    const partner = body[0]!.partner as Body;
    partner.status = "waitlisted";
    partner.bannedAt = null;
    expectInvalid(responseValidator("listPartnerApplications", "200"), body);
    await expectParsesUnchanged(applications, body);
  });
});

describe("partners.analytics: any of the spec's three shapes is read, whatever groupBy asked for", () => {
  const [count, timeseries] = [CASES[2]!, CASES[3]!];

  it("asked for count, got the timeseries array: returned as sent", async () => {
    const body = sampleFromSchema(analyticsBranch(1));
    expectValid(responseValidator("retrievePartnerAnalytics", "200"), body);
    const { value: result, error } = await respond(count, body);
    expect(error).toBeUndefined();
    expect(result).toEqual(body);
  });

  it("asked for timeseries, got the totals object: returned as sent", async () => {
    const body = sampleFromSchema(analyticsBranch(0));
    const { value: result, error } = await respond(timeseries, body);
    expect(error).toBeUndefined();
    expect(result).toEqual(body);
  });

  it("a body of none of the three shapes is refused", async () => {
    const body = [{ start: 1 }];
    expectInvalid(responseValidator("retrievePartnerAnalytics", "200"), body);
    const { error } = await respond(count, body);
    expect(error).toBeInstanceOf(ResponseValidationError);
  });

  it("the spec's anyOf has the totals object first, then the two arrays", () => {
    expect([0, 1, 2].map((i) => analyticsBranch(i).type)).toEqual(["object", "array", "array"]);
    expect(deref(analyticsBranch(1).items!).title).toBe("PartnerAnalyticsTimeseries");
    expect(deref(analyticsBranch(2).items!).title).toBe("PartnerAnalyticsTopLinks");
  });
});
