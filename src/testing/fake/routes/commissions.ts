import type { LinkSchema } from "../../../models/link.js";
import type { CreatePartnerResponseBody } from "../../../models/partner.js";
import { commissionInvoiceId } from "../../../operations/commissions/create.js";
import { examplePartner } from "../../fixtures.js";
import { FakeApiError } from "../api-error.js";
import { addCommission, commissionView, FAKE_USER_ID, rewardEarnings, updateCommission } from "../commission-records.js";
import { createCustomer, recordClick, recordLead, recordSale } from "../conversion-records.js";
import { MUTABLE_PAYOUT_STATUSES, reconcilePayouts } from "../payout-records.js";
import type { CommissionRecord, CustomerRecord } from "../program-records.js";
import type { FakeState } from "../state.js";
import { partnerFilterOf } from "./partner-filter.js";
import type { Route, RouteContext, RouteInput } from "./context.js";
import { cursorPage, sortedBy } from "./cursor-pages.js";

type CreateInput = RouteInput<"createCommission">;
type ConversionInput = Extract<CreateInput, { type: "lead" | "sale" }>;

/** The enrolled partner a request names, or the server's 404. */
function enrolledPartner(state: FakeState, partnerId: string): CreatePartnerResponseBody {
  const partner = state.partners.get(partnerId);
  if (!partner) throw new FakeApiError("not_found", `Partner ${partnerId} is not enrolled in program ${examplePartner().programId}.`);
  return partner;
}

/** A date of the request as ISO 8601 (the spec's strings; the server parses them), or now. */
function dateOf(value: string | null | undefined, now: number): string {
  return new Date(value ? Date.parse(value) : now).toISOString();
}

/** The server's checks of `POST /commissions` beyond the spec, each a 422. */
export function createCommissionRules(input: CreateInput): string[] {
  const problems: string[] = [];
  const dates = input.type === "custom" ? [input.date] : input.type === "lead" ? [input.date, input.leadEventDate] : [input.date, input.saleEventDate];
  if (dates.some((d) => d != null && Number.isNaN(Date.parse(d)))) problems.push("date: Invalid date");
  if (input.type === "custom") {
    if (input.amount === 0) problems.push("amount: Amount cannot be 0.");
    if (input.amount < 0 && !input.description?.trim()) problems.push("description: `description` is required when creating a clawback (negative amount).");
  }
  if (input.type === "sale" && !input.importStripeInvoices) {
    const amount = input.sale?.amount ?? input.saleAmount;
    if (amount == null) problems.push("saleAmount: `saleAmount` is required when `importStripeInvoices` is false.");
    else if (amount === 0) problems.push("saleAmount: Sale amount cannot be 0.");
    else if (amount < 0) problems.push("saleAmount: must be >= 0");
  }
  return problems;
}

/** The link and customer of a lead or sale commission, as the server resolves them. */
function linkAndCustomer(ctx: RouteContext, partner: CreatePartnerResponseBody, input: ConversionInput): { link: LinkSchema; customer: CustomerRecord } {
  const { state } = ctx;
  const links = state.linksOf(partner.id);
  if (links.length === 0) throw new FakeApiError("bad_request", `Partner ${partner.email} (${partner.id}) has no links.`);
  if (!input.customerId && !input.customer) throw new FakeApiError("bad_request", "Either customerId or customer must be provided.");
  if (input.customerId && input.customer) throw new FakeApiError("bad_request", "Either customerId or customer must be provided, not both.");
  let link: LinkSchema;
  if (input.linkId) {
    const found = links.find((l) => l.id === input.linkId);
    if (!found) throw new FakeApiError("not_found", `Link ${input.linkId} does not belong to partner ${partner.email} (${partner.id}).`);
    link = found;
  } else {
    link = [...links].sort((a, b) => b.saleAmount - a.saleAmount)[0]!;
  }
  if (input.customerId) {
    const customer = state.program.customers.get(input.customerId);
    if (!customer) throw new FakeApiError("not_found", `Customer ${input.customerId} not found.`);
    return { link, customer };
  }
  const given = input.customer!;
  const known = state.program.customerByExternalId(given.externalId);
  if (!known) return { link, customer: createCustomer(ctx, given, link, undefined) };
  const updated: CustomerRecord = {
    ...known,
    name: given.name || given.email || known.name,
    email: given.email ?? null,
    avatar: given.avatar ?? null,
    country: given.country,
    stripeCustomerId: given.stripeCustomerId ?? null,
  };
  state.program.putCustomer(updated);
  return { link, customer: updated };
}

/**
 * `POST /commissions` (202 `{ success, message }`; the commission is created at once, so the next
 * `GET /commissions` lists it, but the answer does not carry it). `custom`: earnings of `amount`
 * (a clawback when negative), `amount` 0. `lead` / `sale`: for an existing `customerId` or a
 * `customer` upserted by `externalId`, on `linkId` or the partner's link with the most revenue:
 * a click and a lead event are recorded (and for a sale, the sale), and the commission comes from
 * the program's reward (none without one, as on the server). A sale's invoice ID, from
 * `sale.invoiceId` or the deprecated `invoiceId`, may have one commission: 409 for another.
 * `importStripeInvoices` is a 400 (the fake has no Stripe).
 */
export const createCommissionRoute: Route<"createCommission"> = (ctx, input) => {
  const { state } = ctx;
  const partner = enrolledPartner(state, input.partnerId);
  if (input.type === "custom") {
    addCommission(ctx, {
      type: "custom",
      partnerId: partner.id,
      amount: 0,
      earnings: input.amount,
      quantity: 1,
      description: input.description ?? null,
      userId: FAKE_USER_ID,
      createdAt: dateOf(input.date, ctx.now),
    });
    const message = input.amount < 0 ? "A clawback has been queued for the partner!" : "Your commissions are being created and will appear shortly.";
    return { status: 202, body: { success: true, message } };
  }
  const invoiceId = commissionInvoiceId(input) || null;
  if (input.type === "sale") {
    if (input.importStripeInvoices) {
      if (input.sale?.amount || input.saleAmount || input.saleEventDate || invoiceId || input.productId) {
        throw new FakeApiError("bad_request", "saleAmount, saleEventDate, invoiceId, and productId cannot be provided when importStripeInvoices is enabled.");
      }
      throw new FakeApiError("bad_request", "Your workspace isn't connected to Stripe yet. Please install the Stripe integration to continue: https://app.dub.co/acme/settings/integrations/stripe");
    }
    if (invoiceId && [...state.program.commissions.values()].some((c) => c.invoiceId === invoiceId)) {
      throw new FakeApiError("conflict", `There is already a commission for the invoice ${invoiceId}.`);
    }
  }
  const { link, customer } = linkAndCustomer(ctx, partner, input);
  const newLead = () => recordClick(ctx, link, "link", customer.country ?? "US");
  if (input.type === "lead") {
    const eventName = input.lead?.eventName ?? input.leadEventName ?? "Sign up";
    const click = newLead();
    recordLead(ctx, customer, state.links.get(link.id)!, click, { eventName, quantity: 1, metadata: input.lead?.metadata ?? null, createdAt: dateOf(input.date ?? input.leadEventDate, ctx.now) });
  } else {
    // A sale follows the customer's lead; a customer without one gets it first, on the link.
    const earlier = state.program.leads.findLast((lead) => lead.customerId === customer.id);
    const click = earlier ? state.program.clicks.get(earlier.clickId)! : newLead();
    if (!earlier) recordLead(ctx, customer, state.links.get(link.id)!, click, { eventName: "Sign up", quantity: 1, metadata: null });
    const metadata = input.sale?.metadata ?? (input.productId ? { productId: input.productId } : null);
    recordSale(ctx, state.program.customers.get(customer.id)!, state.links.get(link.id)!, click, {
      amount: (input.sale?.amount ?? input.saleAmount)!,
      eventName: input.sale?.eventName ?? "Purchase",
      paymentProcessor: input.sale?.paymentProcessor ?? "custom",
      invoiceId,
      metadata,
      createdAt: dateOf(input.date ?? input.saleEventDate, ctx.now),
    });
  }
  return { status: 202, body: { success: true, message: "Your commissions are being created and will appear shortly." } };
};

/** A partner / group / tag filter: one value, a comma-separated list, or a `-`-prefixed list to exclude. */
function listFilter(value: string | undefined): ((candidates: readonly (string | null | undefined)[]) => boolean) | undefined {
  if (value === undefined) return undefined;
  const exclude = value.startsWith("-");
  const values = new Set((exclude ? value.slice(1) : value).split(",").map((v) => v.trim()).filter(Boolean));
  return (candidates) => candidates.some((c) => c != null && values.has(c)) !== exclude;
}

const DAY = 24 * 60 * 60 * 1000;

/** The start of a commissions interval (`undefined` for all time). */
function intervalStart(interval: string, now: number): number | undefined {
  const today = new Date(now);
  const [year, month] = [today.getUTCFullYear(), today.getUTCMonth()];
  const starts: Record<string, number | undefined> = {
    "24h": now - DAY,
    "7d": now - 7 * DAY,
    "30d": now - 30 * DAY,
    "90d": now - 90 * DAY,
    "1y": now - 365 * DAY,
    mtd: Date.UTC(year, month, 1),
    qtd: Date.UTC(year, month - (month % 3), 1),
    ytd: Date.UTC(year, 0, 1),
  };
  return starts[interval];
}

/** `metadata['key']:'value'` (quotes single or double) as a key and a value, or undefined. */
function metadataQuery(query: string): { key: string; value: string } | undefined {
  const match = /^\s*metadata\[(['"])(.+?)\1\]\s*:\s*(['"])(.*)\3\s*$/.exec(query);
  return match ? { key: match[2]!, value: match[4]! } : undefined;
}

/** The server's checks of `GET /commissions` beyond the spec (dates, the `query` syntax the fake reads), each a 422. */
export function listCommissionsRules(input: RouteInput<"listCommissions">): string[] {
  const problems: string[] = [];
  for (const name of ["start", "end"] as const) if (input[name] !== undefined && Number.isNaN(Date.parse(input[name]!))) problems.push(`${name}: Invalid date`);
  if (input.query !== undefined && !metadataQuery(input.query)) problems.push("query: must be metadata['key']:'value'");
  return problems;
}

/**
 * `GET /commissions` (200): the program's commissions. `invoiceId` alone decides when given;
 * otherwise commissions with earnings, filtered by `partnerId` (or the partner of `tenantId`: 404
 * unknown), `groupId`, `partnerTagId` (lists and `-` exclusions), `type`, `customerId`,
 * `payoutId`, `status` (default: all but duplicate, fraud and canceled, unless filtered by type,
 * customer, payout or partner), the date range (`interval`, default `all`; `start`/`end`), and
 * `query` on the event's metadata. Sorted by `createdAt` or `amount`, paged by cursor or number.
 */
export const listCommissionsRoute: Route<"listCommissions"> = (ctx, input) => {
  const { state } = ctx;
  const partnerId = partnerFilterOf(state, input);
  const byPartner = listFilter(partnerId);
  const byGroup = listFilter(input.groupId);
  const byTag = listFilter(input.partnerTagId);
  const defaultStatus = !input.status && !input.type && !input.customerId && !input.payoutId && !partnerId;
  const from = input.start !== undefined ? Date.parse(input.start) : intervalStart(input.interval ?? "all", ctx.now);
  const to = input.end !== undefined ? Date.parse(input.end) : ctx.now;
  const wanted = input.query === undefined ? undefined : metadataQuery(input.query);
  const matching = (c: CommissionRecord) => {
    if (input.invoiceId !== undefined) return c.invoiceId === input.invoiceId;
    const partner = state.partners.get(c.partnerId);
    const created = Date.parse(c.createdAt);
    return (
      c.earnings !== 0 &&
      (!byPartner || byPartner([c.partnerId])) &&
      (!byGroup || byGroup([partner?.groupId])) &&
      (!byTag || byTag((partner?.tags ?? []).map((tag) => tag.id))) &&
      (input.status ? c.status === input.status : !defaultStatus || !["duplicate", "fraud", "canceled"].includes(c.status)) &&
      (!input.type || c.type === input.type) &&
      (!input.customerId || c.customerId === input.customerId) &&
      (!input.payoutId || c.payoutId === input.payoutId) &&
      (from === undefined || created >= from) &&
      created <= to &&
      (!wanted || c.metadata?.[wanted.key] === wanted.value)
    );
  };
  const sortField = input.sortBy === "amount" ? (c: CommissionRecord) => c.amount : (c: CommissionRecord) => c.createdAt;
  const page = cursorPage([...state.program.commissions.values()], matching, input, (items) => sortedBy(items, sortField, input.sortOrder));
  return { status: 200, body: page.map((c) => commissionView(state, c)) };
};

/** The commission an update names, and the server's 400s for one that cannot change. */
function changeableCommission(state: FakeState, id: string): CommissionRecord {
  const commission = state.program.commissions.get(id);
  if (!commission) throw new FakeApiError("not_found", `Commission ${id} not found.`);
  if (commission.status === "paid") throw new FakeApiError("bad_request", `Cannot update commission: Commission ${id} has already been paid.`);
  const payout = commission.payoutId ? state.program.payouts.get(commission.payoutId) : undefined;
  if (payout && !MUTABLE_PAYOUT_STATUSES.includes(payout.status)) throw new FakeApiError("bad_request", `Cannot update commission: Its payout is already ${payout.status}.`);
  return commission;
}

/**
 * `PATCH /commissions/{id}` (200, the commission). `status` sets it (400 when it already is) and
 * takes the commission out of its payout; `saleAmount` (absolute) or `modifySaleAmount` (a delta,
 * taking precedence; the deprecated `amount` / `modifyAmount` likewise) set a sale commission's
 * amount, at least 0, and recompute its earnings from the sale reward (400 for another type, 404
 * without a reward); `earnings` overrides them. A sale amount or earnings of 0 refunds it. Paid
 * commissions, and those of a payout already under way, are a 400; an unknown one a 404.
 */
export const updateCommissionRoute: Route<"updateCommission"> = (ctx, input) => {
  const { state } = ctx;
  const commission = changeableCommission(state, input.id);
  const body = input.requestBody ?? {};
  if (body.status && body.status === commission.status) throw new FakeApiError("bad_request", `This commission is already in the ${body.status} status.`);
  const saleAmount = body.saleAmount ?? body.amount;
  const modify = body.modifySaleAmount ?? body.modifyAmount;
  let amount: number | undefined;
  let earnings: number | undefined;
  if (saleAmount !== undefined || modify !== undefined) {
    if (commission.type !== "sale") throw new FakeApiError("bad_request", `Cannot update sale amount: Commission ${commission.id} is not a sale commission.`);
    amount = Math.max(modify !== undefined ? commission.amount + modify : saleAmount!, 0);
    const reward = state.program.rewards.sale;
    if (!reward) throw new FakeApiError("not_found", `No reward found for partner ${commission.partnerId} in program ${state.partners.get(commission.partnerId)?.programId}.`);
    earnings = rewardEarnings(reward, amount, commission.quantity);
  }
  if (body.earnings !== undefined) earnings = body.earnings;
  const refunded = amount === 0 || earnings === 0;
  const status = body.status ?? (refunded ? "refunded" : undefined);
  const updated = updateCommission(
    state,
    commission,
    {
      ...(!refunded && amount !== undefined && { amount }),
      ...(!refunded && earnings !== undefined && { earnings }),
      ...(status && { status, payoutId: null }),
    },
    ctx.now,
  );
  if (status && commission.payoutId) reconcilePayouts(state, [commission.payoutId], ctx.now);
  return { status: 200, body: commissionView(state, updated) };
};

/** The server's check of `PATCH /commissions/bulk` beyond the spec: each ID once (422). */
export function bulkUpdateCommissionsRules(input: RouteInput<"bulkUpdateCommissions">): string[] {
  return new Set(input.commissionIds).size === input.commissionIds.length ? [] : ["commissionIds: commissionIds must be unique."];
}

/**
 * `PATCH /commissions/bulk` (200 `[{ id, status }]`, by ID): all or nothing. 404 when an ID is not
 * a commission of the program; 400 when one is paid, in a payout under way, or already in the
 * status. Each leaves its payout, whose amount follows.
 */
export const bulkUpdateCommissionsRoute: Route<"bulkUpdateCommissions"> = (ctx, input) => {
  const { state } = ctx;
  const commissions = input.commissionIds.map((id) => state.program.commissions.get(id));
  if (commissions.some((c) => c === undefined)) {
    throw new FakeApiError("not_found", "Cannot update commissions: One or more commissions were not found in this program or the IDs are invalid.");
  }
  const found = (commissions as CommissionRecord[]).sort((a, b) => (a.id < b.id ? -1 : 1));
  const paid = found.filter((c) => c.status === "paid").map((c) => c.id);
  if (paid.length) throw new FakeApiError("bad_request", `Cannot update commissions: The following commission(s) have already been paid: ${paid.join(", ")}`);
  const blocked = found.filter((c) => {
    const payout = c.payoutId ? state.program.payouts.get(c.payoutId) : undefined;
    return payout && !MUTABLE_PAYOUT_STATUSES.includes(payout.status);
  });
  if (blocked.length) {
    throw new FakeApiError("bad_request", `Cannot update commissions: ${blocked.map((c) => `${c.id} (its payout is already ${state.program.payouts.get(c.payoutId!)!.status})`).join(", ")}`);
  }
  const already = found.filter((c) => c.status === input.status).map((c) => c.id);
  if (already.length) throw new FakeApiError("bad_request", `The following commission(s) are already in the ${input.status} status: ${already.join(", ")}`);
  const updated = found.map((c) => updateCommission(state, c, { status: input.status, payoutId: null }, ctx.now));
  reconcilePayouts(state, found.flatMap((c) => c.payoutId ?? []), ctx.now);
  return { status: 200, body: updated.map((c) => ({ id: c.id, status: c.status })) };
};
