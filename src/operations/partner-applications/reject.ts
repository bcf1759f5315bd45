import * as z from "zod/mini";
import { type CrossFieldRule, withCrossFieldRules } from "../../core/cross-field-rules.js";
import { defineOperation } from "../../core/operation.js";
import { maxString, oneOf } from "../../core/schema.js";
import { partnerIdResponseSchema } from "../../models/partner-identity.js";

const REJECTION_REASONS = ["needsMoreDetail", "doesNotMeetRequirements", "notTheRightFit", "other"] as const;

/**
 * Why an application is rejected.
 *
 * @useDeclaredType
 */
export type PartnerApplicationRejectionReason = (typeof REJECTION_REASONS)[number];

/** The server's rules across the fields of a rejection (it answers 400 to a body that breaks them). */
const fraudFlagRules: CrossFieldRule = {
  test: (input) => {
    const { flagForFraud, flagForFraudReason, reapplicationTimeframe } = input as { flagForFraud?: unknown; flagForFraudReason?: unknown; reapplicationTimeframe?: unknown };
    if (flagForFraud !== true) return true;
    return reapplicationTimeframe !== "instant" && typeof flagForFraudReason === "string" && flagForFraudReason.trim() !== "";
  },
  message: 'flagForFraud needs a non-empty flagForFraudReason and cannot be combined with reapplicationTimeframe "instant"',
};

/** Request schema of `partnerApplications.reject`. */
const rejectPartnerApplicationRequestSchema = withCrossFieldRules(
  z.strictObject({
    /** The ID of the partner to reject. */
    partnerId: z.string(),
    /** The reason for rejecting the partner application. This will be shared with the partner via email. */
    rejectionReason: z.optional(oneOf(REJECTION_REASONS)),
    /** Additional details about the rejection (at most 500 characters). This will be shared with the partner via email. */
    rejectionNote: z.optional(maxString(500)),
    /** When the partner may apply again: `instant` (at once; the rejected enrollment is removed), `standard` (after 30 days, the server's default) or `never`. */
    reapplicationTimeframe: z.optional(oneOf(["instant", "standard", "never"])),
    /** Whether to flag the partner for fraud review by the Dub team. Cannot be combined with `reapplicationTimeframe: "instant"`, and needs `flagForFraudReason`. */
    flagForFraud: z.optional(z.boolean()),
    /** The reason for flagging the partner for fraud (at most 2,000 characters). Required when `flagForFraud` is true. */
    flagForFraudReason: z.optional(maxString(2000)),
  }),
  fraudFlagRules,
);

/** Body of `partnerApplications.reject` (`POST /partners/applications/reject`). */
export type RejectPartnerApplicationRequestBody = z.input<typeof rejectPartnerApplicationRequestSchema>;

/** What `partnerApplications.reject` returns (`200`): the ID of the rejected partner. */
export type RejectPartnerApplicationResponseBody = z.output<typeof partnerIdResponseSchema>;

export default {
  /**
   * Rejects a pending application; the partner is told by email, with `rejectionReason` and
   * `rejectionNote`. Safe to retry: a repeat cannot reject twice; after an attempt whose answer was
   * lost, the retry's "no longer pending" (or, after an `instant` rejection, its 404) is reported
   * as `AlreadyApplied` (done).
   *
   * @example
   * ```ts
   * await dub.partnerApplications.reject({ partnerId, rejectionReason: "needsMoreDetail", rejectionNote: "Tell us about your audience." });
   * ```
   */
  reject: defineOperation({
    operationId: "rejectPartnerApplication",
    http: "POST /partners/applications/reject",
    argument: "body",
    request: rejectPartnerApplicationRequestSchema,
    response: partnerIdResponseSchema,
    idempotent: true,
    repeat: { alreadyApplied: { statuses: [400, 404], message: /no longer pending|enrollment not found/i } },
  }),
};
