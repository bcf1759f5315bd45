import { createPartnerRequestSchema } from "../../../models/create-partner-request.js";
import { FakeApiError } from "../api-error.js";
import { readJsonBody, validateBody } from "../body.js";
import { buildLink, checkUnique, freeRandomKey } from "../link-records.js";
import { applyPartnerInput, buildPartner, defaultLinkKey } from "../partner-records.js";
import type { Route } from "./context.js";

/**
 * `POST /partners`: creates and enrolls a partner, or updates the partner who has this email
 * (case-insensitively, as the server's database compares). 201 with the enrolled partner either
 * way, so a retry is harmless. A new partner gets a default link keyed by their identity, with
 * `linkProps` applied; for a known partner `linkProps` is ignored (their link already exists).
 */
export const createPartnerRoute: Route = (ctx, text) => {
  const input = validateBody(createPartnerRequestSchema, readJsonBody(text));
  const { state } = ctx;
  const existing = state.partnerByEmail(input.email);
  const holder = input.tenantId ? state.partnerByTenant(input.tenantId) : undefined;
  if (holder && holder.id !== existing?.id) {
    throw new FakeApiError("conflict", `A partner with tenantId ${input.tenantId} already exists in this program.`);
  }
  if (existing) {
    const updated = applyPartnerInput(existing, input);
    state.putPartner(updated);
    return { status: 201, body: state.partnerView(updated) };
  }
  const partner = buildPartner(input, ctx.now, ctx.random);
  const key = defaultLinkKey(partner, input.linkProps?.prefix, ctx.domain, state, ctx.random) ?? freeRandomKey(ctx);
  const link = buildLink(partner, { linkProps: input.linkProps }, key, ctx);
  checkUnique(link, state); // before storing anything: a refused link must not leave a partner behind
  state.putPartner(partner);
  state.putLink(link);
  return { status: 201, body: state.partnerView(partner) };
};
