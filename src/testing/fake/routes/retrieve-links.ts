import { partnerLinkSummary } from "../../fixtures.js";
import { findPartner } from "../link-records.js";
import { requirePartnerNamed } from "./create-link.js";
import type { Route } from "./context.js";

/** `GET /partners/links` (200): the partner's links, oldest first, each with its totals; 400 unnamed, 404 unknown. */
export const retrieveLinksRoute: Route<"retrievePartnerLinks"> = (ctx, input) => {
  const partner = findPartner(ctx.state, requirePartnerNamed(input));
  return { status: 200, body: ctx.state.linksOf(partner.id).map(partnerLinkSummary) };
};
