import type { CreatePartnerResponseBody } from "../../../models/partner.js";
import { FakeApiError } from "../api-error.js";
import { EMBED_TOKEN_LIFETIME_MS, type FakeEmbedToken } from "../embed-token-records.js";
import { createId } from "../random.js";
import type { Route, RouteContext, RouteInput } from "./context.js";
import { createPartnerRoute, createPartnerRules } from "./create-partner.js";

/**
 * The enrollment the token is for, as the server finds it: by `partnerId` (which wins), else by the
 * tenant ID; failing that, with `partner`, the partner with that email (or, in the tenant's
 * place, the one holding the tenant ID), else a new partner created and enrolled as
 * `POST /partners` does, with the tenant ID on the partner and on their link.
 */
function enrollmentFor(ctx: RouteContext, input: RouteInput<"createReferralsEmbedToken">): CreatePartnerResponseBody | undefined {
  const { state } = ctx;
  const tenantId = input.tenantId || input.partner?.tenantId || input.partner?.linkProps?.tenantId;
  const found = input.partnerId ? state.partners.get(input.partnerId) : tenantId ? state.partnerByTenant(tenantId) : undefined;
  if (found || !input.partner) return found;
  const known = state.partnerByEmail(input.partner.email.trim()) ?? (tenantId ? state.partnerByTenant(tenantId) : undefined);
  if (known) return known;
  const { linkProps, ...partner } = input.partner;
  const created = createPartnerRoute(ctx, {
    ...partner,
    ...(tenantId && { tenantId }),
    ...((linkProps || tenantId) && { linkProps: { ...linkProps, ...(tenantId && { tenantId }) } }),
  });
  return created.body as CreatePartnerResponseBody;
}

/**
 * `POST /tokens/embed/referrals` (201 `{ publicToken, expires }`): a new `dub_embed_…` token on
 * every call, for the enrollment found (or created: an upsert, see above), expiring three hours
 * later. 404 when nothing names an enrolled partner and no `partner` is given; 422 when the body
 * names no partner at all.
 */
export const createReferralsEmbedTokenRoute: Route<"createReferralsEmbedToken"> = (ctx, input) => {
  const partner = enrollmentFor(ctx, input);
  if (!partner) throw new FakeApiError("not_found", "The partner is not enrolled in this program.");
  const token: FakeEmbedToken = {
    publicToken: createId("dub_embed_", ctx.now, ctx.random),
    partnerId: partner.id,
    programId: partner.programId,
    createdAt: new Date(ctx.now).toISOString(),
    expires: new Date(ctx.now + EMBED_TOKEN_LIFETIME_MS).toISOString(),
  };
  ctx.state.embedTokens.set(token.publicToken, token);
  return { status: 201, body: { publicToken: token.publicToken, expires: token.expires } };
};

/**
 * The server's rules beyond the spec: the body must name the partner, and `partner` is checked
 * as the body of `POST /partners` is (422 otherwise).
 */
export const createReferralsEmbedTokenRules = (input: RouteInput<"createReferralsEmbedToken">): string[] => [
  ...(input.partnerId || input.tenantId || input.partner ? [] : ["You must provide either partnerId, tenantId, or partner."]),
  ...(input.partner ? createPartnerRules(input.partner).map((problem) => `partner.${problem}`) : []),
];
