import { BOUNTY_SUBMISSION_STATUSES, type BountySubmission, type BountySubmissionFile, type BountySubmissionStatus } from "../../models/bounty-submission.js";
import type { Commission } from "../../models/commission.js";
import { commissionView } from "./commission-records.js";
import type { WebhookBountyData } from "../../webhooks/event-data/bounty.js";
import { createId, type RandomSource } from "./random.js";
import { recordEvent } from "./webhooks/record.js";
import type { FakeState } from "./state.js";
import type { BountySubmissionRecord, FakeBounty } from "./catalog-records.js";

export type { BountySubmissionRecord, FakeBounty } from "./catalog-records.js";

/** A bounty for `fake.seedBounty`. Every field is optional. */
export interface BountySeed {
  /** Default `"Bounty"`. */
  readonly name?: string;
  /** Default `null`. */
  readonly description?: string | null;
  /** Default `"submission"`. */
  readonly type?: "submission" | "performance";
  /** The reward of an approved submission, in cents. Default `null`: each approval must then give `rewardAmount`. */
  readonly rewardAmount?: number | null;
}

/** A partner's submission for `fake.seedBountySubmission`: `bountyId` and `partnerId` are required. */
export interface BountySubmissionSeed {
  /** A bounty of the fake (`fake.seedBounty`). */
  readonly bountyId: string;
  /** A partner of the fake. */
  readonly partnerId: string;
  /** Default `"submitted"` (awaiting review). A seeded `approved` submission has no reward commission. */
  readonly status?: BountySubmissionStatus;
  /** Default `null`. */
  readonly description?: string | null;
  /** The URLs submitted. Default `null`. */
  readonly urls?: string[] | null;
  /** The files uploaded. Default `null`. */
  readonly files?: BountySubmissionFile[] | null;
  /** Default `null`. */
  readonly performanceCount?: number | null;
  /** Views or likes of the social content. Default `null`. */
  readonly socialMetricCount?: number | null;
  /** When it was completed (ISO 8601). Default: now, or `null` for a draft. */
  readonly completedAt?: string | null;
  /** The period it is for, from 1; a partner has one submission per bounty and period. Default `1`. */
  readonly periodNumber?: number;
}

/**
 * The custom commission an approved submission earned: the commission as `GET /commissions`
 * lists it (it is one of `fake.commissions()`, and joins payouts like any other), with the
 * submission it rewards.
 */
export interface BountyRewardCommission extends Commission {
  /** The approved submission it rewards. */
  readonly bountySubmissionId: string;
}

const nullableNumber = (value: unknown) => value === null || (typeof value === "number" && Number.isFinite(value));

/** Stores a bounty. */
export function seedBounty(state: FakeState, seed: BountySeed | undefined, now: number, random: RandomSource): FakeBounty {
  const { name = "Bounty", description = null, type = "submission", rewardAmount = null } = seed ?? {};
  if (typeof name !== "string" || name === "") throw new TypeError("name must be a non-empty string");
  if (type !== "submission" && type !== "performance") throw new RangeError('type must be "submission" or "performance"');
  if (!nullableNumber(rewardAmount) || (rewardAmount !== null && rewardAmount < 0)) throw new RangeError("rewardAmount must be a non-negative number or null");
  const bounty: FakeBounty = { id: createId("bnty_", now, random), name, description, type, rewardAmount, createdAt: new Date(now).toISOString() };
  state.bounties.set(bounty.id, bounty);
  // As the server does when a bounty is created (in the dashboard or through POST /bounties).
  recordEvent(state, "bounty.created", bountyEventData(bounty), now, random);
  return bounty;
}

/** The data of a bounty's `bounty.created` event: the fields Dub sends, open from creation, for every group. */
function bountyEventData(bounty: FakeBounty): WebhookBountyData {
  const performance = bounty.type === "performance";
  return {
    id: bounty.id,
    name: bounty.name,
    description: bounty.description,
    type: bounty.type,
    startsAt: bounty.createdAt,
    endsAt: null,
    startMode: "absolute",
    endsAfterDays: null,
    submissionsOpenAt: null,
    submissionFrequency: null,
    maxSubmissions: 1,
    rewardAmount: bounty.rewardAmount,
    rewardDescription: null,
    performanceCondition: performance ? { attribute: "totalLeads", operator: "gte", value: 10 } : null,
    performanceScope: performance ? "new" : null,
    submissionRequirements: null,
    groups: [],
    partnerTags: [],
  };
}

/** Stores a partner's submission to a bounty; returns it as the API does. */
export function seedBountySubmission(state: FakeState, seed: BountySubmissionSeed, now: number, random: RandomSource): BountySubmission {
  if (!state.bounties.has(seed?.bountyId)) throw new Error(`no bounty with the id ${String(seed?.bountyId)}`);
  if (!state.partners.has(seed.partnerId)) throw new Error(`no partner with the id ${String(seed.partnerId)}`);
  const { status = "submitted", periodNumber = 1 } = seed;
  if (!(BOUNTY_SUBMISSION_STATUSES as readonly string[]).includes(status)) throw new RangeError(`status must be one of ${BOUNTY_SUBMISSION_STATUSES.join(", ")}`);
  if (!(Number.isSafeInteger(periodNumber) && periodNumber >= 1)) throw new RangeError("periodNumber must be an integer from 1");
  for (const field of ["performanceCount", "socialMetricCount"] as const) {
    if (seed[field] !== undefined && !nullableNumber(seed[field])) throw new RangeError(`${field} must be a number or null`);
  }
  for (const other of state.bountySubmissions.values()) {
    if (other.bountyId === seed.bountyId && other.partnerId === seed.partnerId && other.periodNumber === periodNumber) {
      throw new Error(`partner ${seed.partnerId} already has a submission to bounty ${seed.bountyId} for period ${periodNumber}`);
    }
  }
  const at = new Date(now).toISOString();
  const reviewed = status === "approved" || status === "rejected";
  const record: BountySubmissionRecord = {
    id: createId("bnty_sub_", now, random),
    bountyId: seed.bountyId,
    partnerId: seed.partnerId,
    description: seed.description ?? null,
    urls: seed.urls ?? null,
    files: seed.files ?? null,
    status,
    performanceCount: seed.performanceCount ?? null,
    socialMetricCount: seed.socialMetricCount ?? null,
    socialMetricsLastSyncedAt: null,
    createdAt: at,
    completedAt: seed.completedAt !== undefined ? seed.completedAt : status === "draft" ? null : at,
    reviewedAt: reviewed ? at : null,
    rejectionReason: status === "rejected" ? "other" : null,
    rejectionNote: null,
    periodNumber,
    commissionId: null,
  };
  state.bountySubmissions.set(record.id, record);
  return submissionView(record);
}

/** A submission as the API returns it (without what the spec does not list). */
export function submissionView(record: BountySubmissionRecord): BountySubmission {
  const { commissionId: _commission, ...submission } = record;
  return structuredClone(submission);
}

/** The commissions approved submissions earned, oldest first, as `fake.bountyCommissions()` lists them (copies). */
export function bountyRewardCommissions(state: FakeState): BountyRewardCommission[] {
  const rewarded = new Map<string, string>();
  for (const submission of state.bountySubmissions.values()) if (submission.commissionId) rewarded.set(submission.commissionId, submission.id);
  const rewards: BountyRewardCommission[] = [];
  for (const commission of state.program.commissions.values()) {
    const bountySubmissionId = rewarded.get(commission.id);
    if (bountySubmissionId) rewards.push(structuredClone({ ...commissionView(state, commission), bountySubmissionId }));
  }
  return rewards;
}
