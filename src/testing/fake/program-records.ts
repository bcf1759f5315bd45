import type { CommissionStatus, CommissionType } from "../../models/commission.js";

/** A click the fake recorded (`fake.clicks()`): a browser visit (`fake.recordClick`) or a deep-link open. */
export interface FakeClick {
  /** 16 characters, as the server's click IDs (the `dub_id` cookie). */
  readonly id: string;
  /** The ID of the clicked link. */
  readonly linkId: string;
  /** When the click happened (ISO 8601). */
  readonly timestamp: string;
  /** The destination the click went to. */
  readonly url: string;
  /** 2-letter country code of the visitor. */
  readonly country: string;
  /** `link` for a visit, `deeplink` for an app open. */
  readonly trigger: "link" | "deeplink";
}

/** A customer: someone a lead (or a direct sale, or a manual commission) was recorded for. */
export interface CustomerRecord {
  readonly id: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly avatar: string | null;
  readonly externalId: string;
  readonly stripeCustomerId: string | null;
  readonly country: string | null;
  readonly sales: number;
  readonly saleAmount: number;
  readonly createdAt: string;
  readonly firstSaleAt: string | null;
  readonly subscriptionCanceledAt: string | null;
  /** The link the customer came through, and its click. */
  readonly linkId: string | null;
  readonly clickId: string | null;
  /** The partner of that link, and the program. */
  readonly partnerId: string | null;
  readonly programId: string | null;
}

/** A lead event of a customer. */
export interface LeadRecord {
  readonly customerId: string;
  readonly eventName: string;
  readonly linkId: string;
  readonly clickId: string;
  readonly timestamp: string;
  readonly metadata: Record<string, unknown> | null;
}

/** A commission, with what the API does not show (its link, payout, event metadata). */
export interface CommissionRecord {
  readonly id: string;
  readonly type: CommissionType;
  readonly amount: number;
  readonly earnings: number;
  readonly currency: string;
  readonly status: CommissionStatus;
  readonly invoiceId: string | null;
  readonly description: string | null;
  readonly quantity: number;
  readonly userId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly partnerId: string;
  readonly customerId: string | null;
  readonly linkId: string | null;
  readonly payoutId: string | null;
  /** The metadata of the lead or sale event (what `commissions.list`'s `query` filters on). */
  readonly metadata: Record<string, unknown> | null;
}

/** A payout to a partner. */
export interface PayoutRecord {
  readonly id: string;
  readonly partnerId: string;
  readonly invoiceId: string | null;
  readonly amount: number;
  readonly status: "pending" | "processing" | "completed";
  readonly description: string;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly initiatedAt: string | null;
  readonly paidAt: string | null;
  readonly method: string | null;
}

/**
 * A reward of the program: `percentage` of the sale amount (`amount` in percent), or `flat`
 * (`amount` in cents per event).
 */
export interface FakeReward {
  /** `percentage` of a sale's amount, or a `flat` amount per event. */
  readonly type: "percentage" | "flat";
  /** The percentage (`10` is 10 %), or the amount in cents. */
  readonly amount: number;
}

/** The rewards partners earn, by event; `null` for none. */
export interface FakeRewards {
  /** What a sale earns its partner. Default: 10 % of the sale amount. */
  readonly sale: FakeReward | null;
  /** What a lead earns its partner (once per customer). Default: nothing. */
  readonly lead: FakeReward | null;
}

/** The rewards of a new fake: 10 % of every sale, nothing for leads. */
export const DEFAULT_REWARDS: FakeRewards = { sale: { type: "percentage", amount: 10 }, lead: null };

/** A time-limited memory of the server (its Redis keys): until `expiresAt`, epoch ms. */
export interface Expiring<T> {
  readonly expiresAt: number;
  readonly value: T;
}

/**
 * The program's conversions, customers, commissions and payouts, with the short-lived memories
 * the server keeps in Redis (lead deduplication, sale replays by invoice, deep-link opens).
 * Records are replaced, never mutated, so {@link ProgramState.clone} copies the maps only.
 */
export class ProgramState {
  /** Clicks by ID, oldest first. */
  clicks = new Map<string, FakeClick>();
  /** Customers by ID, in creation order. */
  customers = new Map<string, CustomerRecord>();
  /** Lead events, oldest first. */
  leads: LeadRecord[] = [];
  /** `customerExternalId:event-name` → when the lead's deduplication ends (7 days). */
  trackedLeads = new Map<string, Expiring<true>>();
  /** invoiceId → the answer of `POST /track/sale`, replayed for 7 days. */
  saleReplays = new Map<string, Expiring<object>>();
  /** `domain/key` → the click of a deep-link open, reused for an hour (one device: the fake's callers). */
  opens = new Map<string, Expiring<string>>();
  /** Commissions by ID, in creation order. */
  commissions = new Map<string, CommissionRecord>();
  /** Payouts by ID, in creation order. */
  payouts = new Map<string, PayoutRecord>();
  /** The rewards commissions are computed from. */
  rewards: FakeRewards = DEFAULT_REWARDS;
  /** externalId → customer ID: unique in the workspace. */
  #byExternalId = new Map<string, string>();

  customerByExternalId(externalId: string): CustomerRecord | undefined {
    const id = this.#byExternalId.get(externalId);
    return id === undefined ? undefined : this.customers.get(id);
  }

  /** Stores `customer`, replacing the record with the same ID and its index entry. */
  putCustomer(customer: CustomerRecord): void {
    const old = this.customers.get(customer.id);
    if (old) this.#byExternalId.delete(old.externalId);
    this.customers.set(customer.id, customer);
    this.#byExternalId.set(customer.externalId, customer.id);
  }

  removeCustomer(id: string): void {
    const old = this.customers.get(id);
    if (!old) return;
    this.#byExternalId.delete(old.externalId);
    this.customers.delete(id);
  }

  /** An independent copy (records are shared: they are never mutated). */
  clone(): ProgramState {
    const copy = new ProgramState();
    copy.clicks = new Map(this.clicks);
    copy.customers = new Map(this.customers);
    copy.leads = [...this.leads];
    copy.trackedLeads = new Map(this.trackedLeads);
    copy.saleReplays = new Map(this.saleReplays);
    copy.opens = new Map(this.opens);
    copy.commissions = new Map(this.commissions);
    copy.payouts = new Map(this.payouts);
    copy.rewards = this.rewards;
    copy.#byExternalId = new Map(this.#byExternalId);
    return copy;
  }
}

/** Whether a memory is still held at `now`. */
export function live<T>(entry: Expiring<T> | undefined, now: number): entry is Expiring<T> {
  return entry !== undefined && entry.expiresAt > now;
}

/** 7 days and 1 hour, in milliseconds: how long the server's Redis keeps these memories. */
export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;
