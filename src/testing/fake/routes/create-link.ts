import { FakeApiError } from "../api-error.js";
import { buildLink, checkUnique, findPartner, freeRandomKey } from "../link-records.js";
import type { Route } from "./context.js";

/**
 * The partner a request names, as the real server requires it after the schema: a 400 when
 * neither `partnerId` nor `tenantId` is given.
 */
export function requirePartnerNamed<T extends { partnerId?: string | null; tenantId?: string | null }>(input: T): T {
  if (!input.partnerId && !input.tenantId) throw new FakeApiError("bad_request", "You must provide a partnerId or tenantId.");
  return input;
}

/**
 * `POST /partners/links`: a NEW link on every call (201), with a random 7-character key unless
 * `key` is given; a taken key is a 409 and an unknown partner a 404.
 */
export const createLinkRoute: Route<"createPartnerLink"> = (ctx, input) => {
  requirePartnerNamed(input);
  const partner = findPartner(ctx.state, input);
  const link = buildLink(partner, input, input.key ?? freeRandomKey(ctx), ctx);
  checkUnique(link, ctx.state);
  ctx.state.putLink(link);
  return { status: 201, body: link };
};
