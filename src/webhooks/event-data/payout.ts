import type { WebhookPartnerStatus } from "./partner.js";

/**
 * The data of `payout.confirmed`: a payout to a partner was confirmed.
 *
 * Dub's OpenAPI document has no schema for this event: the fields below are the ones Dub's server
 * sends at the time of writing. They are typed but, as for every event, not checked.
 */
export interface WebhookPayoutConfirmedData {
  /** The payout's unique ID on Dub (`po_...`). */
  id: string;
  /** The ID of the invoice the payout is paid from. */
  invoiceId: string | null;
  /** The amount paid, in cents. */
  amount: number;
  /** The currency of the payout. */
  currency: string;
  /** The state of the payout. */
  status: "pending" | "processing" | "processed" | "sent" | "completed" | "failed" | "canceled" | (string & {});
  /** A description of the payout. */
  description?: string | null;
  /** The start of the period the payout covers (ISO 8601). */
  periodStart: string | null;
  /** The end of the period the payout covers (ISO 8601). */
  periodEnd: string | null;
  /** When the payout was created (ISO 8601). */
  createdAt: string;
  /** When the payout was last updated (ISO 8601). */
  updatedAt?: string;
  /** When the payout was initiated (ISO 8601). */
  initiatedAt: string | null;
  /** When the payout was paid (ISO 8601). */
  paidAt: string | null;
  /** `internal`: Dub pays the partner; `external`: your program pays them itself. */
  mode: "internal" | "external" | (string & {}) | null;
  /** How the partner is paid. */
  method: "connect" | "stablecoin" | "paypal" | "tremendous" | (string & {}) | null;
  /** The payment provider's trace ID, once paid. */
  traceId?: string | null;
  /** The partner paid. */
  partner: {
    /** The partner's unique ID on Dub. */
    id: string;
    /** The partner's full legal name. */
    name: string;
    /** The partner's email address. */
    email: string | null;
    /** The partner's avatar image. */
    image: string | null;
    /** The partner's country. */
    country: string | null;
    /** The partner's unique ID within your database, if you set one. */
    tenantId: string | null;
    /** The status of the partner's enrollment in the program. */
    status: WebhookPartnerStatus;
  };
}
