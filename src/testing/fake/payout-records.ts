import { updateCommission } from "./commission-records.js";
import type { LinkContext } from "./link-records.js";
import type { PayoutRecord } from "./program-records.js";
import { createId } from "./random.js";
import type { FakeState } from "./state.js";

/** Payout statuses under which a payout's commissions may still change (the server's MUTABLE_PAYOUT_STATUSES). */
export const MUTABLE_PAYOUT_STATUSES: readonly string[] = ["pending", "canceled"];

/** A payout as `GET /payouts` returns it. */
export function payoutView(state: FakeState, payout: PayoutRecord) {
  const partner = state.partners.get(payout.partnerId);
  return {
    id: payout.id,
    invoiceId: payout.invoiceId,
    amount: payout.amount,
    currency: "usd",
    status: payout.status,
    description: payout.description,
    periodStart: payout.periodStart,
    periodEnd: payout.periodEnd,
    createdAt: payout.createdAt,
    updatedAt: payout.updatedAt,
    initiatedAt: payout.initiatedAt,
    paidAt: payout.paidAt,
    failureReason: null,
    mode: payout.status === "pending" ? null : ("external" as const),
    method: payout.method,
    traceId: null,
    partner: {
      id: payout.partnerId,
      name: partner?.name ?? "",
      email: partner?.email ?? null,
      image: partner?.image ?? null,
      defaultPayoutMethod: partner?.defaultPayoutMethod ?? null,
      payoutsEnabledAt: partner?.payoutsEnabledAt ?? null,
      country: partner?.country ?? null,
      groupId: partner?.groupId ?? null,
      tenantId: partner?.tenantId ?? null,
    },
    user: null,
  };
}

/**
 * Sets the amounts of these payouts to the sum of their commissions' earnings, and deletes a
 * pending payout left without any, as the server reconciles payouts after a commission changes.
 */
export function reconcilePayouts(state: FakeState, payoutIds: Iterable<string>, now: number): void {
  const commissions = [...state.program.commissions.values()];
  for (const id of new Set(payoutIds)) {
    const payout = state.program.payouts.get(id);
    if (!payout || !MUTABLE_PAYOUT_STATUSES.includes(payout.status)) continue;
    const mine = commissions.filter((c) => c.payoutId === id);
    const amount = mine.reduce((sum, c) => sum + c.earnings, 0);
    if (amount === 0) {
      state.program.payouts.delete(id);
      continue;
    }
    const dates = mine.map((c) => c.createdAt).sort();
    state.program.payouts.set(id, { ...payout, amount, periodStart: dates[0]!, periodEnd: dates[dates.length - 1]!, updatedAt: new Date(now).toISOString() });
  }
}

/**
 * The end of the holding period for every pending commission: each becomes `processed` and joins
 * its partner's pending payout (created when they have none), whose amount and period follow.
 * Returns the payouts that changed.
 */
export function processCommissions(ctx: LinkContext): PayoutRecord[] {
  const { state, now } = ctx;
  const at = new Date(now).toISOString();
  const touched = new Set<string>();
  for (const commission of [...state.program.commissions.values()]) {
    if (commission.status !== "pending") continue;
    let payout = [...state.program.payouts.values()].find((p) => p.partnerId === commission.partnerId && p.status === "pending");
    if (!payout) {
      payout = {
        id: createId("po_", now, ctx.random),
        partnerId: commission.partnerId,
        invoiceId: null,
        amount: 0,
        status: "pending",
        description: "Dub Partners payout (Acme)",
        periodStart: null,
        periodEnd: null,
        createdAt: at,
        updatedAt: at,
        initiatedAt: null,
        paidAt: null,
        method: null,
      };
      state.program.payouts.set(payout.id, payout);
    }
    updateCommission(state, commission, { status: "processed", payoutId: payout.id }, now);
    touched.add(payout.id);
  }
  reconcilePayouts(state, touched, now);
  return [...touched].flatMap((id) => state.program.payouts.get(id) ?? []);
}

/** The payout.confirmed data of a payout (no schema in the spec: the fields Dub sends). */
function payoutConfirmedData(state: FakeState, payout: PayoutRecord) {
  const { failureReason: _failure, user: _user, partner, ...rest } = payoutView(state, payout);
  const enrolled = state.partners.get(payout.partnerId);
  return {
    ...rest,
    partner: { id: partner.id, name: partner.name, email: partner.email, image: partner.image, country: partner.country, tenantId: partner.tenantId, status: enrolled?.status ?? "approved" },
  };
}

/**
 * Confirms every pending payout, as a program owner does in the dashboard: it is invoiced
 * (`invoiceId`), initiated now, paid by the program itself (`mode: "external"`), with the
 * partner's payout method; `payout.confirmed` is emitted for each. Returns them.
 */
export function confirmPayouts(ctx: LinkContext): PayoutRecord[] {
  const { state, now } = ctx;
  const at = new Date(now).toISOString();
  const pending = [...state.program.payouts.values()].filter((p) => p.status === "pending");
  if (pending.length === 0) return [];
  const invoiceId = createId("inv_", now, ctx.random);
  return pending.map((payout) => {
    const partner = state.partners.get(payout.partnerId);
    const confirmed: PayoutRecord = { ...payout, status: "processing", invoiceId, initiatedAt: at, updatedAt: at, method: partner?.defaultPayoutMethod ?? "connect" };
    state.program.payouts.set(confirmed.id, confirmed);
    ctx.emit("payout.confirmed", payoutConfirmedData(state, confirmed));
    return confirmed;
  });
}

/** Completes every processing payout: paid now, and each of its commissions `paid`. Returns them. */
export function completePayouts(ctx: LinkContext): PayoutRecord[] {
  const { state, now } = ctx;
  const at = new Date(now).toISOString();
  const processing = [...state.program.payouts.values()].filter((p) => p.status === "processing");
  return processing.map((payout) => {
    const completed: PayoutRecord = { ...payout, status: "completed", paidAt: at, updatedAt: at };
    state.program.payouts.set(completed.id, completed);
    for (const c of state.program.commissions.values()) if (c.payoutId === payout.id) updateCommission(state, c, { status: "paid" }, now);
    return completed;
  });
}
