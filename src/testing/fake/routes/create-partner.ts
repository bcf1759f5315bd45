import { FakeApiError } from "../api-error.js";
import { buildLink, checkUnique, freeRandomKey } from "../link-records.js";
import { applyPartnerInput, buildPartner, defaultLinkKey } from "../partner-records.js";
import type { Route, RouteInput } from "./context.js";

/**
 * `POST /partners`: creates and enrolls a partner, or updates the partner who has this email
 * (case-insensitively, as the server's database compares). 201 with the enrolled partner either
 * way, so a retry is harmless. A new partner gets a default link keyed by their identity, with
 * `linkProps` applied; for a known partner `linkProps` is ignored (their link already exists).
 */
/** The server's list of countries is ISO 3166-1 alpha-2, upper case; the spec gives only a string. */
const COUNTRY = /^[A-Z]{2}$/;

/** What the server checks of `POST /partners` beyond the spec. */
export const createPartnerRules = (body: RouteInput<"createPartner">): string[] =>
  typeof body.country === "string" && !COUNTRY.test(body.country) ? ["country: must be a 2-letter ISO 3166-1 country code in upper case"] : [];

export const createPartnerRoute: Route<"createPartner"> = (ctx, body) => {
  // The server trims the email and the name before its checks and its upsert.
  const input = { ...body, email: body.email.trim(), ...(typeof body.name === "string" && { name: body.name.trim() }) };
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
  const enrolled = state.partnerView(partner);
  ctx.emit("partner.enrolled", enrolled);
  return { status: 201, body: enrolled };
};
