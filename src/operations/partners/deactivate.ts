import * as z from "zod/mini";
import { withCrossFieldRules } from "../../core/cross-field-rules.js";
import { defineOperation } from "../../core/operation.js";
import { partnerIdentity, partnerIdResponseSchema, requirePartner } from "../../models/partner-identity.js";

/** Request schema of `partners.deactivate`. */
const deactivatePartnerRequestSchema = withCrossFieldRules(z.strictObject(partnerIdentity), requirePartner);

/** Body of `partners.deactivate` (`POST /partners/deactivate`). Give `partnerId` or `tenantId`. */
export type DeactivatePartnerRequestBody = z.input<typeof deactivatePartnerRequestSchema>;

/** What `partners.deactivate` returns (`200`): the ID of the deactivated partner. */
export type DeactivatePartnerResponseBody = z.output<typeof partnerIdResponseSchema>;

export default {
  /**
   * Deactivates a partner (named by `partnerId` or `tenantId`): their links are disabled, their
   * commissions and payouts stay, and they can be reactivated later. Only approved or archived
   * partners can be deactivated (others fail with `BadRequest`). Safe to retry: after an attempt
   * whose answer was lost, the retry's refusal is reported as `AlreadyApplied` (done).
   *
   * @example
   * ```ts
   * await dub.partners.deactivate({ tenantId: "user_42" });
   * ```
   */
  deactivate: defineOperation({
    operationId: "deactivatePartner",
    http: "POST /partners/deactivate",
    argument: "body",
    request: deactivatePartnerRequestSchema,
    response: partnerIdResponseSchema,
    idempotent: true,
    repeat: { alreadyApplied: { statuses: [400], message: /status in this program is "deactivated"/i } },
  }),
};
