import { FakeApiError } from "../api-error.js";
import { type BountySubmissionRecord, type FakeBounty, submissionView } from "../bounty-records.js";
import { addCommission, FAKE_USER_ID } from "../commission-records.js";
import type { CommissionRecord } from "../program-records.js";
import type { Route, RouteContext } from "./context.js";
import { pageOf } from "./pages.js";

/** The statuses listed when the query names none: every one but `rejected`, as the server lists. */
const LISTED_BY_DEFAULT: readonly string[] = ["draft", "submitted", "approved"];

function bountyOf(ctx: RouteContext, bountyId: string): FakeBounty {
  const bounty = ctx.state.bounties.get(bountyId);
  if (!bounty) throw new FakeApiError("not_found", `Bounty ${bountyId} not found.`);
  return bounty;
}

function submissionOf(ctx: RouteContext, bountyId: string, submissionId: string): BountySubmissionRecord {
  const submission = ctx.state.bountySubmissions.get(submissionId);
  if (!submission) throw new FakeApiError("not_found", `Bounty submission ${submissionId} not found.`);
  if (submission.bountyId !== bountyId) throw new FakeApiError("not_found", `Bounty submission ${submissionId} not found for bounty ${bountyId}.`);
  return submission;
}

/** Compares two sort values as the server's database does: `null` first in ascending order. */
function compareNullable(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * `GET /bounties/{bountyId}/submissions` (200): the bounty's submissions in `status` (default:
 * every status but `rejected`), of the partners of `groupId` and/or of `partnerId`, sorted by
 * `sortBy` (default `completedAt`) in `sortOrder` (default `asc`; `null` first ascending, last
 * descending; ties in creation order), paged. 404 for an unknown bounty.
 */
export const listBountySubmissionsRoute: Route<"listBountySubmissions"> = (ctx, input) => {
  bountyOf(ctx, input.bountyId);
  const { sortBy = "completedAt", sortOrder = "asc" } = input;
  const direction = sortOrder === "desc" ? -1 : 1;
  const submissions = [...ctx.state.bountySubmissions.values()]
    .filter((s) => s.bountyId === input.bountyId)
    .filter((s) => (input.status === undefined ? LISTED_BY_DEFAULT.includes(s.status) : s.status === input.status))
    .filter((s) => input.partnerId === undefined || s.partnerId === input.partnerId)
    .filter((s) => input.groupId === undefined || ctx.state.partners.get(s.partnerId)?.groupId === input.groupId)
    .sort((a, b) => direction * compareNullable(a[sortBy], b[sortBy]))
    .map(submissionView);
  return { status: 200, body: pageOf(submissions, input) };
};

/** Refuses to review a draft: the partner is still working on it. */
function refuseDraft(submission: BountySubmissionRecord, action: "approved" | "rejected"): void {
  if (submission.status === "draft") throw new FakeApiError("bad_request", `This bounty submission is in progress and cannot be ${action}.`);
}

/**
 * Records the reward of an approved submission as the server does: a pending custom commission
 * of the partner (no sale, no customer, no link) in the program's commissions, so that
 * `GET /commissions`, the partner's `totalCommissions` and the payouts count it, with
 * `commission.created`.
 */
function payReward(ctx: RouteContext, bounty: FakeBounty, submission: BountySubmissionRecord, reward: number): CommissionRecord {
  return addCommission(ctx, {
    type: "custom",
    partnerId: submission.partnerId,
    amount: 0,
    earnings: reward,
    quantity: 1,
    description: `Commission for successfully completed "${bounty.name}" bounty.`,
    userId: FAKE_USER_ID,
  });
}

/**
 * `POST /bounties/{bountyId}/submissions/{submissionId}/approve` (200 with the submission): a
 * submitted (or rejected) submission becomes `approved`, reviewed now, its rejection cleared, and
 * earns the bounty's `rewardAmount` (else the request's) as a pending custom commission, recorded
 * with `commission.created`. 404 for an unknown bounty or submission (or one of another bounty);
 * 400 for a draft, for one already approved, and when neither the bounty nor the request gives a
 * reward. The body is optional.
 */
export const approveBountySubmissionRoute: Route<"approveBountySubmission"> = (ctx, input) => {
  const bounty = bountyOf(ctx, input.bountyId);
  const submission = submissionOf(ctx, input.bountyId, input.submissionId);
  refuseDraft(submission, "approved");
  if (submission.status === "approved") throw new FakeApiError("bad_request", "This bounty submission has already been approved.");
  const reward = bounty.rewardAmount ?? input.requestBody?.rewardAmount;
  if (!reward) throw new FakeApiError("bad_request", "Reward amount is required to approve the bounty submission.");
  const commission = payReward(ctx, bounty, submission, reward);
  const approved: BountySubmissionRecord = {
    ...submission,
    status: "approved",
    reviewedAt: new Date(ctx.now).toISOString(),
    rejectionReason: null,
    rejectionNote: null,
    commissionId: commission.id,
  };
  ctx.state.bountySubmissions.set(approved.id, approved);
  return { status: 200, body: submissionView(approved) };
};

/**
 * `POST /bounties/{bountyId}/submissions/{submissionId}/reject` (200 with the submission): a
 * submitted submission becomes `rejected`, reviewed now, with `rejectionReason` (default `other`)
 * and the trimmed `rejectionNote`. 404 as for approve; 400 for a draft, for one already rejected,
 * and for an approved one. The body is optional.
 */
export const rejectBountySubmissionRoute: Route<"rejectBountySubmission"> = (ctx, input) => {
  bountyOf(ctx, input.bountyId);
  const submission = submissionOf(ctx, input.bountyId, input.submissionId);
  refuseDraft(submission, "rejected");
  if (submission.status === "rejected") throw new FakeApiError("bad_request", "This bounty submission has already been rejected.");
  if (submission.status === "approved") throw new FakeApiError("bad_request", "This bounty submission has already been approved and cannot be rejected.");
  const rejected: BountySubmissionRecord = {
    ...submission,
    status: "rejected",
    reviewedAt: new Date(ctx.now).toISOString(),
    rejectionReason: input.requestBody?.rejectionReason ?? "other",
    rejectionNote: input.requestBody?.rejectionNote?.trim() ?? null,
    commissionId: null,
  };
  ctx.state.bountySubmissions.set(rejected.id, rejected);
  return { status: 200, body: submissionView(rejected) };
};
