/**
 * Response contract: the fixtures are spec-valid, every spec-valid response (and what the API
 * may add later: new fields, new enum values) parses through the SDK unchanged, and a 2XX body
 * that lacks a required field is a `ResponseValidationError` carrying the raw text.
 */
import { describe, expect, it } from "vitest";
import { type Dub, ResponseValidationError } from "../../src/index.js";
import { linkSchema } from "../../src/models/link.js";
import { createPartnerResponseSchema } from "../../src/models/partner.js";
import { exampleLink, examplePartner } from "../../src/testing/fixtures.js";
import {
  conversionNotes,
  deref,
  expectInvalid,
  expectValid,
  type OperationId,
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
  readonly sdkName: string;
  readonly operationId: OperationId;
  readonly status: number;
  readonly fixture: () => Body;
  readonly model: unknown;
  readonly call: (dub: Dub) => Promise<unknown>;
}

const CASES: readonly ResponseCase[] = [
  {
    sdkName: "partners.create",
    operationId: "createPartner",
    status: 201,
    fixture: () => examplePartner() as unknown as Body,
    model: createPartnerResponseSchema,
    call: (dub) => dub.partners.create({ email: "kim@example.com" }),
  },
  {
    sdkName: "partners.createLink",
    operationId: "createPartnerLink",
    status: 201,
    fixture: () => exampleLink() as unknown as Body,
    model: linkSchema,
    call: (dub) => dub.partners.createLink({ partnerId: "pn_1" }),
  },
  {
    sdkName: "partners.upsertLink",
    operationId: "upsertPartnerLink",
    status: 200,
    fixture: () => exampleLink() as unknown as Body,
    model: linkSchema,
    call: (dub) => dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }),
  },
];

/** Answers the call with `body` (raw text when a string) and returns what the call settled with. */
async function respond(c: ResponseCase, body: unknown, status = c.status): Promise<{ value?: unknown; error?: unknown }> {
  const { dub, fetch } = stubClient({ status, body });
  try {
    const value = await c.call(dub);
    return { value };
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

const clone = <T>(v: T): T => structuredClone(v);

/** Deprecated properties the spec lists as required that the SDK deliberately lets be absent. */
const TOLERATED_ABSENT: Record<OperationId, readonly string[]> = {
  createPartner: [],
  createPartnerLink: ["tagId", "projectId", "webhookIds"],
  upsertPartnerLink: ["tagId", "projectId", "webhookIds"],
};

describe("the spec as ajv sees it", () => {
  /*
   * The spec renders zod's `.positive()` on the referral form's `constraints.maxLength` (and two
   * query parameters of other operations) as a bare 3.0 `exclusiveMinimum: true` with no
   * `minimum`, which bounds nothing; the conversion drops it. Nothing else may be lost.
   */
  it("converting OpenAPI 3.0 to JSON Schema dropped only bare exclusiveMinimum flags", () => {
    expect(conversionNotes.size).toBeGreaterThan(0);
    for (const note of conversionNotes) expect(note).toMatch(/"exclusiveMinimum: true" without "minimum"/);
    const touched = [...conversionNotes].filter((n) => /^paths\/partners/.test(n) && /\/partners\/links|requestBody/.test(n));
    expect(touched).toEqual([]);
  });
});

describe.each(CASES)("$sdkName ($operationId $status)", (c) => {
  const status = String(c.status);
  const schema: OasSchema = responseSchema(c.operationId, status);
  const validate = responseValidator(c.operationId, status);
  const { all, required } = propertyNames(schema);
  const full = () => sampleFromSchema(schema) as Body;

  describe("fixtures and samples are honest", () => {
    it("the fixture validates against the spec's response schema", () => {
      expectValid(validate, c.fixture(), "fixture");
    });

    it("the fixture parses through the SDK unchanged", async () => {
      await expectParsesUnchanged(c, c.fixture());
    });

    it("the spec-built sample has every property of the schema and validates", () => {
      const sample = full();
      expect(Object.keys(sample)).toEqual(all);
      expect(Object.values(sample)).not.toContain(null);
      expectValid(validate, sample, "spec sample");
    });

    it("the SDK's response model names exactly the spec's properties", () => {
      const shape = (c.model as { shape?: Record<string, unknown> }).shape;
      expect(shape).toBeDefined();
      expect(Object.keys(shape!).sort()).toEqual([...all].sort());
    });
  });

  describe("spec-valid responses parse with the same data", () => {
    const variants: [string, () => Body][] = [
      ["every property present", full],
      ["every nullable field null", () => withNullablesNull(schema, full()) as Body],
      ["nullable fields null inside present nullable objects", () => withNullablesNull(schema, full(), { keepNullableObjects: true }) as Body],
      ["optional fields absent", () => withoutOptionals(schema, full()) as Body],
      ["optional fields absent and nullable fields null", () => withNullablesNull(schema, withoutOptionals(schema, full())) as Body],
      ["the fixture with optional fields absent", () => withoutOptionals(schema, c.fixture()) as Body],
    ];

    it.each(variants)("%s", async (_name, make) => {
      const body = make();
      expectValid(validate, body, "variant");
      await expectParsesUnchanged(c, body);
    });

    it("the variants do what they say", () => {
      const nulls = withNullablesNull(schema, full()) as Body;
      const nullable = all.filter((p) => deref(schema).properties![p]!.nullable === true);
      expect(nullable.length).toBeGreaterThan(0);
      for (const p of nullable) expect(nulls[p], p).toBeNull();
      expect(Object.keys(withoutOptionals(schema, full()) as Body).sort()).toEqual([...required].sort());
    });
  });

  describe("a required field missing or mistyped is a ResponseValidationError with the raw body", () => {
    const deprecatedRequired = required.filter((p) => deref(schema).properties![p]!.deprecated === true);
    const enforced = required.filter((p) => !TOLERATED_ABSENT[c.operationId].includes(p));

    it("the deprecated-but-required properties are exactly those the SDK tolerates missing", () => {
      expect(deprecatedRequired.sort()).toEqual([...TOLERATED_ABSENT[c.operationId]].sort());
    });

    it.each(enforced)("without %s", async (prop) => {
      const body = c.fixture();
      delete body[prop];
      expectInvalid(validate, body);
      const raw = JSON.stringify(body, null, 2); // not what JSON.stringify of the parsed data would give
      const { value, error } = await respond(c, raw);
      expect(value).toBeUndefined();
      expect(error).toBeInstanceOf(ResponseValidationError);
      const e = error as ResponseValidationError;
      expect(e.body).toBe(raw);
      expect(e.statusCode).toBe(c.status);
      expect(e.issues.map((i) => i.path)).toContainEqual([prop]);
    });

    it.each(TOLERATED_ABSENT[c.operationId].map((p) => [p]))("without the deprecated %s (tolerated by design)", async (prop) => {
      const body = c.fixture();
      delete body[prop];
      await expectParsesUnchanged(c, body);
    });

    it("a mistyped required field (a number as a string) is rejected", async () => {
      const body = c.fixture();
      const numeric = required.find((p) => deref(schema).properties![p]!.type === "number")!;
      body[numeric] = "0";
      expectInvalid(validate, body);
      const raw = JSON.stringify(body);
      const { error } = await respond(c, raw);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).body).toBe(raw);
      expect((error as ResponseValidationError).issues.map((i) => i.path)).toContainEqual([numeric]);
    });

    it("null in a required, non-nullable field is rejected", async () => {
      const body = c.fixture();
      body.id = null;
      expectInvalid(validate, body);
      const { error } = await respond(c, body);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).issues.map((i) => i.path)).toContainEqual(["id"]);
    });
  });
});

describe("what the API may add later parses through, kept as sent", () => {
  const [createCase, createLinkCase, upsertCase] = CASES as [ResponseCase, ResponseCase, ResponseCase];
  const partnerSample = () => sampleFromSchema(responseSchema("createPartner", "201")) as Body;
  const linkSample = () => sampleFromSchema(responseSchema("createPartnerLink", "201")) as Body;

  it("partner: unknown fields at the top and inside nested objects", async () => {
    const body = partnerSample();
    body.payoutCurrency = "eur";
    body.futureObject = { nested: [1, "two", { three: null }] };
    (body.links as Body[])[0]!.qrCode = "https://api.dub.co/qr?url=https://acme.link/x";
    (body.tags as Body[])[0]!.color = "green";
    (body.application as Body).reviewer = "user_1";
    ((body.referralFormData as Body).fields as Body[])[0]!.placeholder = "Your answer";
    expectInvalid(responseValidator("createPartner", "201"), body);
    await expectParsesUnchanged(createCase, body);
  });

  it.each([createLinkCase, upsertCase])("link ($sdkName): unknown fields at the top and inside tags and test variants", async (c) => {
    const body = linkSample();
    body.dashboardId = "dash_1";
    (body.tags as Body[])[0]!.createdAt = "2026-11-24T10:00:00.000Z";
    (body.testVariants as Body[])[0]!.clicks = 12;
    expectInvalid(responseValidator(c.operationId, String(c.status)), body);
    await expectParsesUnchanged(c, body);
  });

  const partnerEnums: [string, (b: Body) => void][] = [
    ['defaultPayoutMethod "wise"', (b) => void (b.defaultPayoutMethod = "wise")],
    ['networkStatus "suspended"', (b) => void (b.networkStatus = "suspended")],
    ['status "paused"', (b) => void (b.status = "paused")],
    ['bannedReason "chargebacks"', (b) => void (b.bannedReason = "chargebacks")],
    ['application.rejectionReason "duplicate"', (b) => void ((b.application as Body).rejectionReason = "duplicate")],
    ['referralFormData field type "url"', (b) => void (((b.referralFormData as Body).fields as Body[])[0]!.type = "url")],
  ];

  it.each(partnerEnums)("partner: unknown enum value %s", async (_name, mutate) => {
    const body = partnerSample();
    mutate(body);
    expectInvalid(responseValidator("createPartner", "201"), body);
    await expectParsesUnchanged(createCase, body);
  });

  it("partner: unknown enum value on the fixture (defaultPayoutMethod \"wise\")", async () => {
    const body = examplePartner({ defaultPayoutMethod: "wise" });
    expectInvalid(responseValidator("createPartner", "201"), body);
    await expectParsesUnchanged(createCase, body);
  });

  it.each([createLinkCase, upsertCase])('link ($sdkName): unknown tag color "teal"', async (c) => {
    const body = exampleLink({
      tags: [
        { id: "tag_1", name: "Summer", color: "teal" },
        { id: "tag_2", name: "VIP", color: "red" },
      ],
    });
    expectInvalid(responseValidator(c.operationId, String(c.status)), body);
    await expectParsesUnchanged(c, body);
  });
});
