/**
 * Request contract of the actions: `partners.ban`, `partners.deactivate`,
 * `partnerApplications.approve` and `partnerApplications.reject` send the spec's operation with a
 * JSON body that validates against the spec's request schema (and holds no undocumented field);
 * what breaks a spec constraint, or a rule of the server the spec states in words, is refused
 * before anything is sent.
 */
import { describe, expect, it } from "vitest";
import {
  type ApprovePartnerApplicationRequestBody,
  type BanPartnerRequestBody,
  type DeactivatePartnerRequestBody,
  Dub,
  type RejectPartnerApplicationRequestBody,
  SDKValidationError,
} from "../../src/index.js";
import { declared } from "../helpers/declarations.js";
import {
  type AnyOperationId,
  expectInvalid,
  expectValid,
  propertyNames,
  requestSchema,
  requestValidator,
  SERVER_URL,
  specOperation,
  stubClient,
  TOKEN,
} from "./spec.js";

interface ActionCase<Body> {
  readonly sdkName: string;
  readonly operationId: AnyOperationId;
  readonly declared: { readonly method: string; readonly path: string; readonly declaration: { readonly idempotent: unknown } };
  readonly call: (dub: Dub, body: Body) => Promise<unknown>;
}

const BAN: ActionCase<BanPartnerRequestBody> = {
  sdkName: "partners.ban",
  operationId: "banPartner",
  declared: declared("banPartner"),
  call: (dub, body) => dub.partners.ban(body),
};
const DEACTIVATE: ActionCase<DeactivatePartnerRequestBody> = {
  sdkName: "partners.deactivate",
  operationId: "deactivatePartner",
  declared: declared("deactivatePartner"),
  call: (dub, body) => dub.partners.deactivate(body),
};
const APPROVE: ActionCase<ApprovePartnerApplicationRequestBody> = {
  sdkName: "partnerApplications.approve",
  operationId: "approvePartnerApplication",
  declared: declared("approvePartnerApplication"),
  call: (dub, body) => dub.partnerApplications.approve(body),
};
const REJECT: ActionCase<RejectPartnerApplicationRequestBody> = {
  sdkName: "partnerApplications.reject",
  operationId: "rejectPartnerApplication",
  declared: declared("rejectPartnerApplication"),
  call: (dub, body) => dub.partnerApplications.reject(body),
};

// ---------------------------------------------------------------------------------------------
// Valid bodies
// ---------------------------------------------------------------------------------------------

const REASONS = ["tos_violation", "inappropriate_content", "fake_traffic", "fraud", "spam", "brand_abuse"] as const;

const BAN_CASES: BanPartnerRequestBody[] = [
  ...REASONS.map((reason) => ({ partnerId: "pn_1JZ0XK7N3Q9R5S8T2U4V6W8X0Y", reason })),
  { tenantId: "user_42", reason: "fraud" },
  { partnerId: "pn_1", tenantId: "user_42", reason: "spam" },
  { partnerId: null, tenantId: "user_42", reason: "spam" },
];

const DEACTIVATE_CASES: DeactivatePartnerRequestBody[] = [
  { partnerId: "pn_1" },
  { tenantId: "user_42" },
  { partnerId: "pn_1", tenantId: "user_42" },
  { partnerId: "pn_1", tenantId: null },
];

const APPROVE_CASES: ApprovePartnerApplicationRequestBody[] = [
  { partnerId: "pn_1" },
  { partnerId: "pn_1", groupId: "grp_1JZ0XK9P5R1S7T3U9V5W1X7Y3Z" },
  { partnerId: "pn_1", groupId: null },
];

const FULL_REJECT: RejectPartnerApplicationRequestBody = {
  partnerId: "pn_1",
  rejectionReason: "doesNotMeetRequirements",
  rejectionNote: "We look for partners with an audience in developer tools.",
  reapplicationTimeframe: "never",
  flagForFraud: true,
  flagForFraudReason: "Same payout account as a banned partner.",
};

const REJECT_CASES: RejectPartnerApplicationRequestBody[] = [
  { partnerId: "pn_1" },
  FULL_REJECT,
  ...(["needsMoreDetail", "doesNotMeetRequirements", "notTheRightFit", "other"] as const).map((rejectionReason) => ({ partnerId: "pn_1", rejectionReason })),
  { partnerId: "pn_1", reapplicationTimeframe: "instant" },
  { partnerId: "pn_1", reapplicationTimeframe: "standard", flagForFraud: false },
  { partnerId: "pn_1", reapplicationTimeframe: "instant", flagForFraud: false },
  { partnerId: "pn_1", rejectionNote: "n".repeat(500), flagForFraud: true, flagForFraudReason: "r".repeat(2000) },
  { partnerId: "pn_1", rejectionNote: "😀".repeat(500) },
];

function bodySuite<Body extends object>(op: ActionCase<Body>, cases: readonly Body[]) {
  describe(`${op.sdkName} → ${op.operationId}`, () => {
    const { path, method } = specOperation(op.operationId);

    it("is declared with the spec's method and path", () => {
      expect(op.declared.method).toBe(method);
      expect(op.declared.path).toBe(path);
    });

    it("is repeated after a 503 (a repeat cannot act twice), and resolves with the second answer", async () => {
      const replies = [new Response("", { status: 503 }), new Response(JSON.stringify({ partnerId: "pn_1" }), { status: 200, headers: { "content-type": "application/json" } })];
      let calls = 0;
      const fetch = async () => replies[calls++]!;
      const dub = new Dub({ token: TOKEN, serverURL: SERVER_URL, fetch, retryConfig: { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 1 } } });
      await expect(op.call(dub, cases[0]!)).resolves.toEqual({ partnerId: "pn_1" });
      expect(calls).toBe(2);
    });

    it.each(cases.map((body) => [JSON.stringify(body).slice(0, 120), body] as const))("%s", async (_label, input) => {
      const { dub, fetch, sent } = stubClient({ status: 200, body: { partnerId: "pn_1" } });
      const result = await op.call(dub, input);
      expect(fetch).toHaveBeenCalledTimes(1);
      const request = sent[0]!;
      expect(request.method).toBe(method);
      expect(request.url).toBe(SERVER_URL + path);
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.headers["content-type"]).toBe("application/json");
      const body: unknown = JSON.parse(request.body!);
      expectValid(requestValidator(op.operationId), body, `${op.sdkName} body`);
      expectValid(requestValidator(op.operationId, "closed"), body, `${op.sdkName} body (no undocumented fields)`);
      expect(body).toStrictEqual(input);
      expect(result).toStrictEqual({ partnerId: "pn_1" });
    });
  });
}

bodySuite(BAN, BAN_CASES);
bodySuite(DEACTIVATE, DEACTIVATE_CASES);
bodySuite(APPROVE, APPROVE_CASES);
bodySuite(REJECT, REJECT_CASES);

describe("the cases cover the spec", () => {
  it.each([
    ["banPartner", BAN_CASES[7]!],
    ["deactivatePartner", DEACTIVATE_CASES[2]!],
    ["approvePartnerApplication", APPROVE_CASES[1]!],
    ["rejectPartnerApplication", FULL_REJECT],
  ] as const)("%s: one case sets every property", (operationId, full) => {
    expect(Object.keys(full).sort()).toEqual(propertyNames(requestSchema(operationId)).all.sort());
  });

  it("every ban reason and rejection reason of the spec is sent", () => {
    expect(BAN_CASES.map((c) => c.reason)).toEqual(expect.arrayContaining(requestSchema("banPartner").properties!.reason!.enum!));
    expect(REJECT_CASES.map((c) => c.rejectionReason)).toEqual(expect.arrayContaining(requestSchema("rejectPartnerApplication").properties!.rejectionReason!.enum!));
  });
});

// ---------------------------------------------------------------------------------------------
// Invalid bodies
// ---------------------------------------------------------------------------------------------

interface InvalidCase {
  readonly name: string;
  readonly input: unknown;
  readonly path: readonly (string | number)[];
  /** Whether the spec's schema itself rejects the body (false: a rule the spec states only in words). */
  readonly specRejects: boolean;
}

const BAN_INVALID: InvalidCase[] = [
  { name: "no reason", input: { partnerId: "pn_1" }, path: ["reason"], specRejects: true },
  { name: 'reason "other"', input: { partnerId: "pn_1", reason: "other" }, path: ["reason"], specRejects: true },
  { name: "neither partnerId nor tenantId", input: { reason: "fraud" }, path: [], specRejects: false },
  { name: 'partnerId "" and tenantId null', input: { partnerId: "", tenantId: null, reason: "fraud" }, path: [], specRejects: false },
  { name: "an undocumented field", input: { partnerId: "pn_1", reason: "fraud", notify: false }, path: [], specRejects: true },
];

const DEACTIVATE_INVALID: InvalidCase[] = [
  { name: "neither partnerId nor tenantId", input: {}, path: [], specRejects: false },
  { name: "tenantId as a number", input: { tenantId: 42 }, path: ["tenantId"], specRejects: true },
  { name: "an undocumented field", input: { partnerId: "pn_1", reason: "fraud" }, path: [], specRejects: true },
];

const APPROVE_INVALID: InvalidCase[] = [
  { name: "no partnerId", input: { groupId: "grp_1" }, path: ["partnerId"], specRejects: true },
  { name: "partnerId null", input: { partnerId: null }, path: ["partnerId"], specRejects: true },
  { name: "groupId as a number", input: { partnerId: "pn_1", groupId: 1 }, path: ["groupId"], specRejects: true },
  { name: "an undocumented field (tenantId)", input: { partnerId: "pn_1", tenantId: "user_42" }, path: [], specRejects: true },
];

const REJECT_INVALID: InvalidCase[] = [
  { name: "no partnerId", input: { rejectionReason: "other" }, path: ["partnerId"], specRejects: true },
  { name: 'rejectionReason "spam"', input: { partnerId: "pn_1", rejectionReason: "spam" }, path: ["rejectionReason"], specRejects: true },
  { name: "rejectionNote of 501 characters", input: { partnerId: "pn_1", rejectionNote: "n".repeat(501) }, path: ["rejectionNote"], specRejects: true },
  {
    name: 'reapplicationTimeframe "later"',
    input: { partnerId: "pn_1", reapplicationTimeframe: "later" },
    path: ["reapplicationTimeframe"],
    specRejects: true,
  },
  { name: 'flagForFraud "yes"', input: { partnerId: "pn_1", flagForFraud: "yes" }, path: ["flagForFraud"], specRejects: true },
  {
    name: "flagForFraudReason of 2,001 characters",
    input: { partnerId: "pn_1", flagForFraud: true, flagForFraudReason: "r".repeat(2001) },
    path: ["flagForFraudReason"],
    specRejects: true,
  },
  { name: "flagForFraud without a reason", input: { partnerId: "pn_1", flagForFraud: true }, path: [], specRejects: false },
  { name: "flagForFraud with a blank reason", input: { partnerId: "pn_1", flagForFraud: true, flagForFraudReason: "  " }, path: [], specRejects: false },
  {
    name: 'flagForFraud with reapplicationTimeframe "instant"',
    input: { partnerId: "pn_1", flagForFraud: true, flagForFraudReason: "fraud ring", reapplicationTimeframe: "instant" },
    path: [],
    specRejects: false,
  },
  { name: "an undocumented field", input: { partnerId: "pn_1", notify: false }, path: [], specRejects: true },
];

function invalidSuite<Body>(op: ActionCase<Body>, cases: readonly InvalidCase[]) {
  describe(`${op.sdkName} refuses what breaks the spec, sending nothing`, () => {
    it.each(cases)("$name", async ({ input, path, specRejects }) => {
      if (specRejects) expectInvalid(requestValidator(op.operationId, "closed"), input, `${op.sdkName} body`);
      else expectValid(requestValidator(op.operationId, "closed"), input, `${op.sdkName} body`);
      const { dub, fetch } = stubClient({ status: 200, body: { partnerId: "pn_1" } });
      const error = await op.call(dub, input as Body).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SDKValidationError);
      expect((error as SDKValidationError).issues.map((i) => i.path)).toContainEqual(path);
      expect(fetch).not.toHaveBeenCalled();
    });
  });
}

invalidSuite(BAN, BAN_INVALID);
invalidSuite(DEACTIVATE, DEACTIVATE_INVALID);
invalidSuite(APPROVE, APPROVE_INVALID);
invalidSuite(REJECT, REJECT_INVALID);

describe("a body that is not an object is refused with SDKValidationError, sending nothing", () => {
  const ops = [BAN, DEACTIVATE, APPROVE, REJECT] as unknown as ActionCase<unknown>[];
  it.each(ops.flatMap((op) => ["a string", 42, [], null, undefined].map((v) => [op.sdkName, v, op] as const)))("%s(%j)", async (_n, value, op) => {
    const { dub, fetch } = stubClient({ status: 200, body: { partnerId: "pn_1" } });
    const error = await op.call(dub, value).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(fetch).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).issues.map((i) => i.path)).toContainEqual([]);
  });
});
