import { createPartnerLinkRequestSchema } from "../../../models/partner-link-request.js";
import { FakeApiError } from "../api-error.js";
import { readJsonBody, validateBody } from "../body.js";
import { buildLink, checkUnique, findPartner, freeRandomKey } from "../link-records.js";
import type { Route } from "./context.js";

/** The real server's answer when neither partnerId nor tenantId is sent. */
export function missingPartnerError(): FakeApiError {
  return new FakeApiError("bad_request", "You must provide a partnerId or tenantId.");
}

/**
 * `POST /partners/links`: a NEW link on every call (201), with a random 7-character key unless
 * `key` is given; a taken key is a 409 and an unknown partner a 404.
 */
export const createLinkRoute: Route = (ctx, text) => {
  const input = validateBody(createPartnerLinkRequestSchema, readJsonBody(text), missingPartnerError());
  const partner = findPartner(ctx.state, input);
  const link = buildLink(partner, input, input.key ?? freeRandomKey(ctx), ctx);
  checkUnique(link, ctx.state);
  ctx.state.putLink(link);
  return { status: 201, body: link };
};
