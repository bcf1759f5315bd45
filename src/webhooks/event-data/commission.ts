import type { WebhookCustomer, WebhookEventPartner } from "./conversion.js";

/** The link a commission is attributed to. */
export interface WebhookCommissionLink {
  /** The unique ID of the short link. */
  id: string;
  /** The full URL of the short link, including the https protocol (e.g. `https://dub.sh/try`). */
  shortLink: string;
  /** The domain of the short link. */
  domain: string;
  /** The short link slug. */
  key: string;
}

/**
 * The data of `commission.created`: a partner earned (or, with a negative `amount` and
 * `earnings`, lost in a clawback) a commission.
 */
export interface WebhookCommissionCreatedData {
  /** The commission's unique ID on Dub. */
  id: string;
  /** What the commission rewards. */
  type?: "click" | "lead" | "sale" | "referral" | "custom" | (string & {});
  /** The amount the commission is computed from (the sale amount for a sale), in cents; negative for a clawback. */
  amount: number;
  /** What the partner earns, in cents; negative for a clawback. */
  earnings: number;
  /** The currency of `amount` and `earnings`. */
  currency: string;
  /** The state of the commission. */
  status: "pending" | "processed" | "paid" | "refunded" | "duplicate" | "fraud" | "canceled" | "hold" | (string & {});
  /** The invoice ID of the sale the commission is for. */
  invoiceId: string | null;
  /** A description of the commission. */
  description: string | null;
  /** How many events (clicks, leads, sales) the commission covers. */
  quantity: number;
  /** The user who created the commission, for a manual commission. */
  userId?: string | null;
  /** When the commission was created (ISO 8601). */
  createdAt: string;
  /** When the commission was last updated (ISO 8601). */
  updatedAt: string;
  /** The partner who earned the commission, with their totals. */
  partner: WebhookEventPartner;
  /** The customer the commission is for; absent or `null` for click-based and custom commissions. */
  customer?: WebhookCustomer | null;
  /** The link the commission is attributed to. */
  link: WebhookCommissionLink | null;
}
