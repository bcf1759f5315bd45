import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { optionalNullable } from "../../core/schema.js";
import { partnerIdResponseSchema } from "../../models/partner-identity.js";

/** Request schema of `partnerApplications.approve`. */
const approvePartnerApplicationRequestSchema = z.strictObject({
  /** The ID of the partner to approve. */
  partnerId: z.string(),
  /** The ID of the group to assign the partner to. If not provided, the partner will be assigned to the group they applied to, or the program's default group if no application group is set. */
  groupId: optionalNullable(z.string()),
});

/** Body of `partnerApplications.approve` (`POST /partners/applications/approve`). */
export type ApprovePartnerApplicationRequestBody = z.input<typeof approvePartnerApplicationRequestSchema>;

/** What `partnerApplications.approve` returns (`200`): the ID of the approved partner. */
export type ApprovePartnerApplicationResponseBody = z.output<typeof partnerIdResponseSchema>;

export default {
  /**
   * Approves a pending (or previously rejected) application: the partner is enrolled in `groupId`,
   * else the group they applied to, else the program's default group, and notified. Safe to retry:
   * a repeat cannot enroll twice; after an attempt whose answer was lost, the retry's "already
   * approved" is reported as `AlreadyApplied` (done).
   *
   * @example
   * ```ts
   * await dub.partnerApplications.approve({ partnerId: application.partner.id, groupId: "grp_vip" });
   * ```
   */
  approve: defineOperation({
    operationId: "approvePartnerApplication",
    http: "POST /partners/applications/approve",
    argument: "body",
    request: approvePartnerApplicationRequestSchema,
    response: partnerIdResponseSchema,
    idempotent: true,
    repeat: { alreadyApplied: { statuses: [400], message: /already approved/i } },
  }),
};
