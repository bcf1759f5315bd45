import * as z from "zod/mini";
import { withCrossFieldRules } from "../../core/cross-field-rules.js";
import { defineOperation } from "../../core/operation.js";
import { maxString, optionalNullable } from "../../core/schema.js";
import { linkSchema } from "../../models/link.js";
import { partnerLinkFields } from "../../models/partner-link-fields.js";
import { dropLegacyProgramId, partnerIdentity, requirePartner } from "../../models/partner-identity.js";

/** Request schema of `partners.createLink`; its wire form drops the legacy program fields. */
const createPartnerLinkRequestSchema = withCrossFieldRules(
  z.strictObject({
    ...partnerIdentity,
    /** The destination URL (at most 32,000 characters). Defaults to the program's default destination; its domain must match the program's. */
    url: optionalNullable(maxString(32_000)),
    ...partnerLinkFields,
  }),
  requirePartner,
);

/** Body of `partners.createLink` (`POST /partners/links`). Give `partnerId` or `tenantId`. */
export type CreatePartnerLinkRequestBody = z.input<typeof createPartnerLinkRequestSchema>;

export default {
  /**
   * Creates a new short link for a partner (named by `partnerId` or `tenantId`). Every call
   * creates another link, so failures where the server may have acted are not retried unless
   * `retryNonIdempotent` is set. A `key` that is taken fails with `Conflict` (409).
   *
   * @example
   * ```ts
   * const link = await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/pricing" });
   * ```
   */
  createLink: defineOperation({
    operationId: "createPartnerLink",
    http: "POST /partners/links",
    argument: "body",
    request: createPartnerLinkRequestSchema,
    toWire: dropLegacyProgramId,
    response: linkSchema,
    idempotent: false,
  }),
};
