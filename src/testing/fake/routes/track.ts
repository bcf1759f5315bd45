import type { LinkSchema } from "../../../models/link.js";
import { FakeApiError } from "../api-error.js";
import { clickOrThrow, createCustomer, recordClick, recordLead, recordSale } from "../conversion-records.js";
import { HOUR_MS, live, type CustomerRecord, type LeadRecord, WEEK_MS } from "../program-records.js";
import type { FakeState } from "../state.js";
import type { Route, RouteInput } from "./context.js";

/** The link a lead answer shows. */
function leadLinkView(link: LinkSchema) {
  const { id, domain, key, shortLink, url, partnerId, programId, tenantId, externalId } = link;
  return { id, domain, key, shortLink, url, partnerId, programId, tenantId, externalId };
}

function disabled(link: LinkSchema, by: string, what: "lead" | "sale"): FakeApiError {
  return new FakeApiError("not_found", `Link ${link.id} for ${by} is disabled, ${what} not tracked`);
}

/**
 * `POST /track/lead` (200 `{ click, link, customer }`). The customer is found by
 * `customerExternalId` or created from the click (`clickId`; an empty one reuses the known
 * customer's click, else 400). Unless `mode` is `deferred`, the lead is deduplicated per customer
 * and event name for 7 days: a repeat answers `link: null` and records nothing, and the mark is set
 * before the click is checked, as on the server, so a lead refused for an unknown click (404) still
 * counts as seen. A new lead counts on the link (`leads` + `eventQuantity`), emits `lead.created`
 * and gives the partner their lead reward, if any; `deferred` only creates the customer.
 */
export const trackLeadRoute: Route<"trackLead"> = (ctx, input) => {
  const { program } = ctx.state;
  const externalId = input.customerExternalId.trim();
  const eventName = input.eventName.trim();
  let customer = program.customerByExternalId(externalId);
  let clickId = input.clickId.trim();
  if (!clickId) {
    if (!customer?.clickId) {
      throw new FakeApiError("bad_request", "The `clickId` property was not provided in the request, and no existing customer with the provided `customerExternalId` was found.");
    }
    clickId = customer.clickId;
  }
  let duplicate = false;
  if (input.mode !== "deferred") {
    const key = `${externalId}:${eventName.toLowerCase().replaceAll(" ", "-")}`;
    duplicate = live(program.trackedLeads.get(key), ctx.now);
    if (!duplicate) program.trackedLeads.set(key, { expiresAt: ctx.now + WEEK_MS, value: true });
  }
  let link: LinkSchema | undefined;
  if (!duplicate) {
    const found = clickOrThrow(ctx.state, clickId);
    link = found.link;
    if (link.disabledAt) throw disabled(link, `clickId ${clickId}`, "lead");
    customer ??= createCustomer(ctx, { externalId, name: input.customerName, email: input.customerEmail, avatar: input.customerAvatar }, link, found.click);
    if (input.mode !== "deferred") {
      recordLead(ctx, customer, link, found.click, { eventName, quantity: input.eventQuantity ?? 1, metadata: input.metadata ?? null });
      link = ctx.state.links.get(link.id)!;
    }
  }
  const shown = customer ?? { name: input.customerName || input.customerEmail || null, email: input.customerEmail ?? null, avatar: input.customerAvatar ?? null, externalId };
  return {
    status: 200,
    body: {
      click: { id: clickId },
      link: link ? leadLinkView(link) : null,
      customer: { name: shown.name, email: shown.email, avatar: shown.avatar, externalId: shown.externalId },
    },
  };
};

/** The customer's latest lead, or their latest one of this name. */
function leadOf(state: FakeState, customer: CustomerRecord, eventName: string | null | undefined): LeadRecord | undefined {
  return state.program.leads.findLast((lead) => lead.customerId === customer.id && (eventName == null || lead.eventName === eventName));
}

/**
 * `POST /track/sale` (200 `{ eventName, customer, sale }`). With an `invoiceId` seen in the last
 * 7 days, the first answer is replayed and nothing is recorded. Otherwise the customer (by
 * `customerExternalId`) must have a lead (`leadEventName`, else their latest; 404 without) on a
 * link that is not disabled (404); an unknown customer with a `clickId` is created from that click
 * with a lead (direct sale tracking), one without gets `customer: null, sale: null`, as does an
 * amount of 0. The sale counts on the link (`sales`, `saleAmount`, and `conversions` for the
 * customer's first) and the customer, creates the partner's sale commission from their reward,
 * and emits `sale.created`. Amounts are kept as given and reported in USD: the fake converts no
 * currency.
 */
export const trackSaleRoute: Route<"trackSale"> = (ctx, input) => {
  const { state } = ctx;
  const { program } = state;
  const invoiceId = input.invoiceId || null;
  const replay = invoiceId ? program.saleReplays.get(invoiceId) : undefined;
  if (live(replay, ctx.now)) return { status: 200, body: replay.value };
  const externalId = input.customerExternalId.trim();
  const eventName = input.eventName ?? "Purchase";
  const nothing = { status: 200, body: { eventName, customer: null, sale: null } };
  let customer = program.customerByExternalId(externalId);
  let lead: LeadRecord | undefined;
  let link: LinkSchema | undefined;
  if (customer) {
    link = customer.linkId ? state.links.get(customer.linkId) : undefined;
    if (!link) throw new FakeApiError("not_found", `Link not found for customer ${customer.id}`);
    if (link.disabledAt) throw disabled(link, `customer ${customer.id}`, "sale");
    lead = leadOf(state, customer, input.leadEventName);
    if (!lead) throw new FakeApiError("not_found", `Lead event not found for externalId: ${externalId} and leadEventName: ${input.leadEventName ?? null}`);
  } else {
    const clickId = input.clickId?.trim();
    if (!clickId) return nothing;
    const found = clickOrThrow(state, clickId);
    link = found.link;
    if (link.disabledAt) throw disabled(link, `clickId ${clickId}`, "sale");
    customer = createCustomer(ctx, { externalId, name: input.customerName, email: input.customerEmail, avatar: input.customerAvatar }, link, found.click);
    lead = recordLead(ctx, customer, link, found.click, { eventName: input.leadEventName ?? "Direct sale tracking lead event", quantity: 1, metadata: input.metadata ?? null });
    link = state.links.get(link.id)!;
  }
  if (input.amount <= 0) return nothing;
  const paymentProcessor = input.paymentProcessor ?? "custom";
  const metadata = input.metadata ?? null;
  const click = program.clicks.get(lead.clickId)!;
  const sold = recordSale(ctx, customer, link, click, { amount: input.amount, eventName, paymentProcessor, invoiceId, metadata });
  const body = {
    eventName,
    customer: { id: sold.id, name: sold.name, email: sold.email, avatar: sold.avatar, externalId: sold.externalId },
    sale: { amount: input.amount, currency: "usd", paymentProcessor, invoiceId, metadata },
  };
  if (invoiceId) program.saleReplays.set(invoiceId, { expiresAt: ctx.now + WEEK_MS, value: body });
  return { status: 200, body };
};

/** The server's check of `POST /track/open` beyond the spec: a deep link must be a URL. */
export function trackOpenRules(input: RouteInput<"trackOpen">): string[] {
  const problems: string[] = [];
  if (!input.deepLink && !input.dubDomain) problems.push("You need to provide either `deepLink` or `dubDomain` for deferred deep linking.");
  if (input.deepLink && !URL.canParse(input.deepLink)) problems.push("deepLink: must be a valid URL");
  return problems;
}

/** The link an open answer shows. */
function openLinkView(link: LinkSchema, domain = link.domain, key = link.key) {
  return { id: link.id, domain, key, url: link.url };
}

/**
 * `POST /track/open` (200 `{ clickId, link }`), served without a key. With `deepLink`: the link
 * it names (its host without `www.`, its path; `_root` for none), 404 when there is none; the
 * open records a click (`deeplink`), and a repeat within the hour reuses it (the server keeps one
 * click per device and link for an hour, and the fake's callers are one device). With only
 * `dubDomain`: the latest click on a link of that domain in the last hour (probabilistic
 * tracking), else `{ clickId: null, link: null }`.
 */
export const trackOpenRoute: Route<"trackOpen"> = (ctx, input) => {
  const { state } = ctx;
  if (!input.deepLink) {
    const domain = input.dubDomain!.toLowerCase();
    const since = new Date(ctx.now - HOUR_MS).toISOString();
    for (const click of [...state.program.clicks.values()].reverse()) {
      if (click.timestamp < since) break;
      const link = state.links.get(click.linkId);
      if (link?.domain.toLowerCase() === domain) return { status: 200, body: { clickId: click.id, link: openLinkView(link) } };
    }
    return { status: 200, body: { clickId: null, link: null } };
  }
  const url = new URL(input.deepLink);
  const domain = url.hostname.replace(/^www\./, "").toLowerCase();
  const key = url.pathname.slice(1) || "_root";
  const link = state.linkByKey(domain, key);
  if (!link) throw new FakeApiError("not_found", `Deep link not found: ${url.href}`);
  const memory = `${domain}/${key}`;
  const seen = state.program.opens.get(memory);
  let clickId: string;
  if (live(seen, ctx.now)) clickId = seen.value;
  else {
    clickId = recordClick(ctx, link, "deeplink").id;
    state.program.opens.set(memory, { expiresAt: ctx.now + HOUR_MS, value: clickId });
  }
  return { status: 200, body: { clickId, link: openLinkView(state.links.get(link.id)!, domain, key) } };
};
