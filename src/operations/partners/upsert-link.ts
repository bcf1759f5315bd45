import * as z from "zod/mini";
import { withCrossFieldRules } from "../../core/cross-field-rules.js";
import { defineOperation } from "../../core/operation.js";
import { maxString } from "../../core/schema.js";
import { linkSchema } from "../../models/link.js";
import { partnerLinkFields } from "../../models/partner-link-fields.js";
import { dropLegacyProgramId, partnerIdentity, requirePartner } from "../../models/partner-identity.js";

/** Request schema of `partners.upsertLink`; its wire form drops the legacy program fields. */
const upsertPartnerLinkRequestSchema = withCrossFieldRules(
  z.strictObject({
    ...partnerIdentity,
    /** The URL to upsert for (at most 32,000 characters): the partner's link with this URL is returned, updated, or created. */
    url: maxString(32_000),
    ...partnerLinkFields,
  }),
  requirePartner,
);

/** Body of `partners.upsertLink` (`PUT /partners/links/upsert`): as `createLink`'s, with `url` required. */
export type UpsertPartnerLinkRequestBody = z.input<typeof upsertPartnerLinkRequestSchema>;

export default {
  /**
   * Returns the partner's link for `url`: unchanged when it exists, updated when the other fields
   * differ, created when there is none. Safe to retry.
   *
   * @example
   * ```ts
   * const link = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/pricing" });
   * ```
   */
  upsertLink: defineOperation({
    operationId: "upsertPartnerLink",
    http: "PUT /partners/links/upsert",
    argument: "body",
    request: upsertPartnerLinkRequestSchema,
    toWire: dropLegacyProgramId,
    response: linkSchema,
    idempotent: true,
  }),
};
