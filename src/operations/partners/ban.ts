import * as z from "zod/mini";
import { withCrossFieldRules } from "../../core/cross-field-rules.js";
import { defineOperation } from "../../core/operation.js";
import { oneOf } from "../../core/schema.js";
import { partnerIdentity, partnerIdResponseSchema, requirePartner } from "../../models/partner-identity.js";

const BAN_REASONS = ["tos_violation", "inappropriate_content", "fake_traffic", "fraud", "spam", "brand_abuse"] as const;

/**
 * Why a partner is banned.
 *
 * @useDeclaredType
 */
export type BanPartnerReason = (typeof BAN_REASONS)[number];

/** Request schema of `partners.ban`. */
const banPartnerRequestSchema = withCrossFieldRules(
  z.strictObject({
    ...partnerIdentity,
    /** The reason for banning the partner. */
    reason: oneOf(BAN_REASONS),
  }),
  requirePartner,
);

/** Body of `partners.ban` (`POST /partners/ban`). Give `partnerId` or `tenantId`, and a `reason`. */
export type BanPartnerRequestBody = z.input<typeof banPartnerRequestSchema>;

/** What `partners.ban` returns (`200`): the ID of the banned partner. */
export type BanPartnerResponseBody = z.output<typeof partnerIdResponseSchema>;

export default {
  /**
   * Bans a partner (named by `partnerId` or `tenantId`) from your program: their links are
   * disabled and their pending commissions canceled. Safe to retry: a repeat cannot ban twice.
   * When an attempt banned the partner but its answer was lost, the retry's "already banned" is
   * reported as `AlreadyApplied` (done), not as a `BadRequest`.
   *
   * @example
   * ```ts
   * await dub.partners.ban({ partnerId: partner.id, reason: "fake_traffic" });
   * ```
   */
  ban: defineOperation({
    operationId: "banPartner",
    http: "POST /partners/ban",
    argument: "body",
    request: banPartnerRequestSchema,
    response: partnerIdResponseSchema,
    idempotent: true,
    repeat: { alreadyApplied: { statuses: [400], message: /already banned/i } },
  }),
};
