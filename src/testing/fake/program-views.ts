import type { FakeState } from "./state.js";
import type { FakeClick, CustomerRecord } from "./program-records.js";

/** A click as webhook events carry it (a visit from a desktop browser in San Francisco, unless the click says otherwise). */
export function clickEventData(click: FakeClick) {
  return {
    id: click.id,
    timestamp: click.timestamp,
    url: click.url,
    country: click.country,
    city: "San Francisco",
    region: "CA",
    continent: "NA",
    device: click.trigger === "deeplink" ? "Mobile" : "Desktop",
    browser: click.trigger === "deeplink" ? "Mobile Safari" : "Chrome",
    os: click.trigger === "deeplink" ? "iOS" : "Mac OS",
    ua: null,
    trigger: click.trigger,
    referer: "(direct)",
    refererUrl: "(direct)",
    qr: false,
    ip: "127.0.0.1",
  };
}

/** The partner of a link as webhook events carry it: with their totals. */
export function eventPartner(state: FakeState, partnerId: string | null | undefined) {
  const stored = partnerId ? state.partners.get(partnerId) : undefined;
  if (!stored) return null;
  const p = state.partnerView(stored);
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    image: p.image,
    payoutsEnabledAt: p.payoutsEnabledAt,
    country: p.country,
    groupId: p.groupId ?? null,
    totalClicks: p.totalClicks,
    totalLeads: p.totalLeads,
    totalConversions: p.totalConversions,
    totalSales: p.totalSales,
    totalSaleAmount: p.totalSaleAmount,
    totalCommissions: p.totalCommissions,
  };
}

/** A customer as every response carries them (without the expanded fields). */
export function customerFields(customer: CustomerRecord) {
  const { id, name, email, avatar, externalId, stripeCustomerId, country, sales, saleAmount, createdAt, firstSaleAt, subscriptionCanceledAt } = customer;
  return { id, name, email, avatar, externalId, stripeCustomerId, country, sales, saleAmount, createdAt, firstSaleAt, subscriptionCanceledAt };
}


/**
 * A customer as `GET /customers` and `GET·PATCH /customers/{id}` return them; with `expanded`
 * (`includeExpandedFields`), their link, program, partner and discount too.
 */
export function customerView(state: FakeState, customer: CustomerRecord, expanded: boolean | undefined) {
  const fields = customerFields(customer);
  if (!expanded) return fields;
  const link = customer.linkId ? state.links.get(customer.linkId) : undefined;
  const partner = customer.partnerId ? state.partners.get(customer.partnerId) : undefined;
  return {
    ...fields,
    link: link ? { id: link.id, domain: link.domain, key: link.key, shortLink: link.shortLink, url: link.url, programId: link.programId } : null,
    programId: customer.programId,
    partner: partner ? { id: partner.id, name: partner.name, email: partner.email, image: partner.image } : null,
    discount: null,
  };
}
