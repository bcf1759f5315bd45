/**
 * Request contract: what the SDK puts on the wire for `partners.create`, `createLink` and
 * `upsertLink` is the spec's operation (method, path) with a body that validates against the
 * spec's request schema; what breaks a spec constraint is refused before anything is sent.
 */
import { describe, expect, it } from "vitest";
import {
  type CreatePartnerLinkRequestBody,
  type CreatePartnerRequestBody,
  type Dub,
  type LinkProps,
  SDKValidationError,
  type UpsertPartnerLinkRequestBody,
} from "../../src/index.js";
import { declared } from "../helpers/declarations.js";
import { exampleLink, examplePartner } from "../../src/testing/fixtures.js";
import {
  expectInvalid,
  expectValid,
  type OperationId,
  propertyNames,
  requestSchema,
  requestValidator,
  SERVER_URL,
  specOperation,
  stubClient,
  TOKEN,
} from "./spec.js";

// ---------------------------------------------------------------------------------------------
// Operations under test
// ---------------------------------------------------------------------------------------------

interface OperationCase<Body> {
  readonly sdkName: string;
  readonly operationId: OperationId;
  readonly declared: { readonly method: string; readonly path: string };
  readonly status: number;
  readonly reply: () => unknown;
  readonly call: (dub: Dub, body: Body) => Promise<unknown>;
}

const CREATE: OperationCase<CreatePartnerRequestBody> = {
  sdkName: "partners.create",
  operationId: "createPartner",
  declared: declared("createPartner"),
  status: 201,
  reply: () => examplePartner(),
  call: (dub, body) => dub.partners.create(body),
};

const CREATE_LINK: OperationCase<CreatePartnerLinkRequestBody> = {
  sdkName: "partners.createLink",
  operationId: "createPartnerLink",
  declared: declared("createPartnerLink"),
  status: 201,
  reply: () => exampleLink(),
  call: (dub, body) => dub.partners.createLink(body),
};

const UPSERT_LINK: OperationCase<UpsertPartnerLinkRequestBody> = {
  sdkName: "partners.upsertLink",
  operationId: "upsertPartnerLink",
  declared: declared("upsertPartnerLink"),
  status: 200,
  reply: () => exampleLink(),
  call: (dub, body) => dub.partners.upsertLink(body),
};

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const variants = (n: 2 | 3 | 4) =>
  Array.from({ length: n }, (_, i) => ({ url: `https://acme.com/variant-${i + 1}`, percentage: 100 / n }));

/** Every field of `LinkProps`, set. */
function fullLinkProps(testVariantCount: 2 | 4, tagIds: string | string[], tagNames: string | string[]): LinkProps {
  return {
    externalId: "ext_user_42",
    tenantId: "user_42",
    prefix: "/c/",
    archived: false,
    tagIds,
    tagNames,
    comments: "Created by the contract tests",
    expiresAt: "2027-01-01T00:00:00.000Z",
    expiredUrl: "https://acme.com/expired",
    password: "hunter2",
    proxy: true,
    title: "Acme — 20% off",
    description: "Custom link preview description",
    image: "https://acme.com/og.png",
    video: "https://acme.com/og.mp4",
    rewrite: true,
    ios: "https://apps.apple.com/app/acme/id123",
    android: "https://play.google.com/store/apps/details?id=com.acme",
    doIndex: true,
    testVariants: variants(testVariantCount),
    testStartedAt: "2026-12-01T00:00:00.000Z",
    testCompletedAt: "2026-12-31T00:00:00.000Z",
  };
}

/** Every nullable field of `LinkProps`, null. */
const NULL_LINK_PROPS: LinkProps = {
  externalId: null,
  tenantId: null,
  comments: null,
  expiresAt: null,
  expiredUrl: null,
  password: null,
  title: null,
  description: null,
  image: null,
  video: null,
  ios: null,
  android: null,
  testVariants: null,
  testStartedAt: null,
  testCompletedAt: null,
};

/** Boundary values: each at the largest (or smallest) length the spec allows. */
const BOUNDARY_LINK_PROPS: LinkProps = {
  externalId: "e".repeat(255),
  tenantId: "t".repeat(255),
  expiredUrl: "https://acme.com/" + "x".repeat(32_000 - 17),
  ios: "https://acme.com/" + "i".repeat(32_000 - 17),
  android: "https://acme.com/" + "a".repeat(32_000 - 17),
  testVariants: [
    { url: "https://acme.com/a", percentage: 10 },
    { url: "https://acme.com/b", percentage: 90 },
  ],
};

const emailOfLength = (n: number) => "k".repeat(n - "@example.com".length) + "@example.com";

function fullCreatePartner(testVariantCount: 2 | 4, tagIds: string | string[]): CreatePartnerRequestBody {
  return {
    email: "kim@example.com",
    name: "Kim Lee",
    username: "kimlee",
    image: "https://acme.com/avatars/kim.png",
    tenantId: "user_42",
    groupId: "grp_1JZ0XK9P5R1S7T3U9V5W1X7Y3Z",
    country: "US",
    description: "Writes about developer tools.",
    linkProps: fullLinkProps(testVariantCount, tagIds, Array.isArray(tagIds) ? "summer" : ["summer", "vip"]),
  };
}

function fullLink(testVariantCount: 2 | 4, tagIds: string | string[]): CreatePartnerLinkRequestBody & UpsertPartnerLinkRequestBody {
  return {
    partnerId: "pn_1JZ0XK7N3Q9R5S8T2U4V6W8X0Y",
    tenantId: "user_42",
    url: "https://acme.com/pricing",
    key: "kim-pricing",
    comments: "Pricing page link",
    linkProps: fullLinkProps(testVariantCount, tagIds, Array.isArray(tagIds) ? "summer" : ["summer", "vip"]),
  };
}

interface ValidCase<Body> {
  readonly name: string;
  readonly input: Body;
  /** The body expected on the wire; by default the input without the legacy fields. */
  readonly wire?: unknown;
}

function withoutLegacy(input: object): unknown {
  const { programId: _a, program_id: _b, ...rest } = input as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest));
}

const CREATE_CASES: ValidCase<CreatePartnerRequestBody>[] = [
  { name: "minimal (email only)", input: { email: "kim@example.com" } },
  { name: "full, 2 test variants, tagIds as a string", input: fullCreatePartner(2, "tag_1") },
  { name: "full, 4 test variants, tagIds as an array", input: fullCreatePartner(4, ["tag_1", "tag_2", "tag_3"]) },
  {
    name: "nullable fields as null",
    input: { email: "kim@example.com", name: null, username: null, image: null, country: null, description: null, linkProps: NULL_LINK_PROPS },
  },
  {
    name: "email and name are trimmed",
    input: { email: "  \tkim@example.com \n", name: "  Kim Lee  " },
    wire: { email: "kim@example.com", name: "Kim Lee" },
  },
  {
    name: "padding beyond the length limit is trimmed before the limit applies",
    input: { email: `   ${emailOfLength(190)}   `, name: ` ${"n".repeat(100)} ` },
    wire: { email: emailOfLength(190), name: "n".repeat(100) },
  },
  {
    name: "legacy program_id / programId are not sent",
    input: { email: "kim@example.com", programId: "prog_1", program_id: "prog_1" },
    wire: { email: "kim@example.com" },
  },
  {
    name: "every length at its limit",
    input: {
      email: emailOfLength(190),
      name: "n".repeat(100),
      username: "u".repeat(100),
      description: "d".repeat(5000),
      linkProps: BOUNDARY_LINK_PROPS,
    },
  },
  {
    name: "lengths at the limit in code points, with astral characters (twice as many UTF-16 units)",
    input: { email: "kim@example.com", name: "😀".repeat(100), username: "𝔘".repeat(100), description: "😀".repeat(5000) },
  },
  { name: "emails with + and ' in the local part", input: { email: "o'brien+partners@mail.example.co.uk" } },
  { name: "empty arrays of tag IDs and names", input: { email: "kim@example.com", linkProps: { tagIds: [], tagNames: [] } } },
];

const LINK_CASES: ValidCase<CreatePartnerLinkRequestBody & UpsertPartnerLinkRequestBody>[] = [
  { name: "minimal, by partnerId", input: { partnerId: "pn_1", url: "https://acme.com" } },
  { name: "minimal, by tenantId", input: { tenantId: "user_42", url: "https://acme.com" } },
  { name: "full, 2 test variants, tagIds as a string", input: fullLink(2, "tag_1") },
  { name: "full, 4 test variants, tagIds as an array", input: fullLink(4, ["tag_1", "tag_2"]) },
  {
    name: "nullable fields as null (partnerId null, named by tenantId)",
    input: { partnerId: null, tenantId: "user_42", url: "https://acme.com", comments: null, linkProps: NULL_LINK_PROPS },
  },
  {
    name: "tenantId null, named by partnerId",
    input: { partnerId: "pn_1", tenantId: null, url: "https://acme.com" },
  },
  {
    name: "legacy program_id / programId are not sent",
    input: { partnerId: "pn_1", url: "https://acme.com", programId: "prog_1", program_id: "prog_1" },
    wire: { partnerId: "pn_1", url: "https://acme.com" },
  },
  {
    name: "every length at its limit",
    input: {
      partnerId: "pn_1",
      url: "https://acme.com/" + "p".repeat(32_000 - 17),
      key: "k".repeat(190),
      linkProps: { ...BOUNDARY_LINK_PROPS, externalId: "e" },
    },
  },
  {
    name: "lengths at the limit in code points, with astral characters",
    input: { partnerId: "pn_1", url: "https://acme.com/" + "😀".repeat(32_000 - 17), key: "😀".repeat(190), linkProps: { externalId: "𝔘".repeat(255) } },
  },
  { name: "three test variants", input: { partnerId: "pn_1", url: "https://acme.com", linkProps: { testVariants: variants(3) } } },
];

const CREATE_LINK_ONLY: ValidCase<CreatePartnerLinkRequestBody>[] = [
  { name: "minimal, no url (defaults to the program's)", input: { partnerId: "pn_1" } },
  { name: "url null", input: { tenantId: "user_42", url: null } },
];

// ---------------------------------------------------------------------------------------------
// Valid inputs: the request on the wire
// ---------------------------------------------------------------------------------------------

async function sendAndCapture<Body>(op: OperationCase<Body>, input: Body) {
  const { dub, fetch, sent } = stubClient({ status: op.status, body: op.reply() });
  const result = await op.call(dub, input);
  expect(fetch).toHaveBeenCalledTimes(1);
  expect(sent).toHaveLength(1);
  return { request: sent[0]!, result };
}

function requestSuite<Body extends object>(op: OperationCase<Body>, cases: readonly ValidCase<Body>[]) {
  describe(`${op.sdkName} → ${op.operationId}`, () => {
    const { path, method } = specOperation(op.operationId);

    it("is declared with the spec's method and path", () => {
      expect(op.declared.method).toBe(method);
      expect(op.declared.path).toBe(path);
    });

    it.each(cases)("$name", async ({ input, wire }) => {
      const { request, result } = await sendAndCapture(op, input);

      expect(request.method).toBe(method);
      expect(request.url).toBe(SERVER_URL + path);
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers.accept).toBe("application/json");

      expect(request.body).toBeTypeOf("string");
      const body: unknown = JSON.parse(request.body!);
      expectValid(requestValidator(op.operationId), body, `${op.sdkName} body`);
      expectValid(requestValidator(op.operationId, "closed"), body, `${op.sdkName} body (no undocumented fields)`);
      expect(body).toStrictEqual(wire ?? withoutLegacy(input));
      expect(body).not.toHaveProperty("programId");
      expect(body).not.toHaveProperty("program_id");

      // The stub's spec-valid answer comes back as data.
      expect(result).toStrictEqual(op.reply());
    });
  });
}

requestSuite(CREATE, CREATE_CASES);
requestSuite(CREATE_LINK, [...LINK_CASES, ...CREATE_LINK_ONLY]);
requestSuite(UPSERT_LINK, LINK_CASES);

describe("the full inputs cover the spec", () => {
  const linkPropsSchema = (id: OperationId) => requestSchema(id).properties!.linkProps!;

  it.each([
    ["createPartner", fullCreatePartner(2, "t")],
    ["createPartnerLink", fullLink(2, "t")],
    ["upsertPartnerLink", fullLink(4, ["t"])],
  ] as const)("%s: every request property and every linkProps property is set", (operationId, full) => {
    expect(Object.keys(full).sort()).toEqual(propertyNames(requestSchema(operationId)).all.sort());
    expect(Object.keys(full.linkProps!).sort()).toEqual(propertyNames(linkPropsSchema(operationId)).all.sort());
  });

  it("the null case nulls every nullable linkProps field the spec has", () => {
    const nullable = Object.entries(linkPropsSchema("createPartner").properties!)
      .filter(([, s]) => s.nullable === true)
      .map(([name]) => name);
    expect(Object.keys(NULL_LINK_PROPS).sort()).toEqual(nullable.sort());
  });
});

// ---------------------------------------------------------------------------------------------
// Invalid inputs: refused before anything is sent
// ---------------------------------------------------------------------------------------------

interface InvalidCase {
  readonly name: string;
  readonly input: Record<string, unknown>;
  /** Path of the issue the SDK must report. */
  readonly path: readonly (string | number)[];
  /** Whether the spec's schema itself rejects the body (false: a server rule the schema cannot express). */
  readonly specRejects: boolean;
}

const tv = (percentages: number[]) => percentages.map((percentage, i) => ({ url: `https://acme.com/v${i}`, percentage }));

function linkPropsViolations(base: Record<string, unknown>): InvalidCase[] {
  const lp = (linkProps: LinkProps) => ({ ...base, linkProps });
  return [
    { name: "testVariants with 1 item", input: lp({ testVariants: tv([50]) }), path: ["linkProps", "testVariants"], specRejects: true },
    { name: "testVariants with 5 items", input: lp({ testVariants: tv([20, 20, 20, 20, 20]) }), path: ["linkProps", "testVariants"], specRejects: true },
    { name: "testVariants percentage 5", input: lp({ testVariants: tv([5, 50]) }), path: ["linkProps", "testVariants", 0, "percentage"], specRejects: true },
    { name: "testVariants percentage 95", input: lp({ testVariants: tv([50, 95]) }), path: ["linkProps", "testVariants", 1, "percentage"], specRejects: true },
    { name: 'externalId ""', input: lp({ externalId: "" }), path: ["linkProps", "externalId"], specRejects: true },
    { name: "externalId of 256 characters", input: lp({ externalId: "e".repeat(256) }), path: ["linkProps", "externalId"], specRejects: true },
    { name: "linkProps.tenantId of 256 characters", input: lp({ tenantId: "t".repeat(256) }), path: ["linkProps", "tenantId"], specRejects: true },
    { name: "expiredUrl of 32,001 characters", input: lp({ expiredUrl: "x".repeat(32_001) }), path: ["linkProps", "expiredUrl"], specRejects: true },
    { name: "ios of 32,001 characters", input: lp({ ios: "x".repeat(32_001) }), path: ["linkProps", "ios"], specRejects: true },
    { name: "android of 32,001 characters", input: lp({ android: "x".repeat(32_001) }), path: ["linkProps", "android"], specRejects: true },
  ];
}

const CREATE_INVALID: InvalidCase[] = [
  { name: "no email", input: { name: "Kim" }, path: ["email"], specRejects: true },
  { name: "email of 191 characters", input: { email: emailOfLength(191) }, path: ["email"], specRejects: true },
  { name: "email without @", input: { email: "kim.example.com" }, path: ["email"], specRejects: true },
  { name: "email with a double dot", input: { email: "kim..lee@example.com" }, path: ["email"], specRejects: true },
  { name: "email with a numeric TLD", input: { email: "kim@example.c0m" }, path: ["email"], specRejects: true },
  { name: "name of 101 characters (after trimming)", input: { email: "kim@example.com", name: ` ${"n".repeat(101)} ` }, path: ["name"], specRejects: true },
  { name: "username of 101 characters", input: { email: "kim@example.com", username: "u".repeat(101) }, path: ["username"], specRejects: true },
  { name: "name of 101 astral characters", input: { email: "kim@example.com", name: "😀".repeat(101) }, path: ["name"], specRejects: true },
  { name: "description of 5,001 characters", input: { email: "kim@example.com", description: "d".repeat(5001) }, path: ["description"], specRejects: true },
  ...linkPropsViolations({ email: "kim@example.com" }),
];

const LINK_INVALID = (base: Record<string, unknown>): InvalidCase[] => [
  { name: "key of 191 characters", input: { ...base, key: "k".repeat(191) }, path: ["key"], specRejects: true },
  { name: "url of 32,001 characters", input: { ...base, url: "https://acme.com/" + "p".repeat(32_001 - 17) }, path: ["url"], specRejects: true },
  ...linkPropsViolations(base),
];

const CREATE_LINK_INVALID: InvalidCase[] = [
  { name: "neither partnerId nor tenantId", input: { url: "https://acme.com" }, path: [], specRejects: false },
  { name: 'partnerId null and tenantId ""', input: { partnerId: null, tenantId: "" }, path: [], specRejects: false },
  ...LINK_INVALID({ partnerId: "pn_1" }),
];

const UPSERT_LINK_INVALID: InvalidCase[] = [
  { name: "no url", input: { partnerId: "pn_1" }, path: ["url"], specRejects: true },
  { name: "url null", input: { partnerId: "pn_1", url: null }, path: ["url"], specRejects: true },
  { name: "neither partnerId nor tenantId", input: { url: "https://acme.com" }, path: [], specRejects: false },
  ...LINK_INVALID({ partnerId: "pn_1", url: "https://acme.com" }),
];

function invalidSuite<Body>(op: OperationCase<Body>, cases: readonly InvalidCase[]) {
  describe(`${op.sdkName} refuses what breaks the spec, sending nothing`, () => {
    it.each(cases)("$name", async ({ input, path, specRejects }) => {
      if (specRejects) expectInvalid(requestValidator(op.operationId), withoutLegacy(input), `${op.sdkName} body`);
      else expectValid(requestValidator(op.operationId), withoutLegacy(input), `${op.sdkName} body`);

      const { dub, fetch } = stubClient({ status: op.status, body: op.reply() });
      const error = await op.call(dub, input as unknown as Body).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SDKValidationError);
      const issues = (error as SDKValidationError).issues;
      expect(issues.map((i) => i.path)).toContainEqual(path);
      expect((error as SDKValidationError).message).toContain("nothing was sent");
      expect(fetch).not.toHaveBeenCalled();
    });
  });
}

invalidSuite(CREATE, CREATE_INVALID);
invalidSuite(CREATE_LINK, CREATE_LINK_INVALID);
invalidSuite(UPSERT_LINK, UPSERT_LINK_INVALID);

// ---------------------------------------------------------------------------------------------
// A body that is not an object
// ---------------------------------------------------------------------------------------------

describe("a body that is not an object is refused with SDKValidationError, sending nothing", () => {
  const ops = [CREATE, CREATE_LINK, UPSERT_LINK] as unknown as OperationCase<never>[];
  const refuses = async (op: OperationCase<never>, value: unknown) => {
    const { dub, fetch } = stubClient({ status: op.status, body: op.reply() });
    const error = await op.call(dub, value as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(fetch).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).issues.map((i) => i.path)).toContainEqual([]);
  };
  const values = (op: OperationCase<never>, list: unknown[]) => list.map((v) => [op.sdkName, v, op] as const);

  it.each(ops.flatMap((op) => values(op, ["a string", 42, [], null, undefined])))("%s(%j)", async (_n, value, op) => {
    await refuses(op, value);
  });
});

// ---------------------------------------------------------------------------------------------
// The email check is the spec's pattern and its `format: email` together
// ---------------------------------------------------------------------------------------------

describe("email check: the spec's pattern and its `format: email`, both", () => {
  /*
   * The spec gives `email` both `format: "email"` and a `pattern`. The pattern lets a domain label
   * end with "-", which `format: email` (RFC 5321 host names) does not: such an address is refused
   * locally, as a validator of the spec refuses it.
   */
  it.each(["kim@acme-.com", "kim@mail.acme-.co.uk", "kim@-acme.com"])("refuses %s before sending, as the spec does", async (email) => {
    expectInvalid(requestValidator("createPartner"), { email }, "createPartner body");
    const { dub, fetch } = stubClient({ status: 201, body: examplePartner() });
    const error = await dub.partners.create({ email }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).issues.map((i) => i.path)).toEqual([["email"]]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each(["kim@acme-corp.com", "kim@a.b-c.io", "k@x1.example.org"])("sends %s, valid for both", async (email) => {
    expectValid(requestValidator("createPartner"), { email }, "createPartner body");
    const { dub, sent } = stubClient({ status: 201, body: examplePartner() });
    await dub.partners.create({ email });
    expect(JSON.parse(sent[0]!.body!)).toEqual({ email });
  });
});
