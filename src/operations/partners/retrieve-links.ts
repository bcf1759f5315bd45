import * as z from "zod/mini";
import { withCrossFieldRules } from "../../core/cross-field-rules.js";
import { defineOperation } from "../../core/operation.js";
import { partnerLinkSchema } from "../../models/partner.js";
import { partnerIdentity, requirePartner } from "../../models/partner-identity.js";

/** Request schema of `partners.retrieveLinks`; a `null` field is left out of the query string. */
const retrievePartnerLinksQuerySchema = withCrossFieldRules(z.strictObject(partnerIdentity), requirePartner);

/** Query of `partners.retrieveLinks` (`GET /partners/links`). Give `partnerId` or `tenantId`. */
export type RetrievePartnerLinksQuery = z.input<typeof retrievePartnerLinksQuerySchema>;

export default {
  /**
   * Returns the partner's links (named by `partnerId` or `tenantId`), each with its click, lead and
   * sale totals. Safe to retry.
   *
   * @example
   * ```ts
   * const links = await dub.partners.retrieveLinks({ tenantId: "user_42" });
   * ```
   */
  retrieveLinks: defineOperation({
    operationId: "retrievePartnerLinks",
    http: "GET /partners/links",
    argument: "query",
    request: retrievePartnerLinksQuerySchema,
    response: z.array(partnerLinkSchema),
    idempotent: true,
  }),
};
