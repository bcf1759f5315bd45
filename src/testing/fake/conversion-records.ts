import type { LinkSchema } from "../../models/link.js";
import type { CreatePartnerResponseBody } from "../../models/partner.js";
import { FakeApiError } from "./api-error.js";
import { addCommission, eligibleForCommissions, rewardEarnings } from "./commission-records.js";
import { clickEventData, customerFields, eventPartner } from "./program-views.js";
import type { LinkContext } from "./link-records.js";
import type { FakeClick, CustomerRecord, LeadRecord } from "./program-records.js";
import { createId, randomKey, type RandomSource } from "./random.js";
import type { FakeState } from "./state.js";

const ADJECTIVES = ["Big", "Quiet", "Brave", "Lucky", "Gentle", "Swift", "Clever", "Sunny"];
const COLORS = ["Red", "Blue", "Green", "Amber", "Violet", "Silver", "Coral", "Teal"];
const ANIMALS = ["Caribou", "Otter", "Falcon", "Lynx", "Heron", "Badger", "Marten", "Ibis"];

/** A random customer name, as the server makes them up ("Big Red Caribou"). */
function randomName(random: RandomSource): string {
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)]!;
  return `${pick(ADJECTIVES)} ${pick(COLORS)} ${pick(ANIMALS)}`;
}

/** Stores `link` with `changes` and returns the stored record. */
export function updateLink(state: FakeState, link: LinkSchema, changes: Partial<LinkSchema>): LinkSchema {
  const next = { ...link, ...changes };
  state.putLink(next);
  return next;
}

/**
 * Records a click on `link` (a visit, or a deep-link open): the click is stored, the link's
 * `clicks` and `lastClicked` move on, and `link.clicked` is emitted.
 */
export function recordClick(ctx: LinkContext, link: LinkSchema, trigger: FakeClick["trigger"], country = "US"): FakeClick {
  const at = new Date(ctx.now).toISOString();
  const click: FakeClick = { id: randomKey(ctx.random, 16), linkId: link.id, timestamp: at, url: link.url, country, trigger };
  ctx.state.program.clicks.set(click.id, click);
  const clicked = updateLink(ctx.state, link, { clicks: link.clicks + 1, lastClicked: at });
  ctx.emit("link.clicked", { click: clickEventData(click), link: clicked });
  return click;
}

/** What a request says about a new customer. */
export interface CustomerInput {
  readonly externalId: string;
  readonly name?: string | null;
  readonly email?: string | null;
  readonly avatar?: string | null;
  readonly stripeCustomerId?: string | null;
  readonly country?: string | null;
}

/**
 * Stores a new customer who came through `link` (and `click`, when there is one): named by the
 * request, else by their email, else with a random name, as the server names them.
 */
export function createCustomer(ctx: LinkContext, input: CustomerInput, link: LinkSchema | undefined, click: FakeClick | undefined): CustomerRecord {
  const customer: CustomerRecord = {
    id: createId("cus_", ctx.now, ctx.random),
    name: input.name || input.email || randomName(ctx.random),
    email: input.email ?? null,
    avatar: input.avatar ?? null,
    externalId: input.externalId,
    stripeCustomerId: input.stripeCustomerId ?? null,
    country: input.country ?? click?.country ?? null,
    sales: 0,
    saleAmount: 0,
    createdAt: new Date(ctx.now).toISOString(),
    firstSaleAt: null,
    subscriptionCanceledAt: null,
    linkId: link?.id ?? null,
    clickId: click?.id ?? null,
    partnerId: link?.partnerId ?? null,
    programId: link?.programId ?? null,
  };
  ctx.state.program.putCustomer(customer);
  return customer;
}

/** The click a link check found, or the server's 404 for it. */
export function clickOrThrow(state: FakeState, clickId: string): { click: FakeClick; link: LinkSchema } {
  const click = state.program.clicks.get(clickId);
  if (!click) throw new FakeApiError("not_found", `Click event not found for clickId: ${clickId}`);
  const link = state.links.get(click.linkId);
  if (!link) throw new FakeApiError("not_found", `Link not found for clickId: ${clickId}`);
  return { click, link };
}

/** The partner of a link, when they may earn commissions on it. */
function earningPartner(state: FakeState, link: LinkSchema): CreatePartnerResponseBody | undefined {
  const partner = link.partnerId ? state.partners.get(link.partnerId) : undefined;
  return partner && eligibleForCommissions(partner) ? partner : undefined;
}

/** The details of a lead event. */
export interface LeadDetails {
  readonly eventName: string;
  readonly quantity: number;
  readonly metadata: Record<string, unknown> | null;
  /** When the lead happened (a manual commission's `date`). Default: now. */
  readonly createdAt?: string;
}

/**
 * Records a lead of `customer` on `link`: the link's `leads` grow by the quantity, `lead.created`
 * is emitted, and the partner earns their lead reward (once per customer), if the program has one.
 */
export function recordLead(ctx: LinkContext, customer: CustomerRecord, link: LinkSchema, click: FakeClick, lead: LeadDetails): LeadRecord {
  const { state } = ctx;
  const record: LeadRecord = { customerId: customer.id, eventName: lead.eventName, linkId: link.id, clickId: click.id, timestamp: lead.createdAt ?? new Date(ctx.now).toISOString(), metadata: lead.metadata };
  state.program.leads = [...state.program.leads, record];
  const counted = updateLink(state, link, { leads: link.leads + lead.quantity });
  const partner = earningPartner(state, counted);
  const reward = state.program.rewards.lead;
  const rewarded = [...state.program.commissions.values()].some((c) => c.type === "lead" && c.customerId === customer.id && c.partnerId === partner?.id);
  if (partner && reward && !rewarded) {
    const earnings = rewardEarnings(reward, 0, lead.quantity);
    if (earnings !== 0) {
      addCommission(ctx, { type: "lead", partnerId: partner.id, customerId: customer.id, linkId: counted.id, amount: 0, earnings, quantity: lead.quantity, metadata: lead.metadata, createdAt: lead.createdAt });
    }
  }
  ctx.emit("lead.created", {
    eventName: lead.eventName,
    customer: customerFields(customer),
    click: clickEventData(click),
    link: state.links.get(link.id),
    partner: eventPartner(state, counted.partnerId),
    metadata: lead.metadata,
  });
  return record;
}

/** The details of a sale event. */
export interface SaleDetails {
  /** When the sale happened (a manual commission's `date`). Default: now. */
  readonly createdAt?: string;
  readonly amount: number;
  readonly eventName: string;
  readonly paymentProcessor: string;
  readonly invoiceId: string | null;
  readonly metadata: Record<string, unknown> | null;
}

/**
 * Records a sale of `customer` on `link` (the customer's first sale is the link's conversion): the
 * link's and the customer's totals grow, the partner earns their sale reward on the amount (one
 * commission per invoice ID), and `sale.created` is emitted with the click the sale is attributed
 * to. Returns the customer as updated.
 */
export function recordSale(ctx: LinkContext, customer: CustomerRecord, link: LinkSchema, click: FakeClick, sale: SaleDetails): CustomerRecord {
  const { state, now } = ctx;
  const first = customer.sales === 0;
  const counted = updateLink(state, link, {
    sales: link.sales + 1,
    saleAmount: link.saleAmount + sale.amount,
    conversions: link.conversions + (first ? 1 : 0),
  });
  const updated: CustomerRecord = {
    ...customer,
    sales: customer.sales + 1,
    saleAmount: customer.saleAmount + sale.amount,
    firstSaleAt: customer.firstSaleAt ?? new Date(now).toISOString(),
    partnerId: counted.partnerId ?? customer.partnerId,
    programId: counted.programId ?? customer.programId,
  };
  state.program.putCustomer(updated);
  const partner = earningPartner(state, counted);
  const reward = state.program.rewards.sale;
  const invoiceTaken = sale.invoiceId !== null && [...state.program.commissions.values()].some((c) => c.invoiceId === sale.invoiceId);
  if (partner && reward && !invoiceTaken) {
    const earnings = rewardEarnings(reward, sale.amount, 1);
    if (earnings !== 0) {
      addCommission(ctx, {
        type: "sale",
        partnerId: partner.id,
        customerId: customer.id,
        linkId: counted.id,
        amount: sale.amount,
        earnings,
        quantity: 1,
        invoiceId: sale.invoiceId,
        metadata: sale.metadata,
        createdAt: sale.createdAt,
      });
    }
  }
  ctx.emit("sale.created", {
    eventName: sale.eventName,
    customer: customerFields(updated),
    click: clickEventData(click),
    link: state.links.get(link.id),
    sale: { amount: sale.amount, currency: "usd", paymentProcessor: sale.paymentProcessor, invoiceId: sale.invoiceId },
    partner: eventPartner(state, counted.partnerId),
    metadata: sale.metadata,
  });
  return updated;
}
