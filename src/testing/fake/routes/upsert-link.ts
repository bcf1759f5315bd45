import type { LinkSchema } from "../../../models/link.js";
import { buildLink, checkDestination, checkUnique, findPartner, freeRandomKey, linkFieldsFrom, withDerived } from "../link-records.js";
import { requirePartnerNamed } from "./create-link.js";
import type { Route } from "./context.js";

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * `PUT /partners/links/upsert` (200): the partner's link whose destination is `url` comes back
 * unchanged when the request's other fields already match it, updated (new `updatedAt`) when
 * they differ, and is created when the partner has no link to that URL. Fields the request
 * leaves out are kept. The partner is named by `partnerId`, else resolved through `tenantId`.
 */
export const upsertLinkRoute: Route<"upsertPartnerLink"> = (ctx, input) => {
  requirePartnerNamed(input);
  const partner = findPartner(ctx.state, input);
  const url = checkDestination(input.url, ctx.programUrl);
  const existing = ctx.state.linksOf(partner.id).find((link) => link.url === url);
  if (!existing) {
    const link = buildLink(partner, { ...input, url }, input.key ?? freeRandomKey(ctx), ctx);
    checkUnique(link, ctx.state);
    ctx.state.putLink(link);
    return { status: 200, body: link };
  }
  const fields = linkFieldsFrom(input, ctx) as Record<string, unknown>;
  const current = existing as unknown as Record<string, unknown>;
  const changed = Object.keys(fields).filter((name) => !sameValue(fields[name], current[name]));
  if (changed.length === 0) return { status: 200, body: existing };
  const updated: LinkSchema = withDerived({
    ...existing,
    ...Object.fromEntries(changed.map((name) => [name, fields[name]])),
    updatedAt: new Date(ctx.now).toISOString(),
  });
  checkUnique(updated, ctx.state);
  ctx.state.putLink(updated);
  return { status: 200, body: updated };
};
