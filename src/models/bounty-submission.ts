import * as z from "zod/mini";
import { openEnum, optionalNullable, responseObject } from "../core/schema.js";

/** The states of a bounty submission: `draft` (in progress), `submitted` (awaiting review), `approved`, `rejected`. */
export const BOUNTY_SUBMISSION_STATUSES = ["draft", "submitted", "approved", "rejected"] as const;

/**
 * The state of a bounty submission.
 *
 * @useDeclaredType
 */
export type BountySubmissionStatus = (typeof BOUNTY_SUBMISSION_STATUSES)[number];

/** Why a bounty submission is rejected. */
export const BOUNTY_REJECTION_REASONS = ["invalidProof", "duplicateSubmission", "outOfTimeWindow", "didNotMeetCriteria", "other"] as const;

/**
 * Why a bounty submission is rejected.
 *
 * @useDeclaredType
 */
export type BountySubmissionRejectionReason = (typeof BOUNTY_REJECTION_REASONS)[number];

/** A file a partner uploaded with a submission. */
const bountySubmissionFileSchema = responseObject({
  /** The URL of the uploaded file. */
  url: z.string(),
  /** The original file name. */
  fileName: z.string(),
  /** The file size in bytes. */
  size: z.number(),
});

/** A file a partner uploaded with a bounty submission. */
export type BountySubmissionFile = z.output<typeof bountySubmissionFileSchema>;

/**
 * Response schema of a bounty submission, as `bounties.listSubmissions` lists it and
 * `bounties.approveSubmission` / `bounties.rejectSubmission` return it.
 */
export const bountySubmissionSchema = responseObject({
  /** The ID of the bounty submission. */
  id: z.string(),
  /** The ID of the bounty (`bnty_...`). */
  bountyId: z.string(),
  /** The ID of the partner who submitted. */
  partnerId: z.string(),
  /** The description of the submission. */
  description: z.nullable(z.string()),
  /** The URLs submitted for the submission. */
  urls: z.nullable(z.array(z.string())),
  /** The files uploaded for the submission. */
  files: z.nullable(z.array(bountySubmissionFileSchema)),
  /** The status of the submission. New statuses parse as plain strings. */
  status: openEnum<BountySubmissionStatus>(),
  /** The performance count of the submission (for performance bounties). */
  performanceCount: z.nullable(z.number()),
  /** The social metric count (views or likes) of the social content submitted. */
  socialMetricCount: z.nullable(z.number()),
  /** When the submission's social metrics were last synced. */
  socialMetricsLastSyncedAt: optionalNullable(z.string()),
  /** When the submission was created. */
  createdAt: z.string(),
  /** When the submission was completed (submitted for review); `null` while it is a draft. */
  completedAt: z.nullable(z.string()),
  /** When the submission was reviewed (approved or rejected). */
  reviewedAt: z.nullable(z.string()),
  /** Why the submission was rejected. New reasons parse as plain strings. */
  rejectionReason: z.nullable(openEnum<BountySubmissionRejectionReason>()),
  /** The note sent with the rejection. */
  rejectionNote: z.nullable(z.string()),
  /** The period this submission is for, from 1 (bounties that take one submission per day, week or month). */
  periodNumber: z.number(),
});

/**
 * A partner's submission to a bounty. Fields the API adds later are kept on the object (the
 * server also sends the submitting `partner`, the reward `commission` and the reviewing `user`,
 * which the OpenAPI document does not list); new enum values parse as plain strings.
 */
export type BountySubmission = z.output<typeof bountySubmissionSchema>;
