import { retrievePartnerLinksQuerySchema } from "../../../models/retrieve-partner-links.js";
import { partnerLinkSummary } from "../../fixtures.js";
import { readQuery, validateBody } from "../body.js";
import { findPartner } from "../link-records.js";
import { missingPartnerError } from "./create-link.js";
import type { Route } from "./context.js";

/** `GET /partners/links` (200): the partner's links, oldest first, each with its totals; 400 unnamed, 404 unknown. */
export const retrieveLinksRoute: Route = (ctx, _body, query) => {
  const input = validateBody(retrievePartnerLinksQuerySchema, readQuery(query), missingPartnerError());
  const partner = findPartner(ctx.state, input);
  return { status: 200, body: ctx.state.linksOf(partner.id).map(partnerLinkSummary) };
};
