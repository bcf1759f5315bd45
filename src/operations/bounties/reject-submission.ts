import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { maxString, oneOf } from "../../core/schema.js";
import { BOUNTY_REJECTION_REASONS, bountySubmissionSchema } from "../../models/bounty-submission.js";
import { pathParameter } from "../../models/path-parameter.js";

/** Request schema of `bounties.rejectSubmission`: the bounty and the submission in the path, an optional body. */
const rejectBountySubmissionRequestSchema = z.strictObject({
  /** The ID of the bounty (`bnty_...`). */
  bountyId: pathParameter,
  /** The ID of the submission to reject (`bnty_sub_...`). */
  submissionId: pathParameter,
  /** The body; optional (without it, nothing is sent and the reason is `other`). */
  requestBody: z.optional(
    z.strictObject({
      /** Why the submission is rejected; the partner is told. Server default `other`. */
      rejectionReason: z.optional(oneOf(BOUNTY_REJECTION_REASONS)),
      /** A note for the partner (at most 5,000 characters; the server trims it). */
      rejectionNote: z.optional(maxString(5000)),
    }),
  ),
});

/** Argument of `bounties.rejectSubmission` (`POST /bounties/{bountyId}/submissions/{submissionId}/reject`). */
export type RejectBountySubmissionRequest = z.input<typeof rejectBountySubmissionRequestSchema>;

/** What `bounties.rejectSubmission` returns (`200`): the rejected submission. */
export type RejectBountySubmissionResponseBody = z.output<typeof bountySubmissionSchema>;

export default {
  /**
   * Rejects a submission to a bounty, with a reason and a note the partner is told by email. A
   * draft or an approved submission cannot be rejected (400 `BadRequest`). Safe to retry: when an
   * attempt rejected it but its answer was lost, the retry's "already been rejected" is reported
   * as `AlreadyApplied` (done).
   *
   * @example
   * ```ts
   * await dub.bounties.rejectSubmission({
   *   bountyId: "bnty_1K2QY9H4T6V8W0X2Y4Z6A8B0C2",
   *   submissionId: "bnty_sub_1K2QYB3C5D7E9F1G3H5J7K9M1N",
   *   requestBody: { rejectionReason: "invalidProof", rejectionNote: "The video is private." },
   * });
   * ```
   */
  rejectSubmission: defineOperation({
    operationId: "rejectBountySubmission",
    http: "POST /bounties/{bountyId}/submissions/{submissionId}/reject",
    argument: "parameters",
    request: rejectBountySubmissionRequestSchema,
    response: bountySubmissionSchema,
    idempotent: true,
    repeat: { alreadyApplied: { statuses: [400], message: /already been rejected/i } },
  }),
};
