import { analyticsRoute } from "./analytics.js";
import { approveApplicationRoute, listApplicationsRoute, rejectApplicationRoute } from "./applications.js";
import { createLinkRoute } from "./create-link.js";
import { createPartnerRoute } from "./create-partner.js";
import { listPartnersRoute } from "./list-partners.js";
import { banRoute, deactivateRoute } from "./partner-actions.js";
import { retrieveLinksRoute } from "./retrieve-links.js";
import { upsertLinkRoute } from "./upsert-link.js";
import type { Route } from "./context.js";

/** The routes the fake serves, by `METHOD /path`. */
export const ROUTES: Readonly<Record<string, Route>> = {
  "POST /partners": createPartnerRoute,
  "GET /partners": listPartnersRoute,
  "POST /partners/links": createLinkRoute,
  "GET /partners/links": retrieveLinksRoute,
  "PUT /partners/links/upsert": upsertLinkRoute,
  "GET /partners/analytics": analyticsRoute,
  "POST /partners/ban": banRoute,
  "POST /partners/deactivate": deactivateRoute,
  "GET /partners/applications": listApplicationsRoute,
  "POST /partners/applications/approve": approveApplicationRoute,
  "POST /partners/applications/reject": rejectApplicationRoute,
};

/** `METHOD /path` of a request, without the query and a trailing slash: the key of {@link ROUTES} and of fault routes. */
export function routeKey(method: string, path: string): string {
  const pathname = path.split("?")[0]!.replace(/\/+$/, "") || "/";
  return `${method.toUpperCase()} ${pathname}`;
}
