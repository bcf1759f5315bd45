import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { optionalNullable } from "../../core/schema.js";
import { bountySubmissionSchema } from "../../models/bounty-submission.js";
import { pathParameter } from "../../models/path-parameter.js";

/** Request schema of `bounties.approveSubmission`: the bounty and the submission in the path, an optional body. */
const approveBountySubmissionRequestSchema = z.strictObject({
  /** The ID of the bounty (`bnty_...`). */
  bountyId: pathParameter,
  /** The ID of the submission to approve (`bnty_sub_...`). */
  submissionId: pathParameter,
  /** The body; optional (without it, nothing is sent and the bounty's own reward applies). */
  requestBody: z.optional(
    z.strictObject({
      /**
       * The reward, in cents, for a bounty that sets none (performance bounties): the bounty's own
       * reward wins when it has one. Without either, the approval is a 400 `BadRequest`.
       */
      rewardAmount: optionalNullable(z.number()),
    }),
  ),
});

/** Argument of `bounties.approveSubmission` (`POST /bounties/{bountyId}/submissions/{submissionId}/approve`). */
export type ApproveBountySubmissionRequest = z.input<typeof approveBountySubmissionRequestSchema>;

/** What `bounties.approveSubmission` returns (`200`): the approved submission. */
export type ApproveBountySubmissionResponseBody = z.output<typeof bountySubmissionSchema>;

export default {
  /**
   * Approves a submission to a bounty: it becomes `approved`, the partner is told by email and
   * earns the reward as a custom commission (the bounty's `rewardAmount`, else the one given). A
   * draft (still in progress) cannot be approved; a rejected submission can. Safe to retry: a
   * repeat cannot pay twice; when an attempt approved it but its answer was lost, the retry's
   * "already been approved" is reported as `AlreadyApplied` (done).
   *
   * @example
   * ```ts
   * await dub.bounties.approveSubmission({ bountyId: "bnty_1K2QY9H4T6V8W0X2Y4Z6A8B0C2", submissionId: "bnty_sub_1K2QYB3C5D7E9F1G3H5J7K9M1N" });
   * ```
   */
  approveSubmission: defineOperation({
    operationId: "approveBountySubmission",
    http: "POST /bounties/{bountyId}/submissions/{submissionId}/approve",
    argument: "parameters",
    request: approveBountySubmissionRequestSchema,
    response: bountySubmissionSchema,
    idempotent: true,
    repeat: { alreadyApplied: { statuses: [400], message: /already been approved/i } },
  }),
};
