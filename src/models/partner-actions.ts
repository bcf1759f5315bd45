import * as z from "zod/mini";
import { withCrossFieldRules } from "../core/cross-field-rules.js";
import { oneOf, partnerIdentity, requirePartner } from "./schema-helpers.js";

/** Why a partner is banned. */
export type BanPartnerReason = "tos_violation" | "inappropriate_content" | "fake_traffic" | "fraud" | "spam" | "brand_abuse";

/** Body of `partners.ban` (`POST /partners/ban`). Give `partnerId` or `tenantId`, and a `reason`. */
export interface BanPartnerRequestBody {
  /** The partner's ID on Dub. Takes precedence over `tenantId`. One of the two is required. */
  partnerId?: string | null;
  /** The partner's ID in your system. One of `partnerId` and `tenantId` is required. */
  tenantId?: string | null;
  /** The reason for banning the partner. */
  reason: BanPartnerReason;
}

/** Body of `partners.deactivate` (`POST /partners/deactivate`). Give `partnerId` or `tenantId`. */
export interface DeactivatePartnerRequestBody {
  /** The partner's ID on Dub. Takes precedence over `tenantId`. One of the two is required. */
  partnerId?: string | null;
  /** The partner's ID in your system. One of `partnerId` and `tenantId` is required. */
  tenantId?: string | null;
}

/** What `partners.ban` returns (`200`). */
export interface BanPartnerResponseBody {
  /** The ID of the banned partner. */
  partnerId: string;
}

/** What `partners.deactivate` returns (`200`). */
export interface DeactivatePartnerResponseBody {
  /** The ID of the deactivated partner. */
  partnerId: string;
}

/** Request schema of `partners.ban`. */
export const banPartnerRequestSchema: z.ZodMiniType<BanPartnerRequestBody, BanPartnerRequestBody> = withCrossFieldRules(
  z.strictObject({
    ...partnerIdentity,
    reason: oneOf(["tos_violation", "inappropriate_content", "fake_traffic", "fraud", "spam", "brand_abuse"]),
  }),
  requirePartner,
);

/** Request schema of `partners.deactivate`. */
export const deactivatePartnerRequestSchema: z.ZodMiniType<DeactivatePartnerRequestBody, DeactivatePartnerRequestBody> = withCrossFieldRules(z.strictObject(partnerIdentity), requirePartner);

/** Response schema of the actions that answer with the partner's ID (ban, deactivate, approve, reject). */
export const partnerIdResponseSchema: z.ZodMiniType<{ partnerId: string }> = z.looseObject({ partnerId: z.string() });
