import * as z from "zod/mini";
import { type CrossFieldRule, withCrossFieldRules } from "../../core/cross-field-rules.js";
import { defineOperation } from "../../core/operation.js";
import { responseObject } from "../../core/schema.js";
import { partnerInputFields } from "../../models/partner-input.js";

/** The server answers 422 unless the request names the partner somehow. */
const namesThePartner: CrossFieldRule = {
  test: ({ partnerId, tenantId, partner }) => Boolean(partnerId || tenantId || partner),
  message: "partnerId, tenantId or partner is required",
};

/** Request schema of `embedTokens.referrals`. */
const createReferralsEmbedTokenRequestSchema = withCrossFieldRules(
  z.strictObject({
    /** The partner's ID on Dub. Takes precedence over `tenantId`. */
    partnerId: z.optional(z.string()),
    /** The partner's ID in your system (their enrollment's `tenantId`). Default: `partner.tenantId`, then `partner.linkProps.tenantId`. */
    tenantId: z.optional(z.string()),
    /**
     * The partner to create and enroll when `partnerId` and `tenantId` find no enrollment: the
     * partner with this `email` is enrolled, or created first (with their default link) when
     * there is none.
     */
    partner: z.optional(z.strictObject(partnerInputFields)),
  }),
  namesThePartner,
);

/** Body of `embedTokens.referrals` (`POST /tokens/embed/referrals`). Give `partnerId`, `tenantId` or `partner`. */
export type CreateReferralsEmbedTokenRequestBody = z.input<typeof createReferralsEmbedTokenRequestSchema>;

/** Response schema of `embedTokens.referrals`. */
const referralsEmbedTokenSchema = responseObject({
  /** The public token (`dub_embed_...`) the referral dashboard embed runs with in the partner's browser. */
  publicToken: z.string(),
  /** When the token expires (ISO 8601): three hours after it was created. */
  expires: z.string(),
});

/** What `embedTokens.referrals` returns (`201`): the public token and its expiry. */
export type CreateReferralsEmbedTokenResponseBody = z.output<typeof referralsEmbedTokenSchema>;

export default {
  /**
   * Creates a short-lived public token for the referral dashboard you embed in your app, for the
   * partner named by `partnerId` or `tenantId`. When no enrollment matches and `partner` is
   * given, the partner with `partner.email` is enrolled first (created, with their default link,
   * when Dub does not know them): an upsert. Hand the token to the browser, never your API key;
   * it expires after three hours, so create one per page load. Safe to retry: every call creates a
   * new token, and a repeat finds the enrollment the first call made.
   *
   * @example
   * ```ts
   * const { publicToken } = await dub.embedTokens.referrals({ tenantId: user.id, partner: { email: user.email, name: user.name } });
   * ```
   */
  referrals: defineOperation({
    operationId: "createReferralsEmbedToken",
    http: "POST /tokens/embed/referrals",
    argument: "body",
    request: createReferralsEmbedTokenRequestSchema,
    response: referralsEmbedTokenSchema,
    idempotent: true,
  }),
};
