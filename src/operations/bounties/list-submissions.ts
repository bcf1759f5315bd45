import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { oneOf, pageFields } from "../../core/schema.js";
import { BOUNTY_SUBMISSION_STATUSES, type BountySubmission, bountySubmissionSchema } from "../../models/bounty-submission.js";
import { pathParameter } from "../../models/path-parameter.js";

const SORT_BY = ["completedAt", "performanceCount", "socialMetricCount"] as const;

/**
 * A field `bounties.listSubmissions` can sort by.
 *
 * @useDeclaredType
 */
export type ListBountySubmissionsSortBy = (typeof SORT_BY)[number];

/** Request schema of `bounties.listSubmissions`: the bounty in the path, the rest in the query. */
const listBountySubmissionsRequestSchema = z.strictObject({
  /** The ID of the bounty (`bnty_...`, in the URL of the bounty's page). An unknown bounty is a 404 `NotFound`. */
  bountyId: pathParameter,
  /** Only the submissions in this state. Default: every state but `rejected`. */
  status: z.optional(oneOf(BOUNTY_SUBMISSION_STATUSES)),
  /** Only the submissions of the partners of this group. */
  groupId: z.optional(z.string()),
  /** Only the submissions of this partner. */
  partnerId: z.optional(z.string()),
  /** The field to sort the submissions by. Default `completedAt`. */
  sortBy: z.optional(oneOf(SORT_BY)),
  /** The sort order. Default `asc`. */
  sortOrder: z.optional(oneOf(["asc", "desc"])),
  ...pageFields,
});

/** Argument of `bounties.listSubmissions` (`GET /bounties/{bountyId}/submissions`): `bountyId` and the query. */
export type ListBountySubmissionsRequest = z.input<typeof listBountySubmissionsRequestSchema>;

/** One submission of what `bounties.listSubmissions` lists. */
export type ListBountySubmissionsResponseBody = BountySubmission;

export default {
  /**
   * Lists the submissions to a bounty, oldest completed first unless sorted otherwise; rejected
   * ones only when `status: "rejected"` asks for them. Await it for one page (an array), or
   * iterate it with `for await` for every submission of every page from `page` on. Safe to retry.
   *
   * @example
   * ```ts
   * for await (const submission of dub.bounties.listSubmissions({ bountyId: "bnty_1K2QY9H4T6V8W0X2Y4Z6A8B0C2", status: "submitted" })) {
   *   console.log(submission.partnerId, submission.urls);
   * }
   * ```
   */
  listSubmissions: defineOperation({
    operationId: "listBountySubmissions",
    http: "GET /bounties/{bountyId}/submissions",
    argument: "parameters",
    request: listBountySubmissionsRequestSchema,
    response: z.array(bountySubmissionSchema),
    idempotent: true,
    paging: "page",
  }),
};
