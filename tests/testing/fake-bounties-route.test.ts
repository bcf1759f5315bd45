/**
 * The fake's bounty-submission routes over HTTP, every reply checked against the spec: seeded
 * bounties and submissions, listed filtered, sorted (nulls first ascending) and paged, rejected
 * ones only on request; the review state machine (draft: neither; submitted: either; approved:
 * final; rejected: can still be approved) with the server's 400s; an approval paying the reward
 * as a custom commission (`commission.created`, in the spec's `CommissionCreatedEvent` shape);
 * the optional body absent, empty or unparsable read as `{}`.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedBounty, seedBountySubmission } from "../../src/testing/fake/bounty-records.js";
import { ROUTES } from "../../src/testing/fake/routes/index.js";
import { createFakeDub, type FakeBounty } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";
import { recordingContext } from "./helpers/route-events.js";
import { serveChecked } from "./helpers/served.js";
import { assertSpecSchema } from "./helpers/spec.js";

const START = Date.parse("2026-11-24T10:00:00.000Z");
let clock = START;
const fake = createFakeDub({ seed: "bounties", now: () => clock });
let url: string;
let served: Awaited<ReturnType<typeof serveChecked>>;
let kim: string;
let bo: string;
let bounty: FakeBounty;

beforeAll(async () => {
  served = await serveChecked(fake);
  url = served.server.url;
});
beforeEach(async () => {
  clock = START;
  kim = (await call(url, "POST", "/partners", { email: "kim@example.com", name: "Kim Lee" })).json.id;
  bo = (await call(url, "POST", "/partners", { email: "bo@example.com", groupId: "grp_vip" })).json.id;
  bounty = fake.seedBounty({ name: "Post a review", rewardAmount: 5000 });
});
afterEach(() => {
  expect(served.checkAll()).toBeGreaterThan(0);
  fake.reset();
});
afterAll(() => served.server.close());

const submissions = (bountyId: string, query = "") => call(url, "GET", `/bounties/${bountyId}/submissions${query}`);
const review = (action: "approve" | "reject", submissionId: string, body?: unknown, bountyId = bounty.id) =>
  call(url, "POST", `/bounties/${bountyId}/submissions/${submissionId}/${action}`, body);

describe("seeding", () => {
  it("fake.seedBounty and fake.seedBountySubmission return what the API shows", async () => {
    expect(bounty).toEqual({ id: expect.stringMatching(/^bnty_/), name: "Post a review", description: null, type: "submission", rewardAmount: 5000, createdAt: "2026-11-24T10:00:00.000Z" });
    const seeded = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim, urls: ["https://youtube.com/watch?v=1"] });
    expect(seeded).toMatchObject({ id: expect.stringMatching(/^bnty_sub_/), status: "submitted", completedAt: "2026-11-24T10:00:00.000Z", reviewedAt: null, periodNumber: 1 });
    expect((await submissions(bounty.id)).json).toEqual([seeded]);
  });

  it.each([
    [{ bountyId: "bnty_nope", partnerId: "kim" }, /no bounty/],
    [{ partnerId: "pn_nope" }, /no partner/],
    [{ status: "pending" }, /status/],
    [{ periodNumber: 0 }, /periodNumber/],
    [{ performanceCount: "3" }, /performanceCount/],
  ])("refuses %j", (seed, message) => {
    expect(() => fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim, ...seed } as never)).toThrow(message);
  });

  it("one submission per partner, bounty and period", () => {
    fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim });
    expect(() => fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim })).toThrow(/already has a submission/);
    expect(() => fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim, periodNumber: 2 })).not.toThrow();
  });

  it.each([[{ type: "contest" }], [{ rewardAmount: -1 }], [{ name: "" }]])("fake.seedBounty refuses %j", (seed) => {
    expect(() => fake.seedBounty(seed as never)).toThrow();
  });
});

describe("GET /bounties/{bountyId}/submissions", () => {
  it("every status but rejected by default, oldest completed first, drafts (not completed) first", async () => {
    const late = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim, completedAt: "2026-11-20T00:00:00.000Z" });
    const early = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: bo, completedAt: "2026-11-10T00:00:00.000Z" });
    const draft = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim, periodNumber: 2, status: "draft" });
    const rejected = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: bo, periodNumber: 2, status: "rejected" });
    expect((await submissions(bounty.id)).json.map((s: { id: string }) => s.id)).toEqual([draft.id, early.id, late.id]);
    expect((await submissions(bounty.id, "?sortOrder=desc")).json.map((s: { id: string }) => s.id)).toEqual([late.id, early.id, draft.id]);
    expect((await submissions(bounty.id, "?status=rejected")).json.map((s: { id: string }) => s.id)).toEqual([rejected.id]);
  });

  it("filters by partner and by the partner's group; sorts by a count; pages", async () => {
    const a = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim, socialMetricCount: 900 });
    const b = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: bo, socialMetricCount: 40 });
    const c = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim, periodNumber: 2, socialMetricCount: null });
    const ids = async (query: string) => (await submissions(bounty.id, query)).json.map((s: { id: string }) => s.id);
    expect(await ids(`?partnerId=${kim}`)).toEqual([a.id, c.id]);
    expect(await ids("?groupId=grp_vip")).toEqual([b.id]);
    expect(await ids("?sortBy=socialMetricCount&sortOrder=desc")).toEqual([a.id, b.id, c.id]);
    expect(await ids("?sortBy=socialMetricCount")).toEqual([c.id, b.id, a.id]);
    expect(await ids("?sortBy=socialMetricCount&pageSize=2&page=2")).toEqual([a.id]);
  });

  it("only the bounty's own submissions; 404 for an unknown bounty; 422 for an unknown status", async () => {
    const other = fake.seedBounty();
    fake.seedBountySubmission({ bountyId: other.id, partnerId: kim });
    expect((await submissions(bounty.id)).json).toEqual([]);
    const unknown = await submissions("bnty_nope");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toBe("Bounty bnty_nope not found.");
    expect((await submissions(bounty.id, "?status=pending")).status).toBe(422);
  });
});

describe("POST …/approve", () => {
  it("approves (200 with the submission), pays the bounty's reward as a pending custom commission", async () => {
    const submission = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim });
    clock += 60_000;
    const res = await review("approve", submission.id);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ...submission, status: "approved", reviewedAt: "2026-11-24T10:01:00.000Z" });
    expect(fake.bountyCommissions()).toEqual([
      expect.objectContaining({ type: "custom", amount: 0, earnings: 5000, status: "pending", partner: expect.objectContaining({ id: kim }), customer: null, bountySubmissionId: submission.id, description: 'Commission for successfully completed "Post a review" bounty.' }),
    ]);
    expect(fake.partners().find((p) => p.id === kim)!.totalCommissions).toBe(5000);
  });

  it("the reward is one of the program's commissions: GET /commissions lists it and it joins the partner's payout", async () => {
    const submission = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim });
    await review("approve", submission.id);
    const [reward] = fake.bountyCommissions();
    const listed = await call(url, "GET", `/commissions?partnerId=${kim}`);
    expect(listed.json).toEqual([expect.objectContaining({ id: reward!.id, type: "custom", earnings: 5000, status: "pending" })]);
    const [payout] = fake.processCommissions();
    expect(payout).toMatchObject({ status: "pending", amount: 5000, partner: expect.objectContaining({ id: kim }) });
    expect((await call(url, "GET", `/commissions?payoutId=${payout!.id}`)).json.map((c: { id: string }) => c.id)).toEqual([reward!.id]);
  });

  it("a second approval is the 400 a repeat meets, and pays nothing more", async () => {
    const submission = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim });
    await review("approve", submission.id, {});
    const again = await review("approve", submission.id, {});
    expect(again.status).toBe(400);
    expect(again.json.error.message).toBe("This bounty submission has already been approved.");
    expect(fake.bountyCommissions()).toHaveLength(1);
  });

  it("without a reward of its own, the bounty pays the request's rewardAmount; with neither, 400", async () => {
    const open = fake.seedBounty({ type: "performance" });
    const submission = fake.seedBountySubmission({ bountyId: open.id, partnerId: bo, performanceCount: 12 });
    const none = await review("approve", submission.id, undefined, open.id);
    expect(none.status).toBe(400);
    expect(none.json.error.message).toBe("Reward amount is required to approve the bounty submission.");
    expect((await review("approve", submission.id, { rewardAmount: 0 }, open.id)).status).toBe(400);
    expect((await review("approve", submission.id, { rewardAmount: 1234 }, open.id)).status).toBe(200);
    expect(fake.bountyCommissions().map((c) => c.earnings)).toEqual([1234]);
  });

  it("the bounty's own reward wins over the request's", async () => {
    const submission = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim });
    await review("approve", submission.id, { rewardAmount: 1 });
    expect(fake.bountyCommissions().map((c) => c.earnings)).toEqual([5000]);
  });

  it("400 for a draft; a rejected submission can be approved, its rejection cleared", async () => {
    const draft = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim, status: "draft" });
    const refused = await review("approve", draft.id);
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toBe("This bounty submission is in progress and cannot be approved.");
    const rejected = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: bo, status: "rejected" });
    const res = await review("approve", rejected.id);
    expect(res.json).toMatchObject({ status: "approved", rejectionReason: null, rejectionNote: null });
  });

  it("404 for an unknown bounty, an unknown submission, or one of another bounty", async () => {
    const submission = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim });
    const other = fake.seedBounty();
    expect((await review("approve", submission.id, undefined, "bnty_nope")).json.error.message).toBe("Bounty bnty_nope not found.");
    expect((await review("approve", "bnty_sub_nope")).json.error.message).toBe("Bounty submission bnty_sub_nope not found.");
    const elsewhere = await review("approve", submission.id, undefined, other.id);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.json.error.message).toBe(`Bounty submission ${submission.id} not found for bounty ${other.id}.`);
    expect(fake.bountyCommissions()).toEqual([]);
  });

  it("the body is optional: none, an empty one and one that is not JSON all read as {}; a wrong type is a 422", async () => {
    const ids = [kim, bo].flatMap((partnerId) => [1, 2].map((periodNumber) => fake.seedBountySubmission({ bountyId: bounty.id, partnerId, periodNumber }).id));
    expect((await call(url, "POST", `/bounties/${bounty.id}/submissions/${ids[0]}/approve`)).status).toBe(200);
    expect((await call(url, "POST", `/bounties/${bounty.id}/submissions/${ids[1]}/approve`, "")).status).toBe(200);
    expect((await call(url, "POST", `/bounties/${bounty.id}/submissions/${ids[2]}/approve`, "{oops")).status).toBe(200);
    const wrong = await review("approve", ids[3]!, { rewardAmount: "5000" });
    expect(wrong.status).toBe(422);
  });
});

describe("POST …/reject", () => {
  it("rejects (200): the reason (default other), the trimmed note, the review time", async () => {
    const a = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim });
    const b = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: bo });
    clock += 60_000;
    expect((await review("reject", a.id, { rejectionReason: "invalidProof", rejectionNote: "  The video is private. " })).json).toEqual({
      ...a,
      status: "rejected",
      reviewedAt: "2026-11-24T10:01:00.000Z",
      rejectionReason: "invalidProof",
      rejectionNote: "The video is private.",
    });
    expect((await review("reject", b.id)).json).toMatchObject({ status: "rejected", rejectionReason: "other", rejectionNote: null });
    expect(fake.bountyCommissions()).toEqual([]);
  });

  it("400 for a second rejection (what a repeat meets), for an approved submission and for a draft", async () => {
    const a = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim });
    await review("reject", a.id);
    expect((await review("reject", a.id)).json.error.message).toBe("This bounty submission has already been rejected.");
    const approved = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: bo, status: "approved" });
    expect((await review("reject", approved.id)).json.error.message).toBe("This bounty submission has already been approved and cannot be rejected.");
    const draft = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: bo, periodNumber: 2, status: "draft" });
    const refused = await review("reject", draft.id);
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toBe("This bounty submission is in progress and cannot be rejected.");
  });

  it("422 for an unknown reason or a note of 5,001 characters", async () => {
    const a = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: kim });
    expect((await review("reject", a.id, { rejectionReason: "spam" })).status).toBe(422);
    expect((await review("reject", a.id, { rejectionNote: "n".repeat(5001) })).status).toBe(422);
    expect((await submissions(bounty.id)).json[0].status).toBe("submitted");
  });
});

describe("webhook events of a review", () => {
  it("an approval records commission.created in the spec's CommissionCreatedEvent shape; a rejection records nothing", () => {
    const ctx = recordingContext();
    const partner = ROUTES.createPartner(ctx, { email: "kim@example.com", name: "Kim Lee" }).body as { id: string };
    ctx.events.length = 0; // the enrollment's partner.enrolled; the review's events are what count here
    const seeded = seedBounty(ctx.state, { name: "Post a review", rewardAmount: 5000 }, ctx.now, ctx.random);
    const a = seedBountySubmission(ctx.state, { bountyId: seeded.id, partnerId: partner.id }, ctx.now, ctx.random);
    const b = seedBountySubmission(ctx.state, { bountyId: seeded.id, partnerId: partner.id, periodNumber: 2 }, ctx.now, ctx.random);
    ROUTES.rejectBountySubmission(ctx, { bountyId: seeded.id, submissionId: b.id });
    expect(ctx.events).toEqual([]);
    ROUTES.approveBountySubmission(ctx, { bountyId: seeded.id, submissionId: a.id });
    expect(ctx.events.map((e) => e.event)).toEqual(["commission.created"]);
    const { data } = ctx.events[0]!;
    assertSpecSchema("#/components/schemas/CommissionCreatedEvent/properties/data", data);
    expect(data).toMatchObject({ type: "custom", amount: 0, earnings: 5000, currency: "usd", status: "pending", customer: null, link: null, partner: { id: partner.id, totalCommissions: 5000 } });
    expect(() => ROUTES.approveBountySubmission(ctx, { bountyId: seeded.id, submissionId: a.id })).toThrow(/already been approved/);
    expect(ctx.events).toHaveLength(1);
  });
});
