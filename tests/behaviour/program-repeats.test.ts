/**
 * The retry rules of discount codes, embed tokens and bounty reviews, against the fake API
 * injecting the failure over both transports (undici on node:http, fetch on msw): a repeat after
 * a lost answer that the server refuses as done is `AlreadyApplied`; a delete's 404 after a lost
 * answer resolves; the operations that cannot act twice are retried after ambiguous failures;
 * the same refusal on a first attempt is the plain error.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AlreadyApplied, BadRequest, Conflict, type Dub, InternalServerError, NotFound, SDKError } from "../../src/index.js";
import { createFakeDub, type FakeBounty, type FakeDub } from "../../src/testing/index.js";
import { type TransportHarness, TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

describe.each(TRANSPORTS)("program operations after a lost answer ($name)", (transport) => {
  let fake: FakeDub;
  let harness: TransportHarness;
  let dub: Dub;
  let partner: { id: string; linkId: string };

  beforeEach(async () => {
    fake = createFakeDub({ seed: "repeats" });
    harness = await transport.start(fake.handler);
    dub = harness.client();
    const created = await dub.partners.create({ email: "kim@example.com", name: "Kim Lee", tenantId: "user_42" });
    partner = { id: created.id, linkId: created.links![0]!.id };
  });
  afterEach(() => harness.stop());

  const posts = (path: string) => fake.requests.filter((r) => r.method === "POST" && r.path === path).length;

  describe("discountCodes.create", () => {
    beforeEach(() => void fake.seedDiscount());

    it("a 503 after the code was created, then the server's 'already has a discount code': AlreadyApplied, one code", async () => {
      fake.inject({ status: 503, body: "" }, { route: "POST /discount-codes", afterEffect: true });
      const error = await failure(dub.discountCodes.create({ partnerId: partner.id, linkId: partner.linkId, code: "KIM10" }));
      expect(error).toBeInstanceOf(AlreadyApplied);
      expect(error).not.toBeInstanceOf(BadRequest);
      expect((error as AlreadyApplied).statusCode).toBe(400);
      expect((error as AlreadyApplied).message).toMatch(/already has a discount code \(KIM10\).*earlier attempt of this call took effect/);
      expect((error as AlreadyApplied).cause).toBeInstanceOf(SDKError);
      expect(posts("/discount-codes")).toBe(2);
      expect(fake.discountCodes().map((c) => c.code)).toEqual(["KIM10"]);
    });

    it("without a code (generated): a reset after the effect, then the same refusal: AlreadyApplied, still one code", async () => {
      fake.inject({ fault: { kind: "reset-before-response" } }, { route: "POST /discount-codes", afterEffect: true });
      await expect(dub.discountCodes.create({ partnerId: partner.id, linkId: partner.linkId })).rejects.toBeInstanceOf(AlreadyApplied);
      expect(fake.discountCodes().map((c) => c.code)).toEqual(["KIM10OFF"]);
    });

    it("a 503 in front of the API (nothing created) is retried: the code is created once", async () => {
      fake.inject({ status: 503, body: "" }, { route: "POST /discount-codes" });
      const created = await dub.discountCodes.create({ partnerId: partner.id, linkId: partner.linkId, code: "KIM10" });
      expect(created).toMatchObject({ code: "KIM10", linkId: partner.linkId });
      expect(posts("/discount-codes")).toBe(2);
      expect(fake.discountCodes()).toEqual([created]);
    });

    it("the same refusal on a first attempt is a BadRequest: the link had its code already", async () => {
      await dub.discountCodes.create({ partnerId: partner.id, linkId: partner.linkId, code: "KIM10" });
      const error = await failure(dub.discountCodes.create({ partnerId: partner.id, linkId: partner.linkId, code: "KIM10" }));
      expect(error).toBeInstanceOf(BadRequest);
      expect(error).not.toBeInstanceOf(AlreadyApplied);
      expect(posts("/discount-codes")).toBe(2);
    });
  });

  describe("discountCodes.delete", () => {
    let code: { id: string; code: string };
    beforeEach(async () => {
      fake.seedDiscount();
      code = await dub.discountCodes.create({ partnerId: partner.id, linkId: partner.linkId, code: "KIM10" });
    });

    it("by ID: a 503 after the delete, then the retry's 404: resolves with the ID", async () => {
      fake.inject({ status: 503, body: "" }, { route: `DELETE /discount-codes/${code.id}`, afterEffect: true });
      await expect(dub.discountCodes.delete(code.id)).resolves.toEqual({ id: code.id });
      expect(fake.requests.filter((r) => r.method === "DELETE")).toHaveLength(2);
      expect(fake.discountCodes()).toEqual([]);
    });

    it("by code: a reset after the delete, then the retry's 404: resolves with the argument", async () => {
      fake.inject({ fault: { kind: "reset-before-response" } }, { route: "DELETE /discount-codes/kim10", afterEffect: true });
      await expect(dub.discountCodes.delete("kim10")).resolves.toEqual({ id: "kim10" });
      expect(fake.discountCodes()).toEqual([]);
    });

    it("a 404 on a first attempt is a NotFound: nothing was deleted by this call", async () => {
      await dub.discountCodes.delete(code.id);
      await expect(dub.discountCodes.delete(code.id)).rejects.toBeInstanceOf(NotFound);
    });
  });

  describe("bounties.approveSubmission and rejectSubmission", () => {
    let bounty: FakeBounty;
    let submissionId: string;
    beforeEach(() => {
      bounty = fake.seedBounty({ name: "Post a review", rewardAmount: 5000 });
      submissionId = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: partner.id }).id;
    });
    const route = (action: string) => `POST /bounties/${bounty.id}/submissions/${submissionId}/${action}`;

    it("approve: a reset after the approval, then 'already been approved': AlreadyApplied, the reward paid once", async () => {
      fake.inject({ fault: { kind: "reset-before-response" } }, { route: route("approve"), afterEffect: true });
      const error = await failure(dub.bounties.approveSubmission({ bountyId: bounty.id, submissionId }));
      expect(error).toBeInstanceOf(AlreadyApplied);
      expect((error as AlreadyApplied).message).toMatch(/already been approved/);
      expect(fake.bountyCommissions()).toHaveLength(1);
    });

    it("reject: a 500 after the rejection, then 'already been rejected': AlreadyApplied, its cause the 500", async () => {
      fake.inject({ status: 500, body: { error: { code: "internal_server_error", message: "boom" } } }, { route: route("reject"), afterEffect: true });
      const error = await failure(dub.bounties.rejectSubmission({ bountyId: bounty.id, submissionId, requestBody: { rejectionReason: "invalidProof" } }));
      expect(error).toBeInstanceOf(AlreadyApplied);
      expect((error as AlreadyApplied).cause).toBeInstanceOf(InternalServerError);
      const [listed] = await dub.bounties.listSubmissions({ bountyId: bounty.id, status: "rejected" });
      expect(listed).toMatchObject({ id: submissionId, rejectionReason: "invalidProof" });
    });

    it("a 503 in front of the API is retried, and the approval goes through once", async () => {
      fake.inject({ status: 503, body: "" }, { route: route("approve") });
      await expect(dub.bounties.approveSubmission({ bountyId: bounty.id, submissionId })).resolves.toMatchObject({ status: "approved" });
      expect(fake.bountyCommissions()).toHaveLength(1);
    });

    it("'already been approved' on a first attempt is a BadRequest", async () => {
      await dub.bounties.approveSubmission({ bountyId: bounty.id, submissionId });
      const error = await failure(dub.bounties.approveSubmission({ bountyId: bounty.id, submissionId }));
      expect(error).toBeInstanceOf(BadRequest);
      expect(error).not.toBeInstanceOf(AlreadyApplied);
    });
  });

  describe("embedTokens.referrals", () => {
    it("a 503 after the call enrolled a new partner is retried: a token, and the partner enrolled once", async () => {
      fake.inject({ status: 503, body: "" }, { route: "POST /tokens/embed/referrals", afterEffect: true });
      const token = await dub.embedTokens.referrals({ tenantId: "user_77", partner: { email: "ana@example.com" } });
      expect(token.publicToken).toMatch(/^dub_embed_/);
      expect(fake.partners().filter((p) => p.email === "ana@example.com")).toHaveLength(1);
      expect(fake.embedTokens().map((t) => t.publicToken)).toEqual([expect.any(String), token.publicToken]);
    });
  });

  describe("the list reads", () => {
    it("discountCodes.list is retried after a 503", async () => {
      fake.inject({ status: 503, body: "" }, { route: "GET /discount-codes" });
      await expect(dub.discountCodes.list()).resolves.toEqual([]);
      expect(fake.pendingFaults).toBe(0);
    });

    it("bounties.listSubmissions is retried after a 503", async () => {
      const bounty = fake.seedBounty();
      fake.inject({ status: 503, body: "" }, { route: `GET /bounties/${bounty.id}/submissions` });
      await expect(dub.bounties.listSubmissions({ bountyId: bounty.id })).resolves.toEqual([]);
      expect(fake.pendingFaults).toBe(0);
    });
  });
});

describe.each(TRANSPORTS)("discountCodes.create meeting 409 after a lost answer ($name)", (transport) => {
  const ctx = useScriptedServer(transport);
  const conflict = { status: 409, body: { error: { code: "conflict", message: "This discount code is already in use, or this link already has a code. Please refresh and try again." } } };

  it("a timeout's concurrent twin: 503, then the 409 of the code the first attempt took: AlreadyApplied", async () => {
    ctx.script.reply({ status: 503, body: "" }, conflict);
    const error = await failure(ctx.harness.client().discountCodes.create({ partnerId: "pn_1", linkId: "link_1", code: "KIM10" }));
    expect(error).toBeInstanceOf(AlreadyApplied);
    expect((error as AlreadyApplied).statusCode).toBe(409);
    expect(ctx.script.received).toHaveLength(2);
  });

  it("a 409 on a first attempt is a Conflict, not AlreadyApplied", async () => {
    ctx.script.reply(conflict);
    const error = await failure(ctx.harness.client().discountCodes.create({ partnerId: "pn_1", linkId: "link_1", code: "KIM10" }));
    expect(error).toBeInstanceOf(Conflict);
    expect(error).not.toBeInstanceOf(AlreadyApplied);
  });
});
