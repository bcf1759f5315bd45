import type { CommissionStatus, CommissionType } from "../../models/commission.js";
import type { CreatePartnerResponseBody } from "../../models/partner.js";
import type { LinkContext } from "./link-records.js";
import type { CommissionRecord, FakeReward } from "./program-records.js";
import { customerFields, eventPartner } from "./program-views.js";
import { createId } from "./random.js";
import type { FakeState } from "./state.js";

/** The user the fake's API key belongs to: the author of manual commissions. */
export const FAKE_USER_ID = "user_1JZ0XK5L1N7P3Q6R8S0T2U4V6W";

/** The statuses whose earnings count in a partner's `totalCommissions`, as on the server. */
const COUNTED: readonly CommissionStatus[] = ["pending", "processed", "paid"];

/** Whether the partner's enrollment lets them earn commissions (the server skips the others). */
export function eligibleForCommissions(partner: CreatePartnerResponseBody): boolean {
  return partner.status === "approved" || partner.status === "archived";
}

/** What a reward gives for an event: a percentage of `amount` (rounded to the cent), or a flat amount per event. */
export function rewardEarnings(reward: FakeReward, amount: number, quantity: number): number {
  return reward.type === "flat" ? reward.amount * quantity : Math.round((amount * reward.amount) / 100);
}

/** Sets the partner's `totalCommissions` to the sum of their counted earnings, as the server keeps it. */
export function syncTotalCommissions(state: FakeState, partnerId: string): void {
  const partner = state.partners.get(partnerId);
  if (!partner) return;
  let total = 0;
  for (const c of state.program.commissions.values()) if (c.partnerId === partnerId && COUNTED.includes(c.status)) total += c.earnings;
  state.putPartner({ ...partner, totalCommissions: total });
}

/** A commission as `GET /commissions` and `PATCH /commissions/{id}` return it. */
export function commissionView(state: FakeState, c: CommissionRecord) {
  const partner = state.partners.get(c.partnerId);
  const customer = c.customerId ? state.program.customers.get(c.customerId) : undefined;
  const payout = c.payoutId ? state.program.payouts.get(c.payoutId) : undefined;
  return {
    id: c.id,
    type: c.type,
    amount: c.amount,
    earnings: c.earnings,
    currency: c.currency,
    status: c.status,
    invoiceId: c.invoiceId,
    description: c.description,
    quantity: c.quantity,
    userId: c.userId,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    paidAt: payout?.paidAt ?? null,
    partner: {
      id: c.partnerId,
      name: partner?.name ?? "",
      email: partner?.email ?? null,
      image: partner?.image ?? null,
      payoutsEnabledAt: partner?.payoutsEnabledAt ?? null,
      country: partner?.country ?? null,
      groupId: partner?.groupId ?? null,
    },
    customer: customer ? customerFields(customer) : null,
  };
}

/** What a new commission is made of; the rest has defaults (pending, USD, now). */
export interface NewCommission {
  readonly type: CommissionType;
  readonly partnerId: string;
  readonly amount: number;
  readonly earnings: number;
  readonly quantity: number;
  readonly customerId?: string | null;
  readonly linkId?: string | null;
  readonly invoiceId?: string | null;
  readonly description?: string | null;
  readonly userId?: string | null;
  readonly createdAt?: string;
  readonly metadata?: Record<string, unknown> | null;
}

/** Stores a new commission, updates the partner's total and emits `commission.created`. */
export function addCommission(ctx: LinkContext, input: NewCommission): CommissionRecord {
  const { state } = ctx;
  const at = new Date(ctx.now).toISOString();
  const commission: CommissionRecord = {
    id: createId("cm_", ctx.now, ctx.random),
    type: input.type,
    amount: input.amount,
    earnings: input.earnings,
    currency: "usd",
    status: "pending",
    invoiceId: input.invoiceId || null,
    description: input.description ?? null,
    quantity: input.quantity,
    userId: input.userId ?? null,
    createdAt: input.createdAt ?? at,
    updatedAt: at,
    partnerId: input.partnerId,
    customerId: input.customerId ?? null,
    linkId: input.linkId ?? null,
    payoutId: null,
    metadata: input.metadata ?? null,
  };
  state.program.commissions.set(commission.id, commission);
  syncTotalCommissions(state, commission.partnerId);
  const link = commission.linkId ? state.links.get(commission.linkId) : undefined;
  const { paidAt: _paidAt, partner: _partner, ...view } = commissionView(state, commission);
  ctx.emit("commission.created", {
    ...view,
    partner: eventPartner(state, commission.partnerId),
    link: link ? { id: link.id, shortLink: link.shortLink, domain: link.domain, key: link.key } : null,
  });
  return commission;
}

/** Stores `commission` with `changes` (and a new `updatedAt`), and keeps the partner's total current. */
export function updateCommission(state: FakeState, commission: CommissionRecord, changes: Partial<CommissionRecord>, now: number): CommissionRecord {
  const next: CommissionRecord = { ...commission, ...changes, updatedAt: new Date(now).toISOString() };
  state.program.commissions.set(next.id, next);
  syncTotalCommissions(state, next.partnerId);
  return next;
}
