import * as z from "zod/mini";
import { withCrossFieldRules } from "../core/cross-field-rules.js";
import { type PartnerLink, partnerLinkSchema } from "./partner.js";
import { partnerIdentity, requirePartner } from "./schema-helpers.js";

/** Query of `partners.retrieveLinks` (`GET /partners/links`). Give `partnerId` or `tenantId`. */
export interface RetrievePartnerLinksQuery {
  /** The partner's ID on Dub. Takes precedence over `tenantId`. One of the two is required. */
  partnerId?: string | null;
  /** The partner's ID in your system. One of `partnerId` and `tenantId` is required. */
  tenantId?: string | null;
}

/** Request schema of `partners.retrieveLinks`; a `null` field is left out of the query string. */
export const retrievePartnerLinksQuerySchema: z.ZodMiniType<RetrievePartnerLinksQuery, RetrievePartnerLinksQuery> = withCrossFieldRules(z.strictObject(partnerIdentity), requirePartner);

/** Response schema of `partners.retrieveLinks`: the partner's links, each with its totals. */
export const partnerLinksSchema: z.ZodMiniType<PartnerLink[]> = z.array(partnerLinkSchema);
