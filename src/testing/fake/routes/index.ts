import { createLinkRoute } from "./create-link.js";
import { createPartnerRoute } from "./create-partner.js";
import { upsertLinkRoute } from "./upsert-link.js";
import type { Route } from "./context.js";

/** The routes the fake serves, by `METHOD /path`. */
export const ROUTES: Readonly<Record<string, Route>> = {
  "POST /partners": createPartnerRoute,
  "POST /partners/links": createLinkRoute,
  "PUT /partners/links/upsert": upsertLinkRoute,
};

/** `METHOD /path` of a request, without the query and a trailing slash: the key of {@link ROUTES} and of fault routes. */
export function routeKey(method: string, path: string): string {
  const pathname = path.split("?")[0]!.replace(/\/+$/, "") || "/";
  return `${method.toUpperCase()} ${pathname}`;
}
